// [simulator] template management (contract §6, §9): creation rules, review → APPROVED/REJECTED
// webhooks, listing with fields and paging, deletion.
import { templateStatusChangeValueSchema, webhookEnvelopeSchema } from '#api/whatsapp/webhook-schemas';
import { NUMBER, startSandbox, type Sandbox } from './support/sandbox.ts';
import { ORDER_UPDATE } from './support/templates.ts';

let sandbox: Sandbox;
let waId: string;
const waba = NUMBER.wabaId;

beforeAll(async () => {
  sandbox = await startSandbox();
  ({ waId } = await sandbox.customer());
});
afterAll(() => sandbox.stop());

const create = (template: Record<string, unknown>) => sandbox.graph('POST', `/${waba}/message_templates`, template);
const sendTemplate = (template: Record<string, unknown>) => sandbox.send({ type: 'template', template }, waId);
const templateEvents = () =>
  sandbox.receiver.received
    .filter((w) => w.body.entry[0].changes[0].field === 'message_template_status_update')
    .map((w) => w.body);

describe('[simulator] template creation rules', () => {
  const body = (text: string, example?: unknown) => ({ type: 'BODY', text, ...(example ? { example } : {}) });
  const cases: Array<[string, Record<string, unknown>, RegExp, number?]> = (
    [
      ['an uppercase name', { name: 'Bad Name', components: [body('Hello there.')] }, /name/],
      ['an unknown category', { category: 'PROMO', components: [body('Hello there.')] }, /category/],
      ['no body', { components: [{ type: 'FOOTER', text: 'f' }] }, /BODY/],
      ['a body over 1024', { components: [body('x'.repeat(1025))] }, /1024/, 2388040],
      ['variables without examples', { components: [body('Hello {{1}}, welcome.')] }, /example\.body_text/],
      [
        'a variable at the start',
        { components: [body('{{1}} is your code.', { body_text: [['1234']] })] },
        /start or end/,
        2388299,
      ],
      [
        'positional variables out of sequence',
        { components: [body('Hi {{2}}.', { body_text: [['x']] })] },
        /\{\{1\}\}/,
      ],
      ['a named variable in uppercase', { parameter_format: 'named', components: [body('Hi {{Name}}.')] }, /lowercase/],
      [
        'an image header without a handle',
        { components: [{ type: 'HEADER', format: 'IMAGE' }, body('Look.')] },
        /header_handle/,
        2388047,
      ],
      [
        'split quick replies',
        {
          components: [
            body('Choose.'),
            {
              type: 'BUTTONS',
              buttons: [
                { type: 'QUICK_REPLY', text: 'A' },
                { type: 'PHONE_NUMBER', text: 'Call', phone_number: '+15550001111' },
                { type: 'QUICK_REPLY', text: 'B' },
              ],
            },
          ],
        },
        /grouped/,
      ],
      [
        'a button text over 25',
        {
          components: [body('Choose.'), { type: 'BUTTONS', buttons: [{ type: 'QUICK_REPLY', text: 'x'.repeat(26) }] }],
        },
        /text/,
      ],
    ] as Array<[string, Record<string, unknown>, RegExp, number?]>
  ).map(([name, overrides, details, subcode]) => [name, overrides, details, subcode ?? 0]);

  // Every row has four values: Jest would take a missing fourth argument for `done`.
  it.each(cases)('[simulator] rejects %s with code 100', async (_name, overrides, details, subcode) => {
    const reply = await create({ name: 'some_template', language: 'en', category: 'UTILITY', ...overrides });
    expect(reply.status).toBe(400);
    expect(reply.body.error).toMatchObject({ code: 100, error_data: { details: expect.stringMatching(details) } });
    if (subcode) {
      expect(reply.body.error.error_subcode).toBe(subcode);
    }
  });

  it('[simulator] refuses a second template with the same name and language', async () => {
    expect((await create({ ...ORDER_UPDATE, name: 'dupe' })).status).toBe(200);
    const again = await create({ ...ORDER_UPDATE, name: 'dupe' });
    expect(again.body.error).toMatchObject({ code: 100, error_subcode: 2388024 });
    expect((await create({ ...ORDER_UPDATE, name: 'dupe', language: 'pt_BR' })).status).toBe(200);
  });
});

describe('[simulator] template review', () => {
  it('[simulator] approves a clean template and sends the APPROVED webhook', async () => {
    const created = await create(ORDER_UPDATE);
    expect(created.body).toEqual({ id: expect.stringMatching(/^\d+$/), status: 'PENDING', category: 'UTILITY' });
    await sandbox.settle();
    const event = templateEvents().find((e) => e.entry[0].changes[0].value.message_template_name === 'order_update');
    expect(webhookEnvelopeSchema.parse(event)).toBeTruthy();
    expect(event).toEqual({
      object: 'whatsapp_business_account',
      entry: [
        {
          id: waba,
          time: expect.any(Number),
          changes: [
            {
              field: 'message_template_status_update',
              value: {
                event: 'APPROVED',
                message_template_id: Number(created.body.id),
                message_template_name: 'order_update',
                message_template_language: 'en_US',
                reason: 'NONE',
                message_template_category: 'UTILITY',
              },
            },
          ],
        },
      ],
    });
    const one = await sandbox.graph('GET', `/${created.body.id}?fields=status`);
    expect(one.body).toEqual({ status: 'APPROVED', id: created.body.id });
  });

  it('[simulator] rejects a template whose body has a forbidden word, with reason and rejection_info', async () => {
    const created = await create({
      name: 'too_good',
      language: 'en',
      category: 'MARKETING',
      components: [{ type: 'BODY', text: 'Guaranteed returns for everyone!' }],
    });
    await sandbox.settle();
    const value = templateEvents().find((e) => e.entry[0].changes[0].value.message_template_name === 'too_good')!
      .entry[0].changes[0].value;
    expect(templateStatusChangeValueSchema.parse(value)).toBeTruthy();
    expect(value).toMatchObject({
      event: 'REJECTED',
      message_template_id: Number(created.body.id),
      reason: 'INVALID_FORMAT',
      rejection_info: { reason: expect.stringContaining('guaranteed'), recommendation: expect.any(String) },
    });
    const sent = await sendTemplate({ name: 'too_good', language: { code: 'en' } });
    expect(sent.body.error).toMatchObject({ code: 132001 });
  });

  it('[simulator] lists templates with filters, fields and paging, and deletes by name', async () => {
    const approved = await sandbox.graph('GET', `/${waba}/message_templates?status=APPROVED&fields=name,status`);
    expect(approved.body.data.map((t: any) => t.name)).toEqual(expect.arrayContaining(['hello_world', 'order_update']));
    expect(approved.body.data.every((t: any) => Object.keys(t).sort().join() === 'id,name,status')).toBe(true);
    const first = await sandbox.graph('GET', `/${waba}/message_templates?limit=1`);
    expect(first.body.data).toHaveLength(1);
    expect(first.body.paging.next).toContain('after=');
    const next = await fetch(first.body.paging.next, { headers: { authorization: `Bearer ${NUMBER.accessToken}` } });
    const second = (await next.json()) as any;
    expect(second.data[0].id).not.toBe(first.body.data[0].id);
    expect((await sandbox.graph('DELETE', `/${waba}/message_templates?name=dupe`)).body).toEqual({ success: true });
    const left = await sandbox.graph('GET', `/${waba}/message_templates?name=dupe`);
    expect(left.body.data).toEqual([]);
  });
});
