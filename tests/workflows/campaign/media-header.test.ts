// Templates with an image header (WhatsApp refuses their sends without the image, 132012): a
// campaign sends the template's own image, or another library file the marketer chose, uploaded
// to the number; a file that cannot be the header is refused when the campaign is saved; and a send
// from the API that gives no header gets the template's image too. Sends that need the same file at
// once share one upload.
import type { VariantMessage } from '#api/campaigns/schemas';
import type { SendPageInput } from '#workflows/campaign/messages';
import { createSendCampaignPageActivity } from '#activities/campaigns/send-page';
import { createSendRateLimiter } from '#activities/campaigns/send-rate-limiter';
import { withChannelMediaId } from '#activities/messaging/library-media';
import { eventually } from '../../support/eventually.ts';
import {
  recipients,
  seedRun,
  seedWorkspace,
  startSendStack,
  type SendStack,
  type Workspace,
} from './send-page-seed.ts';

jest.setTimeout(120_000);

// 1×1 PNGs, two different files.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);
const OTHER_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n');

let stack: SendStack;
let ws: Workspace;
let templateId: string;
let sampleId: string;

async function upload(bytes: Buffer, type: string, filename: string): Promise<string> {
  const form = new FormData();
  form.set('file', new Blob([new Uint8Array(bytes)], { type }), filename);
  const response = await fetch(`${stack.app.url}/api/media`, {
    method: 'POST',
    body: form,
    headers: { authorization: `Bearer ${ws.tenant.token}` },
  });
  expect(response.status).toBe(201);
  return ((await response.json()) as { id: string }).id;
}

beforeAll(async () => {
  stack = await startSendStack();
  ws = await seedWorkspace(stack, 200);
  sampleId = await upload(PNG, 'image/png', 'spring.png');
  const auth = { token: ws.tenant.token };
  const created = await stack.app.http.post(
    '/api/templates',
    {
      channelId: ws.channelId,
      name: 'spring_sale',
      language: 'en',
      category: 'marketing',
      definition: { header: { format: 'image', mediaId: sampleId }, body: { text: 'Our spring sale starts today.' } },
    },
    auth,
  );
  expect(created.status).toBe(201);
  templateId = created.body.id;
  expect((await stack.app.http.post(`/api/templates/${templateId}/submit`, {}, auth)).status).toBe(200);
  await eventually(
    async () => (await stack.app.http.get(`/api/templates/${templateId}`, auth)).body.status === 'approved',
    'spring_sale approved',
  );
});
afterAll(() => stack?.stop());

const sendPage = (input: SendPageInput) => createSendCampaignPageActivity(stack.deps, createSendRateLimiter())(input);

/** The header parameter each sent message carried, as stored. */
async function headerImages(runId: string): Promise<string[]> {
  const { rows } = await stack.deps.pool.query<{ id: string | null }>(
    `SELECT m.content #>> '{template,components,0,parameters,0,image,id}' AS id
     FROM "CampaignRecipient" r JOIN "Message" m ON m.id = r."messageId" WHERE r."runId" = $1`,
    [runId],
  );
  return rows.map((r) => r.id ?? 'none');
}

describe('[campaigns] media-header templates', () => {
  it('send the template’s own image, or the one the variant chose, uploaded to the number', async () => {
    const own = await seedRun(stack, ws, {
      message: { kind: 'template', templateId, bodyVariables: [] },
      contacts: 3,
    });
    const page = await sendPage({ tenantId: ws.tenantId, runId: own.runId, phase: 'main' });
    expect(page).toMatchObject({ sent: 3, failed: 0, remaining: 0 });
    expect((await recipients(stack, own.runId)).map((r) => r.status)).toEqual(['sent', 'sent', 'sent']);
    // WhatsApp's id for the uploaded file (digits), the same one for every recipient.
    const ownImages = await headerImages(own.runId);
    expect(new Set(ownImages).size).toBe(1);
    expect(ownImages[0]).toMatch(/^\d+$/);

    const otherId = await upload(OTHER_PNG, 'image/png', 'summer.png');
    const chosen = await seedRun(stack, ws, {
      message: { kind: 'template', templateId, bodyVariables: [], headerMediaId: otherId },
      contacts: 2,
    });
    expect(await sendPage({ tenantId: ws.tenantId, runId: chosen.runId, phase: 'main' })).toMatchObject({ sent: 2 });
    const chosenImages = await headerImages(chosen.runId);
    expect(new Set(chosenImages).size).toBe(1);
    expect(chosenImages[0]).toMatch(/^\d+$/);
    expect(chosenImages[0]).not.toBe(ownImages[0]);
    await eventually(
      async () => [...own.contacts, ...chosen.contacts].every((c) => stack.received.get(c.waId) === 1),
      'every customer’s phone to get it once',
    );
  });

  it('refuses to save a campaign whose header file cannot be an image header', async () => {
    const pdfId = await upload(PDF, 'application/pdf', 'prices.pdf');
    const save = (message: VariantMessage) =>
      stack.app.http.post(
        '/api/campaigns',
        {
          name: 'Spring',
          channelId: ws.channelId,
          audience: { allContacts: true },
          variants: [{ label: 'A', weight: 100, message }],
          schedule: { kind: 'now' },
        },
        { token: ws.tenant.token },
      );
    const refused = await save({ kind: 'template', templateId, bodyVariables: [], headerMediaId: pdfId });
    expect(refused.status).toBe(422);
    expect(refused.body.error.details.fields[0]).toEqual({
      field: 'variants.0.message.headerMediaId',
      message: expect.stringContaining('an image header needs image/jpeg or image/png; this file is application/pdf'),
    });
    expect((await save({ kind: 'template', templateId, bodyVariables: [] })).status).toBe(201);
  });

  it('uploads a file once when several sends need it at once', async () => {
    const fileId = await upload(Buffer.concat([PNG, Buffer.from('autumn')]), 'image/png', 'autumn.png');
    const filesAtMeta = () => stack.meta.simulator.state.media.size;
    const before = filesAtMeta();
    const content = {
      type: 'image' as const,
      image: { id: fileId },
    };
    const sent = await Promise.all(Array.from({ length: 5 }, () => withChannelMediaId(stack.deps, ws, content)));
    const ids = sent.map((c) => (c as typeof content).image.id);
    expect(new Set(ids).size).toBe(1);
    expect(ids[0]).not.toBe(fileId);
    expect(filesAtMeta() - before).toBe(1);
  });

  it('gives a template sent from the API without a header the template’s own image', async () => {
    const run = await seedRun(stack, ws, { message: { kind: 'text', text: 'unused' }, contacts: 1 });
    const contact = run.contacts[0]!;
    const sent = await stack.app.http.post(
      '/api/messages',
      {
        channelId: ws.channelId,
        to: { contactId: contact.id },
        content: { type: 'template', template: { name: 'spring_sale', language: { code: 'en' } } },
        idempotencyKey: 'spring-sale-1',
      },
      { token: ws.tenant.token },
    );
    expect(sent.status).toBe(202);
    const message = await eventually(async () => {
      const row = await stack.app.prisma.message.findUniqueOrThrow({ where: { id: sent.body.id } });
      return row.status === 'failed' || row.providerMessageId ? row : null;
    }, 'the template to be handed to WhatsApp');
    expect(message).toMatchObject({ status: expect.stringMatching(/^(sent|delivered|read)$/), errorCode: null });
    await eventually(async () => stack.received.get(contact.waId) === 1, 'the customer’s phone to get it');
  });
});
