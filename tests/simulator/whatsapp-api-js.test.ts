// [simulator] cross-check with an SDK we did not write: whatsapp-api-js (Secreto31126) builds
// real requests with its message classes and sends them to the simulator, and its webhook
// handler verifies and parses the simulator's signed webhooks. The SDK is ESM-only, so it runs
// in a child Node process (support/wajs-driver.ts).
import { spawn } from 'node:child_process';
import path from 'node:path';
import { sendMessageResponseSchema } from '#api/whatsapp/schemas';
import { NUMBER, startSandbox, type Sandbox } from './support/sandbox.ts';
import { MP4, OGG, PDF, PNG, WEBP, uploadForm } from './support/media-samples.ts';
import type { SendJob, SentByLibrary, WebhookJob } from './support/wajs-driver.ts';

const ROOT = path.resolve(__dirname, '..', '..');

function runDriver<T>(job: SendJob | WebhookJob): Promise<T> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'tests/simulator/support/wajs-driver.ts'], { cwd: ROOT });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolve(JSON.parse(stdout) as T) : reject(new Error(`driver exited ${code}: ${stderr}`)),
    );
    child.stdin.end(JSON.stringify(job));
  });
}

let sandbox: Sandbox;
let waId: string;
let inboundId: string;

beforeAll(async () => {
  sandbox = await startSandbox();
  ({ waId, firstMessageId: inboundId } = await sandbox.customer('Zoë Library'));
  const created = await sandbox.graph('POST', `/${NUMBER.wabaId}/message_templates`, {
    name: 'wajs_order',
    language: 'en_US',
    category: 'UTILITY',
    components: [
      { type: 'HEADER', format: 'TEXT', text: 'Order {{1}}', example: { header_text: ['#1'] } },
      { type: 'BODY', text: 'Hi {{1}}, order {{2}} has shipped.', example: { body_text: [['Ana', '#1']] } },
      {
        type: 'BUTTONS',
        buttons: [
          { type: 'QUICK_REPLY', text: 'Thanks' },
          { type: 'URL', text: 'Track', url: 'https://shop.example/t/{{1}}', example: ['https://shop.example/t/1'] },
        ],
      },
    ],
  });
  expect(created.status).toBe(200);
  await sandbox.settle();
});
afterAll(() => sandbox.stop());

it('[simulator] accepts every message whatsapp-api-js builds, and its media and read calls', async () => {
  const upload = async (bytes: Buffer, mime: string) =>
    (await sandbox.upload(uploadForm(bytes, mime))).body.id as string;
  const media = {
    image: await upload(PNG, 'image/png'),
    document: await upload(PDF, 'application/pdf'),
    audio: await upload(OGG, 'audio/ogg'),
    video: await upload(MP4, 'video/mp4'),
    sticker: await upload(WEBP, 'image/webp'),
  };
  const result = await runDriver<{ sent: SentByLibrary[]; uploaded: any; retrieved: any; download: any; read: any }>({
    kind: 'send',
    baseUrl: sandbox.url,
    token: NUMBER.accessToken,
    phoneNumberId: NUMBER.phoneNumberId,
    to: waId,
    media,
    inboundId,
    upload: { base64: PNG.toString('base64'), mimeType: 'image/png' },
  });
  for (const sent of result.sent) {
    expect({ name: sent.name, status: sent.status, error: sent.response.error }).toEqual({
      name: sent.name,
      status: 200,
      error: undefined,
    });
    expect(sendMessageResponseSchema.parse(sent.response)).toEqual(sent.response);
    expect(sent.response.contacts).toEqual([{ input: waId, wa_id: waId }]);
  }
  expect(result.sent.map((s) => s.name)).toHaveLength(15);
  const byName = Object.fromEntries(result.sent.map((s) => [s.name, s]));
  expect(byName['template with parameters']!.request.template.components).toEqual([
    { type: 'header', parameters: [{ type: 'text', text: '#9' }] },
    {
      type: 'body',
      parameters: [
        { type: 'text', text: 'Ana' },
        { type: 'text', text: '#9' },
      ],
    },
    { type: 'button', sub_type: 'quick_reply', parameters: [{ type: 'payload', payload: 'thanks-9' }], index: 0 },
    { type: 'button', sub_type: 'url', parameters: [{ type: 'text', text: '9' }], index: 1 },
  ]);
  expect(byName['template hello_world']!.response.messages[0].message_status).toBe('accepted');

  expect(result.uploaded).toEqual({ id: expect.stringMatching(/^\d+$/) });
  expect(result.retrieved).toMatchObject({
    messaging_product: 'whatsapp',
    mime_type: 'image/png',
    id: result.uploaded.id,
  });
  expect(result.download.status).toBe(200);
  expect(Buffer.from(result.download.bytes, 'base64').equals(PNG)).toBe(true);
  expect(result.read).toEqual({ success: true });

  await sandbox.settle();
  const replyId = byName['contextual reply with callback data']!.response.messages[0].id;
  expect(sandbox.receiver.statuses().find((s: any) => s.id === replyId)).toMatchObject({
    status: 'sent',
    biz_opaque_callback_data: 'order-42',
  });
  const thread = sandbox.simulator.customers.thread(NUMBER.phoneNumberId, waId);
  expect(thread.find((m) => m.id === replyId)?.contextId).toBe(inboundId);
});

it("[simulator] whatsapp-api-js verifies the simulator's signatures and parses its messages and statuses", async () => {
  const thread = sandbox.simulator.customers.thread(NUMBER.phoneNumberId, waId);
  const buttons = thread.find((m) => m.direction === 'outbound' && (m.content.interactive as any)?.type === 'button')!;
  const template = thread.find((m) => m.template?.name === 'wajs_order')!;
  const say = (message: Record<string, unknown>) =>
    sandbox.control('POST', sandbox.customerPath(waId, '/messages'), message);
  await say({ type: 'text', text: { body: 'Olá, café ☕ e 😀' } });
  await say({ type: 'image', image: { data: PNG.toString('base64'), mimeType: 'image/png', caption: 'Façade' } });
  await say({ type: 'location', location: { latitude: 38.7, longitude: -9.1, name: 'Lisboa' } });
  await say({ type: 'contacts', contacts: [{ name: { formatted_name: 'José' } }] });
  await say({ type: 'interactive', replyTo: buttons.id, interactive: { id: 'yes' } });
  await say({ type: 'button', replyTo: template.id, button: { text: 'Thanks' } });
  await say({ type: 'reaction', reaction: { message_id: buttons.id, emoji: '🎉' } });
  await say({ type: 'unsupported', unsupported: { type: 'poll_creation' } });
  await sandbox.control('POST', sandbox.customerPath(waId, '/read'));
  await sandbox.settle();

  const webhooks = sandbox.receiver.received.map((w) => ({
    raw: w.raw.toString('base64'),
    signature: String(w.headers['x-hub-signature-256']),
  }));
  const tampered = {
    raw: Buffer.from(sandbox.receiver.received[0]!.raw.toString().replace('Hi!', 'Hi?')).toString('base64'),
    signature: webhooks[0]!.signature,
  };
  const result = await runDriver<{ messages: any[]; statuses: any[]; outcomes: any[] }>({
    kind: 'webhooks',
    appSecret: NUMBER.appSecret,
    webhooks: [...webhooks, tampered],
  });

  const fields = sandbox.receiver.received.map((w) => w.body.entry[0].changes[0].field);
  result.outcomes.slice(0, -1).forEach((outcome, i) => {
    // The SDK handles `messages` and `calls` only: it reads value.metadata before looking at the
    // field, so a message_template_status_update (which has no metadata) makes it throw.
    expect(outcome).toEqual(
      fields[i] === 'messages'
        ? { ok: true }
        : expect.objectContaining({ ok: false, error: expect.stringContaining("reading 'phone_number_id'") }),
    );
  });
  expect(result.outcomes.at(-1)).toEqual({
    ok: false,
    error: expect.stringContaining("Signature doesn't match"),
    httpStatus: 401,
  });

  const mine = result.messages.filter((m) => m.from === waId);
  expect(mine.every((m) => m.phoneID === NUMBER.phoneNumberId && m.name === 'Zoë Library')).toBe(true);
  expect(mine.map((m) => m.message.type)).toEqual([
    'text',
    'text',
    'image',
    'location',
    'contacts',
    'interactive',
    'button',
    'reaction',
    'unsupported',
  ]);
  expect(mine[1].message.text.body).toBe('Olá, café ☕ e 😀');
  expect(mine[5].message.interactive).toEqual({ type: 'button_reply', button_reply: { id: 'yes', title: 'Yes' } });
  expect(mine[6].message.button).toEqual({ payload: 'thanks-9', text: 'Thanks' });

  const kinds = new Set(result.statuses.map((s) => s.status));
  expect(kinds).toEqual(new Set(['sent', 'delivered', 'read']));
  const sent = result.statuses.find((s) => s.status === 'sent' && s.biz_opaque_callback_data === 'order-42');
  expect(sent).toMatchObject({
    phoneID: NUMBER.phoneNumberId,
    phone: waId,
    pricing: { pricing_model: 'PMP', category: 'service' },
  });
});
