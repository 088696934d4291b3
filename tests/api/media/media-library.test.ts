// The media library behind the builder's media picker: multipart uploads checked against
// WhatsApp's types and sizes, a list newest first by kind (never the media customers sent), and a
// send_media node that sends a library file by its id on the Sandbox number and on a Cloud API
// number (our simulator standing in for Meta).
import { createHash } from 'node:crypto';
import { startMetaSimulator, type StartedMetaSimulator } from '#simulator/start-meta-simulator';
import { startTestApp, type TestApp } from '../../support/test-app.ts';
import { connectCloudChannel } from '../../support/seed/channel.ts';
import { createFlow } from '../../support/seed/flow.ts';
import { createApiKey, signUpTenant } from '../../support/seed/tenant.ts';
import { eventually } from '../../support/eventually.ts';

jest.setTimeout(90_000);

// A 1×1 PNG.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n');
const MP3 = Buffer.from([0x49, 0x44, 0x33, 0x04, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00]);

let meta: StartedMetaSimulator;
let app: TestApp;

beforeAll(async () => {
  meta = await startMetaSimulator({ latencyMs: { min: 0, max: 0 } });
  app = await startTestApp({ GRAPH_API_URL: meta.url });
});
afterAll(async () => {
  await app?.stop();
  await meta?.stop();
});

type Part = { bytes: Buffer; type?: string; filename?: string; field?: string };

function upload(token: string, part: Part) {
  const form = new FormData();
  form.set('note', 'ignored');
  form.set(
    part.field ?? 'file',
    new Blob([new Uint8Array(part.bytes)], { type: part.type ?? '' }),
    part.filename ?? 'f',
  );
  return send(token, { method: 'POST', body: form });
}

async function send(token: string, init: RequestInit & { path?: string }) {
  const response = await fetch(`${app.url}${init.path ?? '/api/media'}`, {
    ...init,
    headers: { authorization: `Bearer ${token}`, ...(init.headers as Record<string, string>) },
  });
  return { status: response.status, body: await response.json() };
}

describe('[media] the media library', () => {
  it('uploads images, documents and audio and lists them newest first, by kind, with working links', async () => {
    const tenant = await signUpTenant(app.http);
    const token = tenant.token;
    const image = await upload(token, { bytes: PNG, type: 'image/png', filename: 'bike.png' });
    expect(image.status).toBe(201);
    expect(image.body).toEqual({
      id: expect.any(String),
      kind: 'image',
      mimeType: 'image/png',
      filename: 'bike.png',
      sizeBytes: PNG.length,
      // Already small, upright and without metadata: kept as it came.
      originalSizeBytes: PNG.length,
      width: 1,
      height: 1,
      createdAt: expect.any(String),
      url: expect.stringMatching(/^\/api\/media\/.+\/content\?expires=/),
      usage: { messages: 0, flows: 0, publishedFlows: 0, templates: 0, lastUsedAt: null },
    });
    const pdf = await upload(token, { bytes: PDF, type: 'application/pdf', filename: 'prices.pdf' });
    // No type from the client (curl without `;type=`): the extension decides.
    const mp3 = await upload(token, { bytes: MP3, type: 'application/octet-stream', filename: 'jingle.mp3' });
    expect(mp3.body).toMatchObject({ kind: 'audio', mimeType: 'audio/mpeg' });

    // A customer's photo is stored media too, but it is the inbox's, not the library's.
    const customer = await app.http.post('/api/sandbox/customers', { name: 'Photo Sender' }, { token });
    await app.http.post(
      `/api/sandbox/customers/${customer.body.waId}/messages`,
      { type: 'image', image: { data: PNG.toString('base64'), mimeType: 'image/png' } },
      { token },
    );
    await eventually(
      () =>
        app.prisma.media.findFirst({
          where: { tenantId: tenant.tenantId, status: 'stored', providerMediaId: { not: null } },
        }),
      "the customer's photo to be stored",
    );

    const list = await app.http.get('/api/media', { token });
    expect(list.status).toBe(200);
    expect(list.body.items.map((m: { id: string }) => m.id)).toEqual([mp3.body.id, pdf.body.id, image.body.id]);
    expect(list.body.nextCursor).toBeNull();
    const images = await app.http.get('/api/media?kind=image', { token });
    expect(images.body.items.map((m: { id: string }) => m.id)).toEqual([image.body.id]);
    const documents = await app.http.get('/api/media?kind=document', { token });
    expect(documents.body.items).toEqual([expect.objectContaining({ id: pdf.body.id, kind: 'document' })]);
    const first = await app.http.get('/api/media?limit=2', { token });
    const second = await app.http.get(`/api/media?limit=2&cursor=${first.body.nextCursor}`, { token });
    expect([...first.body.items, ...second.body.items].map((m: { id: string }) => m.id)).toEqual(
      list.body.items.map((m: { id: string }) => m.id),
    );
    expect((await app.http.get('/api/media?kind=sticker', { token })).body.error.details.fields[0].field).toBe('kind');

    const file = await fetch(`${app.url}${images.body.items[0].url}`);
    expect(file.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await file.arrayBuffer()).equals(PNG)).toBe(true);
  });

  it("answers 400 naming `file` for a type WhatsApp does not send, a file over its kind's limit, wrong content, or no file", async () => {
    const tenant = await signUpTenant(app.http);
    const token = tenant.token;
    const bigImage = Buffer.concat([PNG.subarray(0, 8), Buffer.alloc(5 * 1024 * 1024 - 7)]);
    const refused: Array<[string, Promise<{ status: number; body: any }>]> = [
      ['html', upload(token, { bytes: Buffer.from('<html></html>'), type: 'text/html', filename: 'page.html' })],
      ['sticker', upload(token, { bytes: Buffer.from('RIFF0000WEBP'), type: 'image/webp', filename: 's.webp' })],
      ['unknown octet-stream', upload(token, { bytes: PNG, type: 'application/octet-stream', filename: 'blob' })],
      ['image over 5 MB', upload(token, { bytes: bigImage, type: 'image/png', filename: 'huge.png' })],
      ['png bytes as jpeg', upload(token, { bytes: PNG, type: 'image/jpeg', filename: 'fake.jpg' })],
      ['empty', upload(token, { bytes: Buffer.alloc(0), type: 'application/pdf', filename: 'empty.pdf' })],
      ['no file part', upload(token, { bytes: PNG, type: 'image/png', field: 'picture' })],
      ['JSON body', send(token, { method: 'POST', body: '{}', headers: { 'content-type': 'application/json' } })],
      ['no body', send(token, { method: 'POST' })],
    ];
    for (const [label, pending] of refused) {
      const response = await pending;
      expect({ label, status: response.status, field: response.body.error?.details?.fields?.[0]?.field }).toEqual({
        label,
        status: 400,
        field: 'file',
      });
    }
    expect(await app.prisma.media.count({ where: { tenantId: tenant.tenantId } })).toBe(0);
  });

  it('lists for flows.view and uploads for flows.manage only', async () => {
    const tenant = await signUpTenant(app.http);
    const agent = await createApiKey(app.http, tenant.token, 'Agent');
    expect((await app.http.get('/api/media', { token: agent })).status).toBe(403);
    expect((await upload(agent, { bytes: PNG, type: 'image/png' })).status).toBe(403);
    const role = await app.http.post(
      '/api/roles',
      { name: 'Flow viewer', permissions: ['flows.view'] },
      { token: tenant.token },
    );
    const viewerKey = await app.http.post(
      '/api/api-keys',
      { name: 'viewer', roleId: role.body.id },
      { token: tenant.token },
    );
    const viewer: string = viewerKey.body.key;
    expect((await app.http.get('/api/media', { token: viewer })).status).toBe(200);
    expect((await upload(viewer, { bytes: PNG, type: 'image/png' })).status).toBe(403);
    expect(await app.prisma.media.count({ where: { tenantId: tenant.tenantId } })).toBe(0);
  });

  it("an agent's attachment uploads with inbox.reply and reaches the customer's phone as the same picture", async () => {
    const tenant = await signUpTenant(app.http);
    const agent = await createApiKey(app.http, tenant.token, 'Agent');
    const attachment = await send(agent, {
      path: '/api/inbox/attachments',
      method: 'POST',
      body: (() => {
        const form = new FormData();
        form.set('file', new Blob([new Uint8Array(PNG)], { type: 'image/png' }), 'receipt.png');
        return form;
      })(),
    });
    expect(attachment.status).toBe(201);
    const sandboxId = (await app.http.get('/api/sandbox', { token: tenant.token })).body.channel.id;
    const customer = await app.http.post('/api/sandbox/customers', { name: 'Attached Rider' }, { token: tenant.token });
    const waId: string = customer.body.waId;
    await app.http.post(
      `/api/sandbox/customers/${waId}/messages`,
      { type: 'text', text: { body: 'the receipt please' } },
      { token: tenant.token },
    );
    await eventually(
      () => app.prisma.conversation.findFirst({ where: { contact: { waId }, lastInboundAt: { not: null } } }),
      'the open window',
    );
    const unknown = await app.http.post(
      '/api/messages',
      {
        channelId: sandboxId,
        to: { phone: `+${waId}` },
        content: { type: 'image', image: { id: crypto.randomUUID() } },
      },
      { token: agent },
    );
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.details.fields[0].field).toBe('content.image.id');
    const sent = await app.http.post(
      '/api/messages',
      {
        channelId: sandboxId,
        to: { phone: `+${waId}` },
        content: { type: 'image', image: { id: attachment.body.id } },
      },
      { token: agent },
    );
    expect(sent.status).toBe(202);
    const shown = await eventually(async () => {
      const thread = await app.http.get(`/api/sandbox/customers/${waId}/messages`, { token: tenant.token });
      return thread.body.data.find((m: { from: string; type: string }) => m.from === 'business' && m.type === 'image');
    }, 'the picture on the phone');
    const bytes = Buffer.from(await (await fetch(`${app.url}${shown.content.image.url}`)).arrayBuffer());
    expect(bytes.equals(PNG)).toBe(true);
    // The inbox thread shows the library file as the message's media.
    const row = await app.prisma.message.findUniqueOrThrow({ where: { id: sent.body.id } });
    expect(row.mediaId).toBe(attachment.body.id);
  });

  it('a send_media node sends a library image by its id on the Sandbox number and on a Cloud API number', async () => {
    const tenant = await signUpTenant(app.http);
    const token = tenant.token;
    const image = await upload(token, { bytes: PNG, type: 'image/png', filename: 'bike.png' });
    const flowId = await createFlow(app.http, token, {
      schemaVersion: 2,
      name: 'Sends the bike',
      trigger: { type: 'manual' },
      variables: [],
      nodes: [
        { id: 'start', type: 'start', position: { x: 0, y: 0 }, data: {} },
        {
          id: 'photo',
          type: 'send_media',
          position: { x: 0, y: 100 },
          data: { mediaType: 'image', mediaId: image.body.id, caption: 'Our new bike' },
        },
      ],
      edges: [{ id: 'e1', source: 'start', sourceHandle: 'next', target: 'photo' }],
    } as { name: string });
    const sentIds = async (channelId: string) =>
      (await app.prisma.message.findMany({ where: { tenantId: tenant.tenantId, channelId, direction: 'outbound' } }))
        .filter((m) => ['sent', 'delivered', 'read'].includes(m.status))
        .map((m) => (m.content as { image: { id: string; caption: string } }).image);

    // Sandbox: the customer's phone shows the picture, the same bytes.
    const sandboxId = (await app.http.get('/api/sandbox', { token })).body.channel.id;
    for (const name of ['Sandbox Rider', 'Second Rider']) {
      const customer = await app.http.post('/api/sandbox/customers', { name }, { token });
      const waId: string = customer.body.waId;
      await app.http.post(`/api/sandbox/customers/${waId}/messages`, { type: 'text', text: { body: 'hi' } }, { token });
      await eventually(
        () =>
          app.prisma.conversation.findFirst({
            where: { tenantId: tenant.tenantId, contact: { waId }, lastInboundAt: { not: null } },
          }),
        'the open window',
      );
      const run = await app.http.post(
        `/api/flows/${flowId}/run`,
        { channelId: sandboxId, phone: `+${waId}` },
        { token },
      );
      expect(run.status).toBe(202);
      const shown = await eventually(async () => {
        const thread = await app.http.get(`/api/sandbox/customers/${waId}/messages`, { token });
        return thread.body.data.find(
          (m: { from: string; type: string }) => m.from === 'business' && m.type === 'image',
        );
      }, 'the picture on the phone');
      expect(shown.content.image.caption).toBe('Our new bike');
      const bytes = Buffer.from(await (await fetch(`${app.url}${shown.content.image.url}`)).arrayBuffer());
      expect(bytes.equals(PNG)).toBe(true);
    }
    const sandboxSends = await eventually(async () => {
      const sent = await sentIds(sandboxId);
      return sent.length === 2 ? sent : null;
    }, 'both sandbox sends');
    // Uploaded to the number once, sent twice with WhatsApp's id (never our uuid).
    expect(sandboxSends[0]!.id).toBe(sandboxSends[1]!.id);
    expect(sandboxSends[0]!.id).not.toBe(image.body.id);

    // Cloud API: uploaded to that number too, and delivered.
    const wabaId = `1${Date.now()}`;
    const cloud = await connectCloudChannel(app.http, token, { wabaId });
    meta.simulator.registerPhoneNumber({
      phoneNumberId: cloud.phoneNumberId,
      wabaId,
      displayPhoneNumber: '15550783882',
      verifiedName: 'Bike Shop',
      accessToken: cloud.accessToken,
      appSecret: cloud.appSecret,
      webhookUrl: `${app.url}/webhooks/whatsapp/${cloud.channelId}`,
    });
    meta.simulator.customers.add(cloud.phoneNumberId, { name: 'Cloud Rider', waId: '16505558888' });
    await meta.simulator.customers.send(cloud.phoneNumberId, '16505558888', { type: 'text', text: { body: 'hi' } });
    await eventually(
      () => app.prisma.conversation.findFirst({ where: { channelId: cloud.channelId, lastInboundAt: { not: null } } }),
      'the open window on the Cloud API number',
    );
    const run = await app.http.post(
      `/api/flows/${flowId}/run`,
      { channelId: cloud.channelId, phone: '+16505558888' },
      { token },
    );
    expect(run.status).toBe(202);
    const [cloudSend] = await eventually(async () => {
      const sent = await sentIds(cloud.channelId);
      return sent.length === 1 ? sent : null;
    }, 'the Cloud API send');
    expect(cloudSend).toMatchObject({ caption: 'Our new bike' });
    expect(cloudSend!.id).not.toBe(sandboxSends[0]!.id);
    const atMeta = meta.simulator.state.media.get(cloudSend!.id);
    expect(atMeta).toMatchObject({
      phoneNumberId: cloud.phoneNumberId,
      mimeType: 'image/png',
      sha256: createHash('sha256').update(PNG).digest('base64'),
    });
  });
});
