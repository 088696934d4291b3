// [simulator] Parley's own Cloud API client (api/whatsapp/cloud-api-client.ts) against the
// simulator: every call it makes parses, and Graph errors come back as CloudApiError; so do a
// Graph API that cannot be reached and one that does not answer in time.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { neverReachedMeta } from '#activities/messaging/deliver-message';
import { createCloudApiClient } from '#api/whatsapp/cloud-api-client';
import { CloudApiError } from '#api/whatsapp/cloud-api-error';
import { NUMBER, startSandbox, type Sandbox } from './support/sandbox.ts';
import { PNG } from './support/media-samples.ts';

let sandbox: Sandbox;

beforeAll(async () => {
  sandbox = await startSandbox();
});
afterAll(() => sandbox.stop());

it('[simulator] serves every call of the Cloud API client', async () => {
  const client = createCloudApiClient({ accessToken: NUMBER.accessToken, baseUrl: sandbox.url });
  const { waId, firstMessageId } = await sandbox.customer();

  const sent = await client.sendMessage(NUMBER.phoneNumberId, {
    messaging_product: 'whatsapp',
    to: waId,
    type: 'text',
    text: { body: 'Hi' },
  });
  expect(sent.messages[0]!.id).toMatch(/^wamid\./);
  await client.markAsRead(NUMBER.phoneNumberId, firstMessageId, true);
  expect(await client.getPhoneNumber(NUMBER.phoneNumberId)).toMatchObject({
    id: NUMBER.phoneNumberId,
    quality_rating: 'GREEN',
  });

  const { id } = await client.uploadMedia(NUMBER.phoneNumberId, {
    data: PNG,
    mimeType: 'image/png',
    filename: 'logo.png',
  });
  const media = await client.getMedia(id);
  expect(media).toMatchObject({ id, mime_type: 'image/png', file_size: String(PNG.length) });
  const downloaded = await client.downloadMedia(media.url);
  expect(downloaded.data.equals(PNG)).toBe(true);
  await client.deleteMedia(id);

  const created = await client.createTemplate(NUMBER.wabaId, {
    name: 'client_check',
    language: 'en',
    category: 'utility',
    components: [{ type: 'BODY', text: 'Checking the client.' }],
  });
  expect(created).toEqual({ id: expect.any(String), status: 'PENDING', category: 'UTILITY' });
  await sandbox.settle();
  const listed = await client.listTemplates(NUMBER.wabaId, { name: 'client_check' });
  expect(listed.data.map((t) => [t.name, t.status])).toEqual([['client_check', 'APPROVED']]);
  await client.deleteTemplate(NUMBER.wabaId, 'client_check');

  await client.updateBusinessProfile(NUMBER.phoneNumberId, { about: 'Via the client', vertical: 'RETAIL' });
  expect(await client.getBusinessProfile(NUMBER.phoneNumberId)).toMatchObject({
    about: 'Via the client',
    vertical: 'RETAIL',
  });

  const failure = await client
    .sendMessage(NUMBER.phoneNumberId, {
      messaging_product: 'whatsapp',
      to: waId,
      type: 'template',
      template: { name: 'nope', language: { code: 'en' } },
    })
    .catch((error: unknown) => error);
  expect(failure).toBeInstanceOf(CloudApiError);
  expect(failure).toMatchObject({
    code: 132001,
    httpStatus: 400,
    isRetryable: false,
    meaning: { category: 'template' },
  });
  const unauthorised = await createCloudApiClient({ accessToken: 'wrong', baseUrl: sandbox.url })
    .getPhoneNumber(NUMBER.phoneNumberId)
    .catch((error: unknown) => error);
  expect(unauthorised).toMatchObject({ code: 190, httpStatus: 401, meaning: { channelProblem: 'disconnected' } });
});

it('[simulator] reports an unreachable or silent Graph API as a retryable network error', async () => {
  const silent = createServer(() => {}); // takes requests, never answers
  await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
  const port = (silent.address() as AddressInfo).port;
  try {
    const message = { messaging_product: 'whatsapp', to: '15550001111', type: 'text', text: { body: 'Hi' } } as const;
    const slow = createCloudApiClient({ accessToken: 't', baseUrl: `http://127.0.0.1:${port}`, timeoutMs: 300 });
    const timedOut = await slow.sendMessage(NUMBER.phoneNumberId, message).catch((error: unknown) => error);
    expect(timedOut).toBeInstanceOf(CloudApiError);
    expect(timedOut).toMatchObject({ code: 2, httpStatus: null, isRetryable: true });
    expect(String((timedOut as Error).message)).toContain('No answer within 300 ms');
    expect(neverReachedMeta(timedOut as CloudApiError)).toBe(false); // WhatsApp may have it: never resent

    const closed = createCloudApiClient({ accessToken: 't', baseUrl: 'http://127.0.0.1:1' });
    const refused = await closed.sendMessage(NUMBER.phoneNumberId, message).catch((error: unknown) => error);
    expect(refused).toMatchObject({ code: 2, isRetryable: true });
    expect(String((refused as Error).message)).toContain('ECONNREFUSED');
    expect(neverReachedMeta(refused as CloudApiError)).toBe(true); // safe to send again

    // No file descriptor left for the socket: the connection was never made either. A reset while
    // reading the answer is not proof: WhatsApp may have taken the message.
    const systemError = (code: string, syscall: string) =>
      CloudApiError.network(Object.assign(new Error(`${syscall} ${code}`), { code, syscall }));
    expect(neverReachedMeta(systemError('EMFILE', 'connect'))).toBe(true);
    expect(neverReachedMeta(systemError('ECONNRESET', 'read'))).toBe(false);
  } finally {
    silent.closeAllConnections();
    silent.close();
  }
});
