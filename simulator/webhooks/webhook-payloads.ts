// Webhook bodies in Meta's shapes: the `messages` envelope with inbound messages (§4) or statuses
// (§5), and the `message_template_status_update` envelope (§6). One change per POST, which is
// what Meta mostly does and what single-message receivers (e.g. whatsapp-api-js) expect.
import { phoneDigits } from '../core/ids.ts';
import type {
  CustomerRecord,
  MessageError,
  MessageRecord,
  PhoneNumberRecord,
  Pricing,
  TemplateRecord,
} from '../state/simulator-state.ts';
import { webhookErrorObject } from '../graph/graph-error.ts';

export function messagesEnvelope(number: PhoneNumberRecord, value: Record<string, unknown>) {
  return {
    object: 'whatsapp_business_account',
    entry: [
      {
        id: number.wabaId,
        changes: [
          {
            field: 'messages',
            value: {
              messaging_product: 'whatsapp',
              metadata: {
                display_phone_number: phoneDigits(number.displayPhoneNumber),
                phone_number_id: number.phoneNumberId,
              },
              ...value,
            },
          },
        ],
      },
    ],
  };
}

export function inboundPayload(number: PhoneNumberRecord, customer: CustomerRecord, message: Record<string, unknown>) {
  return messagesEnvelope(number, {
    contacts: [{ profile: { name: customer.name }, wa_id: customer.waId }],
    messages: [message],
  });
}

export function statusPayload(
  number: PhoneNumberRecord,
  message: MessageRecord,
  status: 'sent' | 'delivered' | 'read' | 'failed',
  extra: { timestampMs: number; pricing?: Pricing | null; error?: MessageError | null },
) {
  return messagesEnvelope(number, {
    statuses: [
      {
        id: message.id,
        status,
        timestamp: unixSeconds(extra.timestampMs),
        recipient_id: message.waId,
        ...(message.bizOpaqueCallbackData !== null ? { biz_opaque_callback_data: message.bizOpaqueCallbackData } : {}),
        ...(extra.pricing ? { pricing: extra.pricing } : {}),
        ...(extra.error ? { errors: [webhookErrorObject(extra.error.code, extra.error.details)] } : {}),
      },
    ],
  });
}

export type TemplateEventExtras = {
  reason?: string | null;
  rejectionInfo?: { reason: string; recommendation: string };
  otherInfo?: { title: string; description: string };
};

export function templateStatusPayload(
  template: TemplateRecord,
  event: string,
  extras: TemplateEventExtras,
  nowMs: number,
) {
  return {
    object: 'whatsapp_business_account',
    entry: [
      {
        id: template.wabaId,
        time: Math.floor(nowMs / 1000),
        changes: [
          {
            field: 'message_template_status_update',
            value: {
              event,
              message_template_id: Number(template.id),
              message_template_name: template.name,
              message_template_language: template.language,
              reason: extras.reason === undefined ? 'NONE' : extras.reason,
              message_template_category: template.category,
              ...(extras.rejectionInfo ? { rejection_info: extras.rejectionInfo } : {}),
              ...(extras.otherInfo ? { other_info: extras.otherInfo } : {}),
            },
          },
        ],
      },
    ],
  };
}

export function templateQualityPayload(template: TemplateRecord, previous: string, score: string, nowMs: number) {
  return {
    object: 'whatsapp_business_account',
    entry: [
      {
        id: template.wabaId,
        time: Math.floor(nowMs / 1000),
        changes: [
          {
            field: 'message_template_quality_update',
            value: {
              previous_quality_score: previous,
              new_quality_score: score,
              message_template_id: Number(template.id),
              message_template_name: template.name,
              message_template_language: template.language,
            },
          },
        ],
      },
    ],
  };
}

export function unixSeconds(ms: number): string {
  return String(Math.floor(ms / 1000));
}
