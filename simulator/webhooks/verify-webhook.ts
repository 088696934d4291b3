// The GET verification handshake (contract §1): the callback must answer 200 with exactly the
// challenge we sent; anything else leaves it unverified.
import { digits } from '../core/ids.ts';

export type WebhookVerification = { verified: boolean; status: number | null };

export async function verifyWebhook(
  webhookUrl: string,
  verifyToken: string,
  options: { random: () => number; timeoutMs: number },
): Promise<WebhookVerification> {
  const challenge = `${1 + Math.floor(options.random() * 9)}${digits(options.random, 9)}`;
  const url = new URL(webhookUrl);
  url.searchParams.set('hub.mode', 'subscribe');
  url.searchParams.set('hub.challenge', challenge);
  url.searchParams.set('hub.verify_token', verifyToken);
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(options.timeoutMs) });
    const body = await response.text();
    return { verified: response.status === 200 && body === challenge, status: response.status };
  } catch {
    return { verified: false, status: null };
  }
}
