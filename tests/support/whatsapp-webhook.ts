// Builds and signs webhook payloads the way Meta does (contract §2–§5), for tests that post
// straight to Parley without the simulator.
import { randomBytes } from 'node:crypto';
import { escapeNonAscii, signatureFor } from '#api/whatsapp/signature';

export function wamid(): string {
  return `wamid.${randomBytes(18).toString('base64url')}`;
}

export function unixNow(offsetSeconds = 0): string {
  return String(Math.floor(Date.now() / 1000) + offsetSeconds);
}

export function messagesWebhook(
  phoneNumberId: string,
  value: { contacts?: Array<{ wa_id: string; profile: { name: string } }>; messages?: unknown[]; statuses?: unknown[] },
): Record<string, unknown> {
  return {
    object: 'whatsapp_business_account',
    entry: [
      {
        id: '102290129340398',
        changes: [
          {
            field: 'messages',
            value: {
              messaging_product: 'whatsapp',
              metadata: { display_phone_number: '15550783881', phone_number_id: phoneNumberId },
              ...value,
            },
          },
        ],
      },
    ],
  };
}

export function inboundWebhook(
  phoneNumberId: string,
  from: string,
  name: string,
  message: Record<string, unknown>,
): Record<string, unknown> {
  return messagesWebhook(phoneNumberId, {
    contacts: [{ wa_id: from, profile: { name } }],
    messages: [{ from, id: wamid(), timestamp: unixNow(), ...message }],
  });
}

/** The exact bytes Meta would send (non-ASCII escaped) and their signature header. */
export function signedBody(payload: unknown, appSecret: string): { body: string; signature: string } {
  const body = escapeNonAscii(JSON.stringify(payload));
  return { body, signature: signatureFor(body, appSecret) };
}
