// [simulator] Graph authentication (190, expired tokens, debug_token), the phone number object,
// read receipts and unknown objects.
import { expectGraphError } from './support/graph-assertions.ts';
import { NUMBER, startSandbox, type Sandbox } from './support/sandbox.ts';

let sandbox: Sandbox;
let waId: string;
let inboundId: string;

beforeAll(async () => {
  sandbox = await startSandbox();
  ({ waId, firstMessageId: inboundId } = await sandbox.customer());
});
afterAll(() => sandbox.stop());

describe('[simulator] authentication', () => {
  const body = { messaging_product: 'whatsapp', to: '15550001111', type: 'text', text: { body: 'x' } };

  it('[simulator] answers a missing or wrong token with 401 code 190', async () => {
    expectGraphError(await sandbox.graph('POST', `/${NUMBER.phoneNumberId}/messages`, body, null), 190);
    expectGraphError(
      await sandbox.graph('POST', `/${NUMBER.phoneNumberId}/messages`, body, 'wrong'),
      190,
      /Invalid OAuth/,
    );
  });

  it("[simulator] refuses another number's token", async () => {
    sandbox.simulator.registerPhoneNumber({
      ...NUMBER,
      phoneNumberId: '777',
      wabaId: '778',
      accessToken: 'other',
      webhookUrl: sandbox.receiver.url,
    });
    expectGraphError(await sandbox.graph('POST', `/${NUMBER.phoneNumberId}/messages`, body, 'other'), 190);
  });

  it('[simulator] answers an expired token with 190 saying it expired, and debug_token agrees', async () => {
    const expiredAt = Date.now() - 60_000;
    sandbox.simulator.registerPhoneNumber({
      ...NUMBER,
      phoneNumberId: '555',
      wabaId: '556',
      accessToken: 'old',
      tokenExpiresAt: expiredAt,
      webhookUrl: sandbox.receiver.url,
    });
    const reply = await sandbox.graph('POST', '/555/messages', body, 'old');
    expectGraphError(reply, 190, /expired/);
    expect(reply.body.error.message).toMatch(/expired/);
    expect(reply.body.error.error_subcode).toBe(463);
    const debug = await sandbox.graph('GET', '/debug_token?input_token=old');
    expect(debug.body.data).toMatchObject({ is_valid: false, expires_at: Math.floor(expiredAt / 1000) });
    const valid = await sandbox.graph('GET', `/debug_token?input_token=${NUMBER.accessToken}`);
    expect(valid.body.data).toMatchObject({
      is_valid: true,
      expires_at: 0,
      scopes: expect.arrayContaining(['whatsapp_business_messaging']),
    });
    expect((await sandbox.graph('GET', '/debug_token?input_token=nope')).body.data.is_valid).toBe(false);
  });
});

describe('[simulator] phone number, read receipts and unknown routes', () => {
  it('[simulator] describes the number, with or without a version prefix', async () => {
    const expected = {
      id: NUMBER.phoneNumberId,
      display_phone_number: NUMBER.displayPhoneNumber,
      verified_name: NUMBER.verifiedName,
      quality_rating: 'GREEN',
      throughput: { level: 'STANDARD' },
    };
    const fields = 'display_phone_number,verified_name,quality_rating,throughput';
    expect((await sandbox.graph('GET', `/${NUMBER.phoneNumberId}?fields=${fields}`)).body).toEqual(expected);
    const bare = await fetch(`${sandbox.url}/${NUMBER.phoneNumberId}?fields=${fields}`, {
      headers: { authorization: `Bearer ${NUMBER.accessToken}` },
    });
    expect(await bare.json()).toEqual(expected);
    const old = await fetch(`${sandbox.url}/v19.0/${NUMBER.phoneNumberId}`, {
      headers: { authorization: `Bearer ${NUMBER.accessToken}` },
    });
    expect(await old.json()).toMatchObject(expected);
  });

  it('[simulator] marks an inbound message read and the phone shows it', async () => {
    const reply = await sandbox.graph('POST', `/${NUMBER.phoneNumberId}/messages`, {
      messaging_product: 'whatsapp',
      status: 'read',
      message_id: inboundId,
      typing_indicator: { type: 'text' },
    });
    expect(reply).toMatchObject({ status: 200, body: { success: true } });
    const thread = await sandbox.control('GET', sandbox.customerPath(waId, '/messages'));
    expect(thread.body.data.find((m: any) => m.id === inboundId)).toMatchObject({ from: 'customer', status: 'read' });
    const unknown = await sandbox.graph('POST', `/${NUMBER.phoneNumberId}/messages`, {
      messaging_product: 'whatsapp',
      status: 'read',
      message_id: 'wamid.nope',
    });
    expectGraphError(unknown, 100, /message_id/);
  });

  it('[simulator] answers unknown objects and routes with 100 "Unsupported … request"', async () => {
    const post = await sandbox.graph('POST', '/123456/messages', { messaging_product: 'whatsapp' });
    expectGraphError(post, 100, /does not exist/);
    expect(post.body.error.message).toBe('(#100) Unsupported post request');
    expect((await sandbox.graph('GET', `/${NUMBER.phoneNumberId}/unknown_edge`)).body.error.message).toBe(
      '(#100) Unsupported get request',
    );
    expectGraphError(await sandbox.graph('GET', '/123456', undefined, null), 190);
  });
});
