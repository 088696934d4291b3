// From raw webhook bytes to what the pipeline stores. Garbage is refused as a whole; inside a
// valid envelope, an individual message or status that cannot be keyed is skipped so the rest of
// the batch still lands.
import {
  statusUpdateSchema,
  messagesChangeValueSchema,
  webhookEnvelopeSchema,
  type StatusUpdate,
} from '../whatsapp/webhook-schemas.ts';
import { toInboundMessageRow, type InboundMessageRow } from './inbound-message.ts';

const TEMPLATE_FIELDS = new Set([
  'message_template_status_update',
  'message_template_quality_update',
  'template_category_update',
]);

export type TemplateChange = { field: string; value: Record<string, unknown> };

export type ParsedWebhook =
  | {
      ok: true;
      messages: InboundMessageRow[];
      statuses: StatusUpdate[];
      profileNames: Map<string, string>;
      /** Template status, quality and category changes (api/templates/template-events.ts applies them). */
      templateChanges: TemplateChange[];
      skipped: number;
    }
  | { ok: false; error: string };

export function parseWebhook(raw: Buffer, phoneNumberId: string | null): ParsedWebhook {
  let json: unknown;
  try {
    json = JSON.parse(raw.toString('utf8'));
  } catch {
    return { ok: false, error: 'The body is not valid JSON' };
  }
  const envelope = webhookEnvelopeSchema.safeParse(json);
  if (!envelope.success) {
    const issue = envelope.error.issues[0];
    return {
      ok: false,
      error: `Not a WhatsApp webhook: ${issue?.path.join('.') || 'body'}: ${issue?.message ?? 'invalid'}`,
    };
  }
  const result = {
    ok: true as const,
    messages: [] as InboundMessageRow[],
    statuses: [] as StatusUpdate[],
    profileNames: new Map<string, string>(),
    templateChanges: [] as TemplateChange[],
    skipped: 0,
  };
  for (const change of envelope.data.entry.flatMap((entry) => entry.changes)) {
    if (change.field !== 'messages') {
      if (TEMPLATE_FIELDS.has(change.field)) {
        result.templateChanges.push({ field: change.field, value: change.value });
      }
      continue; // account events are handled by the features that need them
    }
    const value = messagesChangeValueSchema.safeParse(change.value);
    if (!value.success) {
      return { ok: false, error: `Malformed messages change: ${value.error.issues[0]?.path.join('.') ?? ''}` };
    }
    if (phoneNumberId && value.data.metadata.phone_number_id !== phoneNumberId) {
      result.skipped++;
      continue; // another number's event delivered here by mistake: not ours to store
    }
    for (const contact of value.data.contacts ?? []) {
      if (contact.profile?.name) {
        result.profileNames.set(contact.wa_id, contact.profile.name);
      }
    }
    for (const raw of value.data.messages ?? []) {
      const row = toInboundMessageRow(raw);
      if (row) {
        result.messages.push(row);
      } else {
        result.skipped++;
      }
    }
    for (const raw of value.data.statuses ?? []) {
      const status = statusUpdateSchema.safeParse(raw);
      if (status.success) {
        result.statuses.push(status.data);
      } else {
        result.skipped++;
      }
    }
  }
  return result;
}
