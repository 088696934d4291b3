// Sends as a simulated customer through the control API and returns the inbound webhook message it
// produced, after checking the envelope against Parley's schemas and contract §2/§4.
import { inboundContentSchema } from '#api/whatsapp/schemas';
import {
  inboundMessageEnvelopeSchema,
  messagesChangeValueSchema,
  webhookEnvelopeSchema,
} from '#api/whatsapp/webhook-schemas';
import { NUMBER, type Sandbox } from './sandbox.ts';

export const BUSINESS_DIGITS = '15550783881';
export const b64 = (bytes: Buffer) => bytes.toString('base64');

export function customerPhone(sandbox: Sandbox, waId: string, name: string) {
  const say = (message: Record<string, unknown>) =>
    sandbox.control('POST', sandbox.customerPath(waId, '/messages'), message);

  async function inbound(message: Record<string, unknown>) {
    const reply = await say(message);
    expect(reply.status).toBe(201);
    await sandbox.settle();
    const webhook = sandbox.receiver.received.find(
      (w) => w.body.entry[0].changes[0].value.messages?.[0]?.id === reply.body.id,
    )!;
    const value = webhook.body.entry[0].changes[0].value;
    expect(webhookEnvelopeSchema.parse(webhook.body)).toBeTruthy();
    expect(messagesChangeValueSchema.parse(value)).toBeTruthy();
    expect(value.metadata).toEqual({ display_phone_number: BUSINESS_DIGITS, phone_number_id: NUMBER.phoneNumberId });
    expect(value.contacts).toEqual([{ profile: { name }, wa_id: waId }]);
    const received = value.messages[0];
    expect(inboundMessageEnvelopeSchema.parse(received)).toBeTruthy();
    expect(inboundContentSchema.parse(received)).toBeTruthy();
    expect(received).toMatchObject({ from: waId, id: reply.body.id, timestamp: expect.stringMatching(/^\d+$/) });
    return received;
  }
  return { say, inbound };
}
