// [simulator] customers writing to the business (contract §4): each inbound type's webhook shape,
// parseable with Parley's schemas; quotes and forwards; control-request validation.
import { JPEG, MP4, OGG, PDF, WEBP } from './support/media-samples.ts';
import { NUMBER, startSandbox, type Sandbox } from './support/sandbox.ts';
import { b64, customerPhone } from './support/inbound.ts';

let sandbox: Sandbox;
let waId: string;
let say: ReturnType<typeof customerPhone>['say'];
let inbound: ReturnType<typeof customerPhone>['inbound'];

beforeAll(async () => {
  sandbox = await startSandbox();
  const created = await sandbox.control('POST', `/numbers/${NUMBER.phoneNumberId}/customers`, {
    name: 'Sheena Nelson',
    waId: '16505551234',
  });
  waId = created.body.waId;
  ({ say, inbound } = customerPhone(sandbox, waId, 'Sheena Nelson'));
});
afterAll(() => sandbox.stop());

describe('[simulator] inbound message types', () => {
  it('[simulator] text', async () => {
    const message = await inbound({ type: 'text', text: { body: 'Hello there' } });
    expect(message).toEqual({
      from: waId,
      id: expect.stringMatching(/^wamid\./),
      timestamp: expect.any(String),
      type: 'text',
      text: { body: 'Hello there' },
    });
  });

  it.each([
    [
      'image',
      { image: { data: b64(JPEG), mimeType: 'image/jpeg', caption: 'My receipt' } },
      { caption: 'My receipt', mime_type: 'image/jpeg' },
    ],
    ['video', { video: { data: b64(MP4), mimeType: 'video/mp4' } }, { mime_type: 'video/mp4' }],
    [
      'audio',
      { audio: { data: b64(OGG), mimeType: 'audio/ogg; codecs=opus', voice: true } },
      { mime_type: 'audio/ogg; codecs=opus', voice: true },
    ],
    [
      'document',
      { document: { data: b64(PDF), mimeType: 'application/pdf', filename: 'invoice.pdf', caption: 'Here' } },
      { filename: 'invoice.pdf', caption: 'Here' },
    ],
    ['sticker', { sticker: { data: b64(WEBP), mimeType: 'image/webp' } }, { mime_type: 'image/webp', animated: false }],
  ])('[simulator] %s, with a media id the business can download', async (type, payload, expected) => {
    const message = await inbound({ type, ...payload });
    expect(message.type).toBe(type);
    expect(message[type]).toMatchObject({
      ...expected,
      id: expect.stringMatching(/^\d+$/),
      sha256: expect.any(String),
    });
    const info = await sandbox.graph('GET', `/${message[type].id}`);
    expect(info.body.mime_type).toBe(message[type].mime_type);
    const file = await fetch(info.body.url, { headers: { authorization: `Bearer ${NUMBER.accessToken}` } });
    expect(file.status).toBe(200);
  });

  it('[simulator] location with numeric coordinates', async () => {
    const message = await inbound({
      type: 'location',
      location: { latitude: 37.48, longitude: -122.14, name: 'Office', address: '1 Hacker Way' },
    });
    expect(message.location).toEqual({ latitude: 37.48, longitude: -122.14, name: 'Office', address: '1 Hacker Way' });
  });

  it('[simulator] contacts', async () => {
    const card = {
      name: { formatted_name: 'Ana Silva', first_name: 'Ana' },
      phones: [{ phone: '+55 11 99999-0000', wa_id: '5511999990000', type: 'CELL' }],
    };
    expect((await inbound({ type: 'contacts', contacts: [card] })).contacts).toEqual([card]);
  });

  it('[simulator] unsupported messages with the 131051 error', async () => {
    const message = await inbound({ type: 'unsupported', unsupported: { type: 'poll_creation' } });
    expect(message).toMatchObject({
      type: 'unsupported',
      unsupported: { type: 'poll_creation' },
      errors: [
        {
          code: 131051,
          title: 'Message type unknown',
          message: 'Message type unknown',
          error_data: { details: 'Message type is currently not supported.' },
        },
      ],
    });
  });

  it('[simulator] quoting any message of the chat, and forwarded messages', async () => {
    const first = await say({ type: 'text', text: { body: 'first' } });
    const quoting = await inbound({ type: 'text', text: { body: 'as I said' }, replyTo: first.body.id });
    expect(quoting.context).toEqual({ from: waId, id: first.body.id });
    expect((await inbound({ type: 'text', text: { body: 'fwd' }, forwarded: true })).context).toEqual({
      forwarded: true,
    });
  });

  it('[simulator] rejects bad control requests with field details', async () => {
    const bad = await say({ type: 'image', image: { data: 'not base64!', mimeType: 'image/png' } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.fields[0].field).toBe('image.data');
    expect(
      (await say({ type: 'image', image: { data: b64(PDF), mimeType: 'image/png' } })).body.error.message,
    ).toContain('does not match');
    expect((await sandbox.control('POST', '/numbers/nope/customers', { name: 'x' })).status).toBe(404);
    expect((await sandbox.control('GET', sandbox.customerPath('123456789', '/messages'))).status).toBe(404);
  });
});
