// [simulator] POST /<PHONE_NUMBER_ID>/messages: every send type is accepted with Meta's exact
// response (contract §7.1).
import { sendMessageResponseSchema } from '#api/whatsapp/schemas';
import { startSandbox, type Sandbox } from './support/sandbox.ts';
import { MP4, OGG, PDF, PNG, WEBP, uploadForm } from './support/media-samples.ts';

let sandbox: Sandbox;
let waId: string;
let inboundId: string;
const media: Record<string, string> = {};

beforeAll(async () => {
  sandbox = await startSandbox();
  ({ waId, firstMessageId: inboundId } = await sandbox.customer());
  const samples: Array<[string, Buffer, string]> = [
    ['image', PNG, 'image/png'],
    ['document', PDF, 'application/pdf'],
    ['audio', OGG, 'audio/ogg'],
    ['video', MP4, 'video/mp4'],
    ['sticker', WEBP, 'image/webp'],
  ];
  for (const [kind, bytes, mime] of samples) {
    media[kind] = (await sandbox.upload(uploadForm(bytes, mime))).body.id;
  }
});
afterAll(() => sandbox.stop());

const buttons = (n: number, title = 'Option') =>
  Array.from({ length: n }, (_, i) => ({ type: 'reply', reply: { id: `opt-${i}`, title: `${title} ${i}` } }));

describe('[simulator] sending every message type', () => {
  const cases: Array<[string, () => Record<string, unknown>]> = [
    ['text', () => ({ type: 'text', text: { body: 'Hello 👋', preview_url: true } })],
    ['image by id', () => ({ type: 'image', image: { id: media.image, caption: 'Our shop' } })],
    ['image by link', () => ({ type: 'image', image: { link: 'https://example.com/cat.png' } })],
    ['video', () => ({ type: 'video', video: { id: media.video, caption: 'Tour' } })],
    ['audio', () => ({ type: 'audio', audio: { id: media.audio } })],
    [
      'document',
      () => ({ type: 'document', document: { id: media.document, filename: 'invoice.pdf', caption: 'Invoice' } }),
    ],
    ['sticker', () => ({ type: 'sticker', sticker: { id: media.sticker } })],
    [
      'location',
      () => ({ type: 'location', location: { latitude: '37.483307', longitude: '-122.148981', name: 'HQ' } }),
    ],
    [
      'contacts',
      () => ({
        type: 'contacts',
        contacts: [
          {
            name: { formatted_name: 'Ana Silva', first_name: 'Ana' },
            phones: [{ phone: '+5511999990000', type: 'CELL' }],
          },
        ],
      }),
    ],
    [
      'reply buttons',
      () => ({
        type: 'interactive',
        interactive: {
          type: 'button',
          header: { type: 'image', image: { id: media.image } },
          body: { text: 'Pick one' },
          footer: { text: 'Thanks' },
          action: { buttons: buttons(3) },
        },
      }),
    ],
    [
      'list',
      () => ({
        type: 'interactive',
        interactive: {
          type: 'list',
          header: { type: 'text', text: 'Shipping' },
          body: { text: 'How fast?' },
          action: {
            button: 'Options',
            sections: [
              { title: 'Fast', rows: [{ id: 'express', title: 'Express', description: 'Next day' }] },
              { title: 'Slow', rows: [{ id: 'ground', title: 'Ground' }] },
            ],
          },
        },
      }),
    ],
    ['reaction', () => ({ type: 'reaction', reaction: { message_id: inboundId, emoji: '👍' } })],
    ['contextual reply', () => ({ type: 'text', context: { message_id: inboundId }, text: { body: 'About that…' } })],
    ['template', () => ({ type: 'template', template: { name: 'hello_world', language: { code: 'en_US' } } })],
  ];

  it.each(cases)('[simulator] accepts a %s message with the exact §7.1 response', async (_name, build) => {
    const message = build();
    const reply = await sandbox.send(message, `+${waId}`);
    expect(reply.status).toBe(200);
    expect(sendMessageResponseSchema.parse(reply.body)).toEqual(reply.body);
    const isTemplate = message.type === 'template';
    expect(reply.body).toEqual({
      messaging_product: 'whatsapp',
      contacts: [{ input: `+${waId}`, wa_id: waId }],
      messages: [
        isTemplate
          ? { id: expect.stringMatching(/^wamid\.HBgL/), message_status: 'accepted' }
          : { id: expect.stringMatching(/^wamid\.HBgL/) },
      ],
    });
  });
});
