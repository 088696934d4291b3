// [simulator] cross-check against the contract's own examples (tests/fixtures/whatsapp, copied
// from whatsapp-cloud-api.md): the documented send bodies are accepted, and the simulator's
// webhooks and errors have the documented shapes (same keys, same JSON types).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { NUMBER, startSandbox, type Sandbox } from './support/sandbox.ts';
import { PNG } from './support/media-samples.ts';

const fixture = (name: string): any =>
  JSON.parse(readFileSync(path.join(__dirname, '..', 'fixtures', 'whatsapp', `${name}.json`), 'utf8')).example;

/** Keys and JSON types, recursively; arrays by their first element. */
function shapeOf(value: unknown): unknown {
  if (Array.isArray(value)) {
    return value.length > 0 ? [shapeOf(value[0])] : [];
  }
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((key) => [key, shapeOf((value as Record<string, unknown>)[key])]),
    );
  }
  return value === null ? 'null' : typeof value;
}

function without<T extends Record<string, unknown>>(value: T, keys: string[]): Record<string, unknown> {
  return Object.fromEntries(Object.entries(value).filter(([key]) => !keys.includes(key)));
}

const DOC_CUSTOMER = '16505551234';
let sandbox: Sandbox;
const valueOf = (webhook: any) => webhook.entry[0].changes[0].value;

beforeAll(async () => {
  sandbox = await startSandbox();
  await sandbox.customer('Sheena Nelson', DOC_CUSTOMER);
  // The §7.4 example needs its template: image header, named body variables, three buttons.
  const session = await sandbox.graph('POST', `/app/uploads?file_length=${PNG.length}&file_type=image/png`);
  const { h } = (await fetch(`${sandbox.url}/${session.body.id}`, {
    method: 'POST',
    headers: { authorization: `OAuth ${NUMBER.accessToken}`, file_offset: '0' },
    body: new Uint8Array(PNG),
  }).then((r) => r.json())) as { h: string };
  const created = await sandbox.graph('POST', `/${NUMBER.wabaId}/message_templates`, {
    name: 'order_confirmation',
    language: 'en_US',
    category: 'UTILITY',
    parameter_format: 'named',
    components: [
      { type: 'HEADER', format: 'IMAGE', example: { header_handle: [h] } },
      {
        type: 'BODY',
        text: 'Hi {{first_name}}, order {{order_number}} is confirmed.',
        example: {
          body_text_named_params: [
            { param_name: 'first_name', example: 'Jessica' },
            { param_name: 'order_number', example: 'SKBUP2-4CPIG9' },
          ],
        },
      },
      {
        type: 'BUTTONS',
        buttons: [
          { type: 'QUICK_REPLY', text: 'Cancel order' },
          {
            type: 'URL',
            text: 'View order',
            url: 'https://shop.example/o/{{1}}',
            example: ['https://shop.example/o/1'],
          },
          { type: 'COPY_CODE', text: 'Copy code', example: '25OFF' },
        ],
      },
    ],
  });
  expect(created.status).toBe(200);
  await sandbox.settle();
});
afterAll(() => sandbox.stop());

describe('[simulator] documented send bodies (§7)', () => {
  const response = fixture('send-response');

  it.each(['send-text-reply', 'send-reply-buttons', 'send-list', 'send-location', 'send-template'])(
    '[simulator] accepts %s as documented, answering with the §7.1 response shape',
    async (name) => {
      const body = fixture(name);
      const reply = await sandbox.graph('POST', `/${NUMBER.phoneNumberId}/messages`, body);
      expect(reply.status).toBe(200);
      expect(reply.body.contacts).toEqual([{ input: '+16505551234', wa_id: DOC_CUSTOMER }]);
      const expected =
        body.type === 'template'
          ? response
          : { ...response, messages: [without(response.messages[0], ['message_status'])] };
      expect(shapeOf(reply.body)).toEqual(shapeOf(expected));
    },
  );

  it('[simulator] accepts the §7.5 read receipt (with a real inbound wamid)', async () => {
    const inbound = sandbox.simulator.customers.thread(NUMBER.phoneNumberId, DOC_CUSTOMER)[0]!;
    const reply = await sandbox.graph('POST', `/${NUMBER.phoneNumberId}/messages`, {
      ...fixture('send-mark-read'),
      message_id: inbound.id,
    });
    expect(reply.body).toEqual({ success: true });
  });
});

describe('[simulator] webhook shapes match the documented examples', () => {
  const tap = async (message: Record<string, unknown>) => {
    const reply = await sandbox.control('POST', sandbox.customerPath(DOC_CUSTOMER, '/messages'), message);
    expect(reply.status).toBe(201);
    await sandbox.settle();
    return sandbox.receiver.received.find((w) => valueOf(w.body).messages?.[0]?.id === reply.body.id)!.body;
  };
  const sentOf = (type: string) =>
    sandbox.simulator.customers
      .thread(NUMBER.phoneNumberId, DOC_CUSTOMER)
      .filter((m) => m.direction === 'outbound' && m.content.type === type);

  it('[simulator] a list reply (§4) has the documented envelope', async () => {
    const list = sentOf('interactive').find((m) => (m.content.interactive as any).type === 'list')!;
    const webhook = await tap({ type: 'interactive', replyTo: list.id, interactive: { id: 'priority_express' } });
    expect(shapeOf(webhook)).toEqual(shapeOf(fixture('inbound-list-reply')));
  });

  it('[simulator] a template quick-reply tap (§4 button) has the documented envelope', async () => {
    const template = sentOf('template')[0]!;
    const webhook = await tap({ type: 'button', replyTo: template.id, button: { text: 'Cancel order' } });
    expect(shapeOf(webhook)).toEqual(shapeOf(fixture('inbound-button')));
    expect(valueOf(webhook).messages[0].button).toEqual({ payload: 'cancel-42', text: 'Cancel order' });
  });

  it('[simulator] statuses (§5) have the documented fields, minus the ones §5 makes conditional', async () => {
    const documented = valueOf(fixture('status')).statuses[0];
    const sentText = sentOf('text')[0]!;
    const sent = sandbox.receiver.statuses().find((s: any) => s.id === sentText.id && s.status === 'sent');
    // v24+: no conversation outside FEP windows; no identity hash unless the check is on; errors only on failed.
    expect(shapeOf(sent)).toEqual(
      shapeOf(without(documented, ['conversation', 'recipient_identity_key_hash', 'errors'])),
    );

    const { waId } = await sandbox.customer('Closed Window');
    await sandbox.control('POST', sandbox.customerPath(waId, '/window'), {});
    const reply = await sandbox.send({ type: 'text', text: { body: 'late' }, biz_opaque_callback_data: 'x' }, waId);
    await sandbox.settle();
    const failed = sandbox.receiver.statuses().find((s: any) => s.id === reply.body.messages[0].id);
    expect(failed.status).toBe('failed');
    expect(shapeOf(failed)).toEqual(
      shapeOf(without(documented, ['conversation', 'recipient_identity_key_hash', 'pricing'])),
    );
    // The envelope around statuses is the documented one too.
    const envelope = sandbox.receiver.received.find((w) => valueOf(w.body).statuses?.[0]?.id === failed.id)!.body;
    const documentedEnvelope = fixture('status');
    valueOf(documentedEnvelope).statuses = [failed];
    expect(shapeOf(envelope)).toEqual(shapeOf(documentedEnvelope));
  });

  it('[simulator] a template rejection (§6) has the documented shape exactly', async () => {
    await sandbox.graph('POST', `/${NUMBER.wabaId}/message_templates`, {
      name: 'abandoned_cart',
      language: 'en',
      category: 'MARKETING',
      components: [{ type: 'BODY', text: 'Click here now to finish your order.' }],
    });
    await sandbox.settle();
    const event = sandbox.receiver.received.find(
      (w) => valueOf(w.body).message_template_name === 'abandoned_cart',
    )!.body;
    expect(shapeOf(event)).toEqual(shapeOf(fixture('template-status-update')));
    expect(valueOf(event)).toMatchObject({
      event: 'REJECTED',
      reason: 'INVALID_FORMAT',
      message_template_category: 'MARKETING',
    });
  });

  it('[simulator] a synchronous error (§11) has the documented envelope (error_subcode is optional)', async () => {
    const reply = await sandbox.send(
      { type: 'template', template: { name: 'missing', language: { code: 'en' } } },
      DOC_CUSTOMER,
    );
    expect(shapeOf(reply.body)).toEqual(
      shapeOf({ error: without(fixture('error-envelope').error, ['error_subcode']) }),
    );
  });
});
