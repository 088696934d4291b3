// [simulator] customers answering the business (contract §4): button and list replies limited to
// what the business offered, template quick replies with their payloads, reactions; the phone's
// thread, chat list and live events.
import type { SimulatorEvent } from '#simulator/core/event-hub';
import { NUMBER, startSandbox, type Sandbox } from './support/sandbox.ts';
import { BUSINESS_DIGITS, customerPhone } from './support/inbound.ts';

let sandbox: Sandbox;
let waId: string;
let say: ReturnType<typeof customerPhone>['say'];
let inbound: ReturnType<typeof customerPhone>['inbound'];
const events: SimulatorEvent[] = [];

beforeAll(async () => {
  sandbox = await startSandbox();
  sandbox.simulator.onEvent((event) => events.push(event));
  const created = await sandbox.control('POST', `/numbers/${NUMBER.phoneNumberId}/customers`, {
    name: 'Sheena Nelson',
    waId: '16505551234',
  });
  waId = created.body.waId;
  ({ say, inbound } = customerPhone(sandbox, waId, 'Sheena Nelson'));
});
afterAll(() => sandbox.stop());

describe('[simulator] replies, taps and reactions', () => {
  it('[simulator] a reply button tap and a list row tap, quoting the business message', async () => {
    const buttons = await sandbox.send(
      {
        type: 'interactive',
        interactive: {
          type: 'button',
          body: { text: 'Change?' },
          action: { buttons: [{ type: 'reply', reply: { id: 'change-button', title: 'Change' } }] },
        },
      },
      waId,
    );
    const buttonId = buttons.body.messages[0].id;
    const tap = await inbound({ type: 'interactive', replyTo: buttonId, interactive: { id: 'change-button' } });
    expect(tap).toMatchObject({
      context: { from: BUSINESS_DIGITS, id: buttonId },
      type: 'interactive',
      interactive: { type: 'button_reply', button_reply: { id: 'change-button', title: 'Change' } },
    });
    const list = await sandbox.send(
      {
        type: 'interactive',
        interactive: {
          type: 'list',
          body: { text: 'Shipping?' },
          action: {
            button: 'Options',
            sections: [
              { rows: [{ id: 'priority_express', title: 'Priority Mail Express', description: 'Next Day to 2 Days' }] },
            ],
          },
        },
      },
      waId,
    );
    const row = await inbound({
      type: 'interactive',
      replyTo: list.body.messages[0].id,
      interactive: { id: 'priority_express' },
    });
    expect(row.interactive).toEqual({
      type: 'list_reply',
      list_reply: { id: 'priority_express', title: 'Priority Mail Express', description: 'Next Day to 2 Days' },
    });
    const bogus = await say({ type: 'interactive', replyTo: buttonId, interactive: { id: 'not-offered' } });
    expect(bogus.status).toBe(400);
    expect(bogus.body.error).toMatchObject({
      code: 'VALIDATION_FAILED',
      message: expect.stringContaining('did not offer'),
    });
    expect((await say({ type: 'interactive', interactive: { id: 'x' } })).status).toBe(400);
  });

  it('[simulator] a template quick-reply tap with the payload the business set', async () => {
    await sandbox.graph('POST', `/${NUMBER.wabaId}/message_templates`, {
      name: 'newsletter',
      language: 'en',
      category: 'MARKETING',
      components: [
        { type: 'BODY', text: 'Our weekly news is here.' },
        {
          type: 'BUTTONS',
          buttons: [
            { type: 'QUICK_REPLY', text: 'Unsubscribe' },
            { type: 'QUICK_REPLY', text: 'More' },
          ],
        },
      ],
    });
    await sandbox.settle();
    const sent = await sandbox.send(
      {
        type: 'template',
        template: {
          name: 'newsletter',
          language: { code: 'en' },
          components: [
            {
              type: 'button',
              sub_type: 'quick_reply',
              index: '0',
              parameters: [{ type: 'payload', payload: 'unsub-42' }],
            },
          ],
        },
      },
      waId,
    );
    const templateId = sent.body.messages[0].id;
    const tap = await inbound({ type: 'button', replyTo: templateId, button: { text: 'Unsubscribe' } });
    expect(tap).toMatchObject({
      context: { from: BUSINESS_DIGITS, id: templateId },
      type: 'button',
      button: { payload: 'unsub-42', text: 'Unsubscribe' },
    });
    expect((await inbound({ type: 'button', replyTo: templateId, button: { text: 'More' } })).button).toEqual({
      payload: 'More',
      text: 'More',
    });
    expect((await say({ type: 'button', replyTo: templateId, button: { text: 'Nope' } })).status).toBe(400);
  });

  it('[simulator] reactions, and their removal without emoji', async () => {
    const sent = await sandbox.send({ type: 'text', text: { body: 'Rate us' } }, waId);
    const target = sent.body.messages[0].id;
    expect((await inbound({ type: 'reaction', reaction: { message_id: target, emoji: '❤️' } })).reaction).toEqual({
      message_id: target,
      emoji: '❤️',
    });
    const removed = await inbound({ type: 'reaction', reaction: { message_id: target } });
    expect(removed.reaction).toEqual({ message_id: target });
    expect(removed.context).toBeUndefined();
    expect((await say({ type: 'reaction', reaction: { message_id: 'wamid.unknown', emoji: '👍' } })).status).toBe(400);
  });
});

describe('[simulator] the phone', () => {
  it('[simulator] shows the thread, the chat list with preview and unread count, and emits events', async () => {
    const other = await sandbox.customer('Random Number');
    expect(other.waId).toMatch(/^[1-9]\d{10,12}$/);
    await sandbox.send({ type: 'text', text: { body: 'Unread one' } }, other.waId);
    await sandbox.send({ type: 'text', text: { body: 'Unread two' } }, other.waId);
    await sandbox.settle();
    const list = await sandbox.control('GET', `/numbers/${NUMBER.phoneNumberId}/customers`);
    expect(list.body.data.find((c: any) => c.waId === other.waId)).toMatchObject({
      name: 'Random Number',
      windowOpen: true,
      lastMessage: { from: 'business', preview: 'Unread two' },
      unreadCount: 2,
    });
    const thread = await sandbox.control('GET', sandbox.customerPath(other.waId, '/messages'));
    expect(thread.body.data.map((m: any) => [m.from, m.status, m.content.text.body])).toEqual([
      ['customer', 'delivered', 'Hi!'],
      ['business', 'delivered', 'Unread one'],
      ['business', 'delivered', 'Unread two'],
    ]);
    const kinds = events
      .filter((e) => e.waId === other.waId)
      .map((e) => (e.type === 'status' ? `status:${e.status}` : e.type));
    expect(kinds).toEqual(
      expect.arrayContaining(['inbound', 'message-to-customer', 'status:sent', 'status:delivered']),
    );
  });
});
