// [simulator] template sends (contract §7.4, §11): the checks 132000/132001/132012/132015/132016,
// named parameters, pending templates, and the template as the phone shows it.
import { NUMBER, startSandbox, type Sandbox } from './support/sandbox.ts';
import { ORDER_UPDATE } from './support/templates.ts';

let sandbox: Sandbox;
let waId: string;
const waba = NUMBER.wabaId;

beforeAll(async () => {
  sandbox = await startSandbox();
  ({ waId } = await sandbox.customer());
  expect((await create(ORDER_UPDATE)).status).toBe(200);
  await sandbox.settle();
});
afterAll(() => sandbox.stop());

const create = (template: Record<string, unknown>) => sandbox.graph('POST', `/${waba}/message_templates`, template);
const sendTemplate = (template: Record<string, unknown>) => sandbox.send({ type: 'template', template }, waId);
const templateEvents = () =>
  sandbox.receiver.received
    .filter((w) => w.body.entry[0].changes[0].field === 'message_template_status_update')
    .map((w) => w.body);

describe('[simulator] template send checks', () => {
  const good = {
    name: 'order_update',
    language: { code: 'en_US' },
    components: [
      { type: 'header', parameters: [{ type: 'text', text: '#9' }] },
      {
        type: 'body',
        parameters: [
          { type: 'text', text: 'Ana' },
          { type: 'text', text: '#9' },
        ],
      },
      { type: 'button', sub_type: 'quick_reply', index: '0', parameters: [{ type: 'payload', payload: 'thanks-9' }] },
      { type: 'button', sub_type: 'url', index: 2, parameters: [{ type: 'text', text: '9' }] },
    ],
  };

  it('[simulator] sends a matching template and shows it filled in on the phone', async () => {
    const reply = await sendTemplate(good);
    expect(reply.status).toBe(200);
    const thread = await sandbox.control('GET', sandbox.customerPath(waId, '/messages'));
    const shown = thread.body.data.find((m: any) => m.id === reply.body.messages[0].id);
    expect(shown.template).toMatchObject({
      header: 'Order #9',
      body: 'Hi Ana, your order #9 is on its way.',
      footer: 'Parley Shop',
      buttons: [
        { type: 'QUICK_REPLY', text: 'Thanks', payload: 'thanks-9' },
        { type: 'QUICK_REPLY', text: 'Stop', payload: null },
        { type: 'URL', text: 'Track', payload: null },
      ],
    });
  });

  it('[simulator] answers 132001 for an unknown name or language', async () => {
    const unknown = await sendTemplate({ name: 'nope', language: { code: 'en_US' } });
    expect(unknown.body.error).toMatchObject({
      code: 132001,
      message: '(#132001) Template name does not exist in the translation',
      error_data: { details: 'template name (nope) does not exist in en_US' },
    });
    expect((await sendTemplate({ ...good, language: { code: 'en' } })).body.error.code).toBe(132001);
  });

  it('[simulator] answers 132000 when parameter counts do not match', async () => {
    const body = good.components.map((c) => (c.type === 'body' ? { ...c, parameters: c.parameters.slice(0, 1) } : c));
    const reply = await sendTemplate({ ...good, components: body });
    expect(reply.body.error).toMatchObject({
      code: 132000,
      error_data: { details: expect.stringMatching(/^body: .*\(1\).*\(2\)/) },
    });
    const noHeader = await sendTemplate({ ...good, components: good.components.filter((c) => c.type !== 'header') });
    expect(noHeader.body.error.error_data.details).toMatch(/^header/);
    const noUrl = await sendTemplate({ ...good, components: good.components.filter((c) => c.sub_type !== 'url') });
    expect(noUrl.body.error).toMatchObject({
      code: 132000,
      error_data: { details: expect.stringContaining('button at index 2') },
    });
    const extra = await sendTemplate({
      name: 'hello_world',
      language: { code: 'en_US' },
      components: [{ type: 'body', parameters: [{ type: 'text', text: 'x' }] }],
    });
    expect(extra.body.error.code).toBe(132000);
  });

  it('[simulator] checks named parameters by name', async () => {
    await create({
      name: 'named_greeting',
      language: 'en',
      category: 'MARKETING',
      parameter_format: 'named',
      components: [
        {
          type: 'BODY',
          text: 'Hello {{first_name}}, welcome back.',
          example: { body_text_named_params: [{ param_name: 'first_name', example: 'Ana' }] },
        },
      ],
    });
    await sandbox.settle();
    const named = (parameter: Record<string, unknown>) =>
      sendTemplate({
        name: 'named_greeting',
        language: { code: 'en' },
        components: [{ type: 'body', parameters: [{ type: 'text', text: 'Ana', ...parameter }] }],
      });
    expect((await named({ parameter_name: 'first_name' })).status).toBe(200);
    expect((await named({ parameter_name: 'last_name' })).body.error.code).toBe(132000);
    expect((await named({})).body.error).toMatchObject({
      code: 100,
      error_data: { details: expect.stringContaining('Parameter name') },
    });
  });

  it('[simulator] answers 132012 when a media header gets no media parameter', async () => {
    const upload = await sandbox.graph('POST', '/app/uploads?file_length=3&file_type=image/png');
    const handle = await fetch(`${sandbox.url}/${upload.body.id}`, {
      method: 'POST',
      headers: { authorization: `OAuth ${NUMBER.accessToken}`, file_offset: '0' },
      body: 'png',
    }).then((r) => r.json() as Promise<{ h: string }>);
    await create({
      name: 'with_picture',
      language: 'en',
      category: 'MARKETING',
      components: [
        { type: 'HEADER', format: 'IMAGE', example: { header_handle: [handle.h] } },
        { type: 'BODY', text: 'Look at this.' },
      ],
    });
    await sandbox.settle();
    const missing = await sendTemplate({ name: 'with_picture', language: { code: 'en' } });
    expect(missing.body.error).toMatchObject({
      code: 132012,
      error_data: { details: expect.stringContaining('expected IMAGE') },
    });
    const ok = await sendTemplate({
      name: 'with_picture',
      language: { code: 'en' },
      components: [{ type: 'header', parameters: [{ type: 'image', image: { link: 'https://example.com/p.png' } }] }],
    });
    expect(ok.status).toBe(200);
  });

  it('[simulator] answers 132015 for a paused and 132016 for a disabled template, with webhooks', async () => {
    const id = (await sandbox.graph('GET', `/${waba}/message_templates?name=order_update`)).body.data[0].id;
    await sandbox.control('POST', `/templates/${id}/status`, { status: 'PAUSED' });
    expect((await sendTemplate(good)).body.error).toMatchObject({
      code: 132015,
      message: '(#132015) Template is Paused',
    });
    await sandbox.control('POST', `/templates/${id}/status`, { status: 'DISABLED' });
    expect((await sendTemplate(good)).body.error).toMatchObject({
      code: 132016,
      message: '(#132016) Template is Disabled',
    });
    await sandbox.settle();
    const events = templateEvents()
      .map((e) => e.entry[0].changes[0].value)
      .filter((v: any) => v.message_template_id === Number(id));
    expect(events.map((v: any) => v.event)).toEqual(['APPROVED', 'PAUSED', 'DISABLED']);
    expect(events[1].other_info).toEqual({ title: 'FIRST_PAUSE', description: expect.any(String) });
  });

  it('[simulator] keeps a pending template unsendable until review ends', async () => {
    const slow = await startSandbox({ templateReviewDelayMs: 300 });
    try {
      const customer = await slow.customer();
      await slow.graph('POST', `/${waba}/message_templates`, { ...ORDER_UPDATE, name: 'slow_review' });
      const template = { ...good, name: 'slow_review' };
      expect((await slow.send({ type: 'template', template }, customer.waId)).body.error.code).toBe(132001);
      await slow.settle();
      expect((await slow.send({ type: 'template', template }, customer.waId)).status).toBe(200);
    } finally {
      await slow.stop();
    }
  });
});
