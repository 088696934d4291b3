// A WhatsApp Cloud API channel connected through the API, with secrets the test knows.
import { randomBytes } from 'node:crypto';
import type { HttpClient } from '../http-client.ts';

export type SeededChannel = {
  channelId: string;
  phoneNumberId: string;
  appSecret: string;
  verifyToken: string;
  accessToken: string;
};

export async function connectCloudChannel(
  http: HttpClient,
  token: string,
  overrides: Partial<{ phoneNumberId: string; accessToken: string; appSecret: string; wabaId: string }> = {},
): Promise<SeededChannel> {
  const digits = () => Array.from(randomBytes(14), (b) => String(b % 10)).join('');
  const input = {
    name: 'Support line',
    wabaId: overrides.wabaId ?? `1${digits()}`,
    phoneNumberId: overrides.phoneNumberId ?? `1${digits()}`,
    accessToken: overrides.accessToken ?? `EAAG${randomBytes(24).toString('hex')}`,
    appSecret: overrides.appSecret ?? randomBytes(16).toString('hex'),
    verifyToken: `verify-${randomBytes(8).toString('hex')}`,
  };
  const created = await http.post('/api/channels', input, { token });
  if (created.status !== 201) {
    throw new Error(`connecting the channel failed: ${created.status} ${JSON.stringify(created.body)}`);
  }
  return {
    channelId: created.body.id,
    phoneNumberId: input.phoneNumberId,
    appSecret: input.appSecret,
    verifyToken: input.verifyToken,
    accessToken: input.accessToken,
  };
}
