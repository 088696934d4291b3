// Drives the independent whatsapp-api-js SDK against the simulator. It runs in a child process
// (`node --import tsx`): the SDK ships ESM only (v5+), which Jest's CommonJS runtime cannot load
// on Node 20, while Node itself can. Reads one JSON job on stdin, prints one JSON result.
import { WhatsAppAPI } from 'whatsapp-api-js';
import type { ClientMessage } from 'whatsapp-api-js/types';
import {
  ActionButtons,
  ActionList,
  Audio,
  Body,
  BodyComponent,
  BodyParameter,
  Button,
  Contacts,
  Document,
  Email,
  Footer,
  Header,
  HeaderComponent,
  HeaderParameter,
  Image,
  Interactive,
  Language,
  ListSection,
  Location,
  Name,
  Organization,
  PayloadComponent,
  Phone,
  Reaction,
  Row,
  Sticker,
  Template,
  Text,
  URLComponent,
  Video,
} from 'whatsapp-api-js/messages';

export type SendJob = {
  kind: 'send';
  baseUrl: string;
  token: string;
  phoneNumberId: string;
  to: string;
  media: Record<'image' | 'document' | 'audio' | 'video' | 'sticker', string>;
  inboundId: string;
  upload: { base64: string; mimeType: string };
};
export type WebhookJob = { kind: 'webhooks'; appSecret: string; webhooks: Array<{ raw: string; signature: string }> };
export type SentByLibrary = { name: string; request: any; status: number; response: any };

async function runSend(job: SendJob) {
  const log: Array<{ url: string; body: unknown }> = [];
  const api = new WhatsAppAPI({
    token: job.token,
    v: 'v24.0',
    secure: false,
    // The SDK hard-codes graph.facebook.com; its fetch ponyfill lets us point it at the simulator.
    ponyfill: {
      fetch: (input: string | URL | Request, init?: RequestInit) => {
        const url = String(input).replace('https://graph.facebook.com', job.baseUrl);
        log.push({ url, body: typeof init?.body === 'string' ? JSON.parse(init.body) : null });
        return fetch(url, init);
      },
    },
  });
  const messages: Array<[string, ClientMessage, string?, string?]> = [
    ['text', new Text('Hello from whatsapp-api-js 👋', true)],
    ['image by id', new Image(job.media.image, true, 'A caption')],
    ['image by link', new Image('https://example.com/cat.png', false)],
    ['video', new Video(job.media.video, true, 'Tour')],
    ['audio', new Audio(job.media.audio, true)],
    ['document', new Document(job.media.document, true, 'Invoice', 'invoice.pdf')],
    ['sticker', new Sticker(job.media.sticker, true)],
    ['location', new Location(-122.148981, 37.483307, 'HQ', '1 Hacker Way')],
    [
      'contacts',
      new Contacts([
        new Name('Ana Silva', 'Ana', 'Silva'),
        new Phone('+5511999990000', 'CELL', '5511999990000'),
        new Email('ana@example.com', 'WORK'),
        new Organization('Acme', 'Sales', 'Lead'),
      ]),
    ],
    [
      'reply buttons',
      new Interactive(
        new ActionButtons(new Button('yes', 'Yes'), new Button('no', 'No')),
        new Body('Continue?'),
        new Header('Question'),
        new Footer('Thanks'),
      ),
    ],
    [
      'list',
      new Interactive(
        new ActionList(
          'Options',
          new ListSection('Fast', new Row('express', 'Express', 'Next day')),
          new ListSection('Slow', new Row('ground', 'Ground')),
        ),
        new Body('How fast?'),
        new Header('Shipping'),
      ),
    ],
    ['template hello_world', new Template('hello_world', new Language('en_US'))],
    [
      'template with parameters',
      new Template(
        'wajs_order',
        'en_US',
        new HeaderComponent(new HeaderParameter('#9')),
        new BodyComponent(new BodyParameter('Ana'), new BodyParameter('#9')),
        new PayloadComponent('thanks-9'),
        new URLComponent('9'),
      ),
    ],
    ['reaction', new Reaction(job.inboundId, '👍')],
    ['contextual reply with callback data', new Text('About that'), job.inboundId, 'order-42'],
  ];
  const sent: SentByLibrary[] = [];
  for (const [name, message, context, callbackData] of messages) {
    const before = log.length;
    const response = await api.sendMessage(job.phoneNumberId, job.to, message, context, callbackData);
    sent.push({ name, request: log[before]?.body, status: 'error' in response ? 400 : 200, response });
  }
  const form = new FormData();
  form.set('file', new Blob([Buffer.from(job.upload.base64, 'base64')], { type: job.upload.mimeType }), 'logo.png');
  const uploaded = await api.uploadMedia(job.phoneNumberId, form);
  const retrieved = 'id' in uploaded ? await api.retrieveMedia(uploaded.id) : null;
  const downloaded = retrieved && 'url' in retrieved ? await api.fetchMedia(retrieved.url) : null;
  const read = await api.markAsRead(job.phoneNumberId, job.inboundId);
  return {
    sent,
    uploaded,
    retrieved,
    download: downloaded
      ? { status: downloaded.status, bytes: Buffer.from(await downloaded.arrayBuffer()).toString('base64') }
      : null,
    read,
  };
}

async function runWebhooks(job: WebhookJob) {
  const api = new WhatsAppAPI({ token: 'unused', appSecret: job.appSecret, v: 'v24.0' });
  const messages: unknown[] = [];
  const statuses: unknown[] = [];
  api.on.message = ({ phoneID, from, name, message }) => void messages.push({ phoneID, from, name, message });
  api.on.status = ({ phoneID, phone, status, id, pricing, error, biz_opaque_callback_data }) =>
    void statuses.push({ phoneID, phone, status, id, pricing, error, biz_opaque_callback_data });
  const outcomes: Array<{ ok: boolean; error?: string; httpStatus?: number }> = [];
  for (const webhook of job.webhooks) {
    const raw = Buffer.from(webhook.raw, 'base64').toString('utf8');
    try {
      await api.post(JSON.parse(raw), raw, webhook.signature);
      outcomes.push({ ok: true });
    } catch (error) {
      const failure = error as { name?: string; message?: string; httpStatus?: number };
      outcomes.push({ ok: false, error: `${failure.name}: ${failure.message}`, httpStatus: failure.httpStatus });
    }
  }
  return { messages, statuses, outcomes };
}

const input = await new Promise<string>((resolve) => {
  let text = '';
  process.stdin.on('data', (chunk: Buffer) => (text += chunk.toString()));
  process.stdin.on('end', () => resolve(text));
});
const job = JSON.parse(input) as SendJob | WebhookJob;
const result = job.kind === 'send' ? await runSend(job) : await runWebhooks(job);
process.stdout.write(JSON.stringify(result));
