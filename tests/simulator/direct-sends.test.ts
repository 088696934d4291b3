// [simulator] The simulator's own server answers sends without Express (messages-routes.ts
// answerMessagesPostDirectly); mounted in another app, Express's route answers them. Both must
// answer every kind of send request alike: a send, a read receipt, bad JSON, a body that is not an
// object, a missing or wrong token (checked after the body, as Express's parser runs first), an
// unknown number, an OAuth header, a query-string token.
import { createServer, type Server } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import express from 'express';
import { createMetaSimulator } from '#simulator/create-meta-simulator';
import { startMetaSimulator, type StartedMetaSimulator } from '#simulator/start-meta-simulator';
import { eventually } from '../support/eventually.ts';
import { NUMBER } from './support/sandbox.ts';
import { startWebhookReceiver, type WebhookReceiver } from './support/webhook-receiver.ts';

type Answer = { status: number; body: any; contentType: string | null };

let receiver: WebhookReceiver;
let direct: StartedMetaSimulator;
let mounted: { url: string; server: Server };
/** The standalone simulator's direct answers alone: what they do not take gets NOT_TAKEN. */
let directOnly: { url: string; server: Server };
const NOT_TAKEN = 599;

beforeAll(async () => {
  receiver = await startWebhookReceiver();
  direct = await startMetaSimulator({ latencyMs: { min: 0, max: 0 } });
  direct.simulator.registerPhoneNumber({ ...NUMBER, webhookUrl: receiver.url });
  const viaExpress = createMetaSimulator({ latencyMs: { min: 0, max: 0 } });
  viaExpress.registerPhoneNumber({ ...NUMBER, webhookUrl: receiver.url });
  const app = express();
  app.use(viaExpress.router);
  mounted = await listen(createServer(app));
  directOnly = await listen(
    createServer((req, res) => {
      if (!direct.simulator.answerDirectly(req, res)) {
        res.writeHead(NOT_TAKEN, { 'content-type': 'application/json' }).end('{}');
      }
    }),
  );
  for (const simulator of [direct.simulator, viaExpress]) {
    simulator.customers.add(NUMBER.phoneNumberId, { name: 'Direct', waId: '447700900123' });
  }
});

afterAll(async () => {
  await direct.stop();
  for (const { server } of [mounted, directOnly]) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
  await receiver.close();
});

async function listen(server: Server): Promise<{ url: string; server: Server }> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

async function post(base: string, path: string, body: string, headers: Record<string, string>): Promise<Answer> {
  const response = await fetch(`${base}${path}`, { method: 'POST', headers, body });
  const text = await response.text();
  return { status: response.status, body: JSON.parse(text), contentType: response.headers.get('content-type') };
}

/** What must be equal: ids and trace ids are random, their presence and shape are not. */
function comparable(answer: Answer) {
  return JSON.parse(JSON.stringify(answer).replace(/"(wamid\.[^"]+|[A-Za-z0-9_-]{20,})"/g, '"<id>"')) as Answer;
}

const AUTH = { authorization: `Bearer ${NUMBER.accessToken}`, 'content-type': 'application/json' };
const SEND = JSON.stringify({
  messaging_product: 'whatsapp',
  to: '447700900123',
  type: 'template',
  template: { name: 'hello_world', language: { code: 'en_US' } },
});

const cases: Array<[string, string, string, Record<string, string>, 'direct' | 'express']> = [
  ['a template send', `/v24.0/${NUMBER.phoneNumberId}/messages`, SEND, AUTH, 'direct'],
  ['a send without a version prefix', `/${NUMBER.phoneNumberId}/messages`, SEND, AUTH, 'direct'],
  [
    'a read receipt of an unknown message',
    `/v24.0/${NUMBER.phoneNumberId}/messages`,
    JSON.stringify({ messaging_product: 'whatsapp', status: 'read', message_id: 'wamid.nothing' }),
    AUTH,
    'direct',
  ],
  ['a body that is not JSON', `/v24.0/${NUMBER.phoneNumberId}/messages`, '{"to":', AUTH, 'direct'],
  ['a JSON body that is not an object', `/v24.0/${NUMBER.phoneNumberId}/messages`, '"hello"', AUTH, 'direct'],
  [
    'an invalid send',
    `/v24.0/${NUMBER.phoneNumberId}/messages`,
    JSON.stringify({ messaging_product: 'whatsapp', type: 'text' }),
    AUTH,
    'direct',
  ],
  [
    'a wrong token',
    `/v24.0/${NUMBER.phoneNumberId}/messages`,
    SEND,
    { ...AUTH, authorization: 'Bearer wrong' },
    'direct',
  ],
  ['no token', `/v24.0/${NUMBER.phoneNumberId}/messages`, SEND, { 'content-type': 'application/json' }, 'express'],
  [
    'an OAuth header',
    `/v24.0/${NUMBER.phoneNumberId}/messages`,
    SEND,
    { ...AUTH, authorization: `OAuth ${NUMBER.accessToken}` },
    'direct',
  ],
  [
    'a body that is not JSON with a wrong token',
    `/v24.0/${NUMBER.phoneNumberId}/messages`,
    '{"to":',
    { ...AUTH, authorization: 'Bearer wrong' },
    'direct',
  ],
  [
    'a token in the query string',
    `/v24.0/${NUMBER.phoneNumberId}/messages?access_token=${NUMBER.accessToken}`,
    SEND,
    { 'content-type': 'application/json' },
    'express',
  ],
  ['an unknown number', '/v24.0/999999/messages', SEND, AUTH, 'express'],
];

it.each(cases)('[simulator] answers %s the same without Express as with it', async (_name, path, body, headers, by) => {
  const withoutExpress = await post(direct.url, path, body, headers);
  const withExpress = await post(mounted.url, path, body, headers);
  expect(comparable(withoutExpress)).toEqual(comparable(withExpress));
  // The uncommon shapes are left to Express; the common ones are answered without it.
  expect((await post(directOnly.url, path, body, headers)).status === NOT_TAKEN).toBe(by === 'express');
});

it('[simulator] takes a send without Express and reports it as it does through Express', async () => {
  const answer = await post(direct.url, `/v24.0/${NUMBER.phoneNumberId}/messages`, SEND, AUTH);
  expect(answer).toEqual({
    status: 200,
    contentType: 'application/json; charset=utf-8',
    body: {
      messaging_product: 'whatsapp',
      contacts: [{ input: '447700900123', wa_id: '447700900123' }],
      messages: [{ id: expect.stringMatching(/^wamid\./), message_status: 'accepted' }],
    },
  });
  const id = answer.body.messages[0].id as string;
  await eventually(
    async () =>
      receiver
        .statuses()
        .some((status: { id: string; status: string }) => status.id === id && status.status === 'sent'),
    'the sent status of the send taken without Express',
  );
});

it('[simulator] takes nothing from a send its caller gave up on halfway through, and keeps answering', async () => {
  const accepted: string[] = [];
  direct.simulator.onEvent((event) => {
    if (event.type === 'message-to-customer') {
      accepted.push(event.waId);
    }
  });
  const socket = connect(Number(new URL(direct.url).port), '127.0.0.1');
  await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
  // A whole send in the body, but the caller announced more and hangs up before sending it.
  socket.write(
    `POST /v24.0/${NUMBER.phoneNumberId}/messages HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${NUMBER.accessToken}\r\n` +
      `Content-Type: application/json\r\nContent-Length: ${SEND.length + 100}\r\n\r\n${SEND}`,
  );
  await new Promise((resolve) => setTimeout(resolve, 50));
  socket.destroy();
  await new Promise((resolve) => setTimeout(resolve, 50));
  expect(accepted).toEqual([]);
  expect((await post(direct.url, `/v24.0/${NUMBER.phoneNumberId}/messages`, SEND, AUTH)).status).toBe(200);
  expect(accepted).toEqual(['447700900123']);
});
