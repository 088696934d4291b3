// [simulator] media (contract §8): upload, retrieve a URL, download with the token, URL expiry on
// the injected clock, delete, and 131053 for bad types, sizes and contents.
import { createHash } from 'node:crypto';
import { mediaInfoSchema } from '#api/whatsapp/graph-schemas';
import { fakeClock, NUMBER, startSandbox, type Sandbox } from './support/sandbox.ts';
import { JPEG, PDF, PNG, uploadForm } from './support/media-samples.ts';

const clock = fakeClock();
let sandbox: Sandbox;

beforeAll(async () => {
  sandbox = await startSandbox({ now: clock.now });
});
afterAll(() => sandbox.stop());

const download = (url: string, token: string | null = NUMBER.accessToken) =>
  fetch(url, { headers: token ? { authorization: `Bearer ${token}` } : {} });

it('[simulator] uploads, describes, downloads with the token and deletes media', async () => {
  const uploaded = await sandbox.upload(uploadForm(JPEG, 'image/jpeg', 'photo.jpg'));
  expect(uploaded).toMatchObject({ status: 200, body: { id: expect.stringMatching(/^\d+$/) } });
  const id = uploaded.body.id;

  const info = await sandbox.graph('GET', `/${id}?phone_number_id=${NUMBER.phoneNumberId}`);
  expect(mediaInfoSchema.parse(info.body)).toBeTruthy();
  expect(info.body).toEqual({
    messaging_product: 'whatsapp',
    url: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\//),
    mime_type: 'image/jpeg',
    sha256: createHash('sha256').update(JPEG).digest('base64'),
    file_size: String(JPEG.length),
    id,
  });

  const file = await download(info.body.url);
  expect(file.status).toBe(200);
  expect(file.headers.get('content-type')).toMatch(/^image\/jpeg/);
  expect(Buffer.from(await file.arrayBuffer()).equals(JPEG)).toBe(true);
  expect((await download(info.body.url, null)).status).toBe(401);
  expect((await download(info.body.url, 'wrong')).status).toBe(401);

  const mismatch = await sandbox.graph('GET', `/${id}?phone_number_id=999`);
  expect(mismatch.body.error.code).toBe(100);

  expect((await sandbox.graph('DELETE', `/${id}`)).body).toEqual({ success: true });
  expect((await sandbox.graph('GET', `/${id}`)).body.error).toMatchObject({
    code: 100,
    message: '(#100) Unsupported get request',
  });
  expect((await download(info.body.url)).status).toBe(404);
});

it('[simulator] expires media URLs after 5 minutes; a fresh GET gives a new one', async () => {
  const id = (await sandbox.upload(uploadForm(PNG, 'image/png'))).body.id;
  const url = (await sandbox.graph('GET', `/${id}`)).body.url;
  clock.advance(4 * 60_000);
  expect((await download(url)).status).toBe(200);
  clock.advance(61_000);
  expect((await download(url)).status).toBe(404);
  const fresh = (await sandbox.graph('GET', `/${id}`)).body.url;
  expect(fresh).not.toBe(url);
  expect((await download(fresh)).status).toBe(200);
});

describe('[simulator] upload errors', () => {
  const media131053 = async (form: FormData, details: RegExp) => {
    const reply = await sandbox.upload(form);
    expect(reply.status).toBe(400);
    expect(reply.body.error).toMatchObject({
      code: 131053,
      message: '(#131053) Media upload error',
      error_data: { messaging_product: 'whatsapp', details: expect.stringMatching(details) },
    });
  };

  it('[simulator] rejects an unsupported MIME type with 131053', () =>
    media131053(uploadForm(Buffer.from('GIF89a'), 'image/gif'), /image\/gif/));

  it('[simulator] rejects an image over 5 MB with 131053', () =>
    media131053(uploadForm(Buffer.concat([PNG, Buffer.alloc(5 * 1024 * 1024)]), 'image/png'), /too large/i));

  it('[simulator] rejects content that does not match its MIME type with 131053', () =>
    media131053(uploadForm(PDF, 'image/png'), /does not match/));

  it('[simulator] requires messaging_product, a file and a token', async () => {
    expect((await sandbox.upload(uploadForm(PNG, 'image/png', 'a.png', false))).body.error).toMatchObject({
      code: 100,
    });
    const noFile = new FormData();
    noFile.set('messaging_product', 'whatsapp');
    expect((await sandbox.upload(noFile)).body.error).toMatchObject({
      code: 100,
      error_data: { details: expect.stringContaining('file') },
    });
    expect((await sandbox.upload(uploadForm(PNG, 'image/png'), 'wrong')).status).toBe(401);
  });

  it('[simulator] uses the `type` field when the file part has no content type', async () => {
    const form = new FormData();
    form.set('messaging_product', 'whatsapp');
    form.set('type', 'application/pdf');
    form.set('file', new Blob([new Uint8Array(PDF)]), 'doc.pdf');
    const id = (await sandbox.upload(form)).body.id;
    expect((await sandbox.graph('GET', `/${id}`)).body.mime_type).toBe('application/pdf');
  });
});

it('[simulator] fails a message whose media does not fit its type with a 131053 status', async () => {
  const { waId } = await sandbox.customer();
  const pdf = (await sandbox.upload(uploadForm(PDF, 'application/pdf'))).body.id;
  const asImage = await sandbox.send({ type: 'image', image: { id: pdf } }, waId);
  const asDocument = await sandbox.send({ type: 'document', document: { id: pdf, filename: 'a.pdf' } }, waId);
  await sandbox.settle();
  const first = (id: string) => sandbox.receiver.statuses().find((s: any) => s.id === id);
  expect(first(asImage.body.messages[0].id)).toMatchObject({ status: 'failed', errors: [{ code: 131053 }] });
  expect(first(asDocument.body.messages[0].id)).toMatchObject({ status: 'sent' });
  const thread = await sandbox.control('GET', sandbox.customerPath(waId, '/messages'));
  const shown = thread.body.data.find((m: any) => m.id === asDocument.body.messages[0].id);
  expect(shown.content.document.url).toMatch(new RegExp(`/_sandbox/media/${pdf}$`));
  const bytes = await fetch(shown.content.document.url);
  expect(Buffer.from(await bytes.arrayBuffer()).equals(PDF)).toBe(true);
});
