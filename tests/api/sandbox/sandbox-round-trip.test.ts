// The "done when", through the API: a simulated customer on the Sandbox phone sends "hi"
// and a photo; both land in the tenant's data and live on its socket; a reply sent through the
// API reaches the phone, with ticks going sent, delivered, read.
import { io, type Socket } from 'socket.io-client';
import { startTestApp, type TestApp } from '../../support/test-app.ts';
import { signUpTenant, type SeededTenant } from '../../support/seed/tenant.ts';
import { eventually } from '../../support/eventually.ts';

jest.setTimeout(60_000);

// A 1×1 PNG.
const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';

let app: TestApp;
let tenant: SeededTenant;
let socket: Socket;
const events: Array<{ name: string; payload: Record<string, unknown> }> = [];

beforeAll(async () => {
  app = await startTestApp();
  tenant = await signUpTenant(app.http);
  socket = io(app.url, { auth: { token: tenant.token }, transports: ['websocket'] });
  socket.onAny((name: string, payload: Record<string, unknown>) => events.push({ name, payload }));
  await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
});
afterAll(async () => {
  socket?.close();
  await app?.stop();
});

it('[sandbox] every new workspace has a connected Sandbox number', async () => {
  const sandbox = await app.http.get('/api/sandbox', { token: tenant.token });
  expect(sandbox.body).toMatchObject({
    enabled: true,
    channel: { kind: 'sandbox', status: 'connected', verifiedName: 'Test Workspace' },
  });
  expect(sandbox.body.channel.displayPhoneNumber).toMatch(/^1555\d{7}$/);
});

it('[sandbox] a customer\'s "hi" and photo land in the tenant\'s data, live; a reply reaches the phone with ticks', async () => {
  const token = tenant.token;
  const customer = await app.http.post('/api/sandbox/customers', { name: 'Ana Customer' }, { token });
  expect(customer.status).toBe(201);
  const waId: string = customer.body.waId;

  expect(
    (await app.http.post(`/api/sandbox/customers/${waId}/messages`, { type: 'text', text: { body: 'hi' } }, { token }))
      .status,
  ).toBe(201);
  expect(
    (
      await app.http.post(
        `/api/sandbox/customers/${waId}/messages`,
        { type: 'image', image: { data: PNG, mimeType: 'image/png', caption: 'my order' } },
        { token },
      )
    ).status,
  ).toBe(201);

  const conversation = await eventually(async () => {
    const list = await app.http.get('/api/conversations', { token });
    return list.body.items.find((c: { contact: { waId: string } }) => c.contact.waId === waId);
  }, 'the conversation');
  expect(conversation.contact.profileName).toBe('Ana Customer');
  const messages = await eventually(async () => {
    const page = await app.http.get(`/api/conversations/${conversation.id}/messages`, { token });
    const photo = page.body.items.find((m: { type: string }) => m.type === 'image');
    return page.body.items.length === 2 && photo?.media?.url ? page.body.items : null;
  }, 'both messages, with the photo downloaded');
  expect(messages.map((m: { text: string | null }) => m.text).sort()).toEqual(['hi', 'my order']);
  const photo = messages.find((m: { type: string }) => m.type === 'image');
  const bytes = Buffer.from(await (await fetch(`${app.url}${photo.media.url}`)).arrayBuffer());
  expect(bytes.equals(Buffer.from(PNG, 'base64'))).toBe(true);
  expect(events.filter((e) => e.name === 'message.created' && e.payload.direction === 'inbound')).toHaveLength(2);

  const read = await app.http.post(`/api/conversations/${conversation.id}/read`, undefined, { token });
  expect(read.body.unreadCount).toBe(0);
  await eventually(async () => {
    const phone = await app.http.get(`/api/sandbox/customers/${waId}/messages`, { token });
    return phone.body.data
      .filter((m: { from: string; status: string }) => m.from === 'customer')
      .every((m: { status: string }) => m.status === 'read');
  }, "blue ticks on the customer's phone");

  const sent = await app.http.post(
    '/api/messages',
    {
      channelId: conversation.channelId,
      to: { contactId: conversation.contact.id },
      content: { type: 'text', text: { body: 'Hello Ana, how can we help?' } },
    },
    { token },
  );
  expect(sent.status).toBe(202);
  const delivered = await eventually(async () => {
    const message = await app.http.get(`/api/messages/${sent.body.id}`, { token });
    return message.body.status === 'delivered' ? message.body : null;
  }, 'the delivered tick');
  expect(delivered.sentAt).not.toBeNull();

  const thread = await app.http.get(`/api/sandbox/customers/${waId}/messages`, { token });
  expect(JSON.stringify(thread.body)).toContain('Hello Ana, how can we help?');
  expect((await app.http.post(`/api/sandbox/customers/${waId}/read`, undefined, { token })).status).toBe(200);
  await eventually(
    async () => (await app.http.get(`/api/messages/${sent.body.id}`, { token })).body.status === 'read',
    'the read tick',
  );
  const ticks = events
    .filter((e) => e.name === 'message.updated' && e.payload.messageId === sent.body.id)
    .map((e) => e.payload.status);
  expect(ticks).toEqual(expect.arrayContaining(['sent', 'delivered', 'read']));
});
