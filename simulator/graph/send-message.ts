// `POST /<PHONE_NUMBER_ID>/messages` (contract §7): validate, apply throughput (130429) and
// pair (131056) limits and the template checks, answer like Meta, then play the delivery
// lifecycle asynchronously.
import { sendMessageRequestSchema, type SendMessageRequest } from '#api/whatsapp/schemas';
import type { SimulatorContext } from '../core/simulator-context.ts';
import { phoneDigits, wamid } from '../core/ids.ts';
import { ensureCustomer, isWindowOpen } from '../customers/customer-records.ts';
import { decideFailure, mediaOf } from '../delivery/decide-failure.ts';
import { pricingFor, startOutboundLifecycle } from '../delivery/outbound-lifecycle.ts';
import { liveMedia } from '../media/store-media.ts';
import type { MessageRecord, PhoneNumberRecord } from '../state/simulator-state.ts';
import { checkTemplateSend } from '../templates/check-template-send.ts';
import { renderTemplate } from '../templates/render-template.ts';
import { GraphError, invalidParameter } from './graph-error.ts';
import { invalidParameterFrom } from './zod-details.ts';

export function sendMessage(ctx: SimulatorContext, number: PhoneNumberRecord, body: unknown) {
  const parsed = sendMessageRequestSchema.safeParse(decodeJsonParameter(body));
  if (!parsed.success) {
    throw invalidParameterFrom(parsed.error);
  }
  const request = parsed.data;
  const waId = phoneDigits(request.to);
  const template = request.type === 'template' ? checkTemplateSend(ctx.store, number.wabaId, request.template) : null;
  checkMediaId(ctx, number, request);
  checkRateLimits(ctx, number, waId);

  const customer = ensureCustomer(ctx, number.phoneNumberId, waId);
  const windowOpen = isWindowOpen(ctx, customer);
  const { messaging_product: _p, recipient_type: _r, to: _t, context, biz_opaque_callback_data, ...content } = request;
  const message: MessageRecord = {
    id: wamid(ctx.random, waId),
    phoneNumberId: number.phoneNumberId,
    waId,
    direction: 'outbound',
    timestamp: ctx.now(),
    content,
    contextId: context?.message_id ?? null,
    status: 'accepted',
    error: null,
    bizOpaqueCallbackData: biz_opaque_callback_data ?? null,
    pricing: pricingFor(template, windowOpen),
    pricingReported: false,
    template: template && request.type === 'template' ? renderTemplate(template, request.template) : null,
  };
  ctx.store.addMessage(message);
  ctx.events.emit({ type: 'message-to-customer', phoneNumberId: number.phoneNumberId, waId, message });
  startOutboundLifecycle(
    ctx,
    message,
    decideFailure(ctx, request, { phoneNumberId: number.phoneNumberId, waId, windowOpen }),
  );

  return {
    messaging_product: 'whatsapp',
    contacts: [{ input: request.to, wa_id: waId }],
    // `message_status` comes only on template sends (contract §7.1).
    messages: [template ? { id: message.id, message_status: 'accepted' } : { id: message.id }],
  };
}

/**
 * Graph decodes structured parameters sent as JSON text, and clients rely on it: whatsapp-api-js
 * serialises `contacts` as a JSON string. The type's payload is decoded the same way here.
 */
function decodeJsonParameter(body: unknown): unknown {
  if (typeof body !== 'object' || body === null) {
    return body;
  }
  const record = body as Record<string, unknown>;
  const type = typeof record.type === 'string' ? record.type : null;
  const payload = type ? record[type] : undefined;
  if (typeof payload !== 'string' || !/^\s*[[{]/.test(payload)) {
    return body;
  }
  try {
    return { ...record, [type!]: JSON.parse(payload) as unknown };
  } catch {
    return body;
  }
}

function checkRateLimits(ctx: SimulatorContext, number: PhoneNumberRecord, waId: string): void {
  const perSecond = number.throughputPerSecond ?? ctx.options.throughputPerSecond;
  if (!ctx.buckets.take(`throughput:${number.phoneNumberId}`, perSecond, perSecond / 1000)) {
    throw new GraphError(130429, 'Cloud API message throughput has been reached.');
  }
  const { burst, intervalMs } = ctx.options.pairRate;
  if (!ctx.buckets.take(`pair:${number.phoneNumberId}:${waId}`, burst, 1 / intervalMs)) {
    throw new GraphError(
      131056,
      'Message failed to send because there were too many messages sent from this phone number to the same phone number in a short period of time.',
    );
  }
}

/** A media id must be one this WABA uploaded and that has not expired. */
function checkMediaId(ctx: SimulatorContext, number: PhoneNumberRecord, request: SendMessageRequest): void {
  const media = mediaOf(request);
  if (!media?.id) {
    return;
  }
  const stored = liveMedia(ctx, media.id);
  const owner = stored && ctx.store.numbers.get(stored.phoneNumberId);
  if (!owner || owner.wabaId !== number.wabaId) {
    throw invalidParameter(`Param ${media.kind}['id'] is not a valid whatsapp business account media attachment ID`);
  }
}
