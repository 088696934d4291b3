// Meta's template webhooks for one channel (contract §6): `message_template_status_update` sets the
// status, the rejection reason and when it changed; `message_template_quality_update` the quality
// score; `template_category_update` the category. The template is found by Meta's id, else by
// (name, language) on that channel; events for templates Parley does not hold are left to the
// periodic sync, which imports them. Each change is pushed live as `template.updated`.
import { z } from 'zod';
import { createTenantDb } from '#db/tenant-db';
import type { AppDeps } from '../context.ts';
import { emitEvent, type EventDeps } from '../events/emit-event.ts';
import type { TemplateChange } from '../webhooks/parse-webhook.ts';
import { templateStatusChangeValueSchema } from '../whatsapp/webhook-schemas.ts';
import { statusFromMeta } from './template-status.ts';
import { TEMPLATE_CATEGORIES } from './schemas.ts';

const keySchema = z.looseObject({
  message_template_id: z.union([z.number(), z.string()]).optional(),
  message_template_name: z.string(),
  message_template_language: z.string(),
});
const qualitySchema = keySchema.extend({ new_quality_score: z.string() });
const categorySchema = keySchema.extend({ new_category: z.string() });

type Target = { tenantId: string; channelId: string };
type Deps = Pick<AppDeps, 'prisma' | 'realtime' | 'logger'> & EventDeps;

export async function applyTemplateChanges(deps: Deps, target: Target, changes: TemplateChange[]): Promise<void> {
  const db = createTenantDb(deps.prisma, target.tenantId);
  for (const change of changes) {
    const data = dataFor(change);
    if (!data) {
      deps.logger.warn({ field: change.field, channelId: target.channelId }, 'ignored a malformed template webhook');
      continue;
    }
    const key = keySchema.parse(change.value);
    const providerId = key.message_template_id !== undefined ? String(key.message_template_id) : null;
    const row =
      (providerId
        ? await db.messageTemplate.findFirst({
            where: { channelId: target.channelId, providerTemplateId: providerId },
            select: templateSelect,
          })
        : null) ??
      (await db.messageTemplate.findUnique({
        where: {
          channelId_name_language: {
            channelId: target.channelId,
            name: key.message_template_name,
            language: key.message_template_language,
          },
        },
        select: templateSelect,
      }));
    if (!row) {
      continue;
    }
    await db.messageTemplate.update({
      where: { id: row.id },
      data: { ...data, ...(providerId ? { providerTemplateId: providerId } : {}) },
    });
    deps.realtime.publish(target.tenantId, 'template.updated', {
      templateId: row.id,
      status: data.status ?? row.status,
    });
    if (data.status && data.status !== row.status) {
      emitTemplateStatus(deps, target.tenantId, { ...row, status: data.status, reason: data.rejectionReason ?? null });
    }
  }
}

const templateSelect = { id: true, name: true, language: true, status: true } as const;

/** template.status_changed: from Meta's webhook here, or from the periodic sync (sync-templates.ts). */
export function emitTemplateStatus(
  deps: EventDeps,
  tenantId: string,
  template: { id: string; name: string; language: string; status: string; reason: string | null },
): void {
  void emitEvent(deps, tenantId, 'template.status_changed', {
    templateId: template.id,
    name: template.name,
    language: template.language,
    status: template.status,
    reason: template.reason,
  });
}

type TemplateUpdate = {
  status?: string;
  rejectionReason?: string | null;
  statusChangedAt?: Date;
  qualityScore?: string;
  category?: string;
};

function dataFor(change: TemplateChange): TemplateUpdate | null {
  if (change.field === 'message_template_status_update') {
    const parsed = templateStatusChangeValueSchema.safeParse(change.value);
    const status = parsed.success ? statusFromMeta(parsed.data.event) : null;
    if (!parsed.success || !status) {
      return null;
    }
    return {
      status,
      rejectionReason: status === 'rejected' ? rejectionText(parsed.data) : null,
      statusChangedAt: new Date(),
    };
  }
  if (change.field === 'message_template_quality_update') {
    const parsed = qualitySchema.safeParse(change.value);
    return parsed.success ? { qualityScore: parsed.data.new_quality_score.toUpperCase() } : null;
  }
  const parsed = categorySchema.safeParse(change.value);
  const category = parsed.success ? parsed.data.new_category.toLowerCase() : '';
  return (TEMPLATE_CATEGORIES as readonly string[]).includes(category) ? { category } : null;
}

/** Meta's reason code in words, with its explanation when it sends one (INVALID_FORMAT). */
export function rejectionText(value: {
  reason?: string | null | undefined;
  rejection_info?: { reason?: string | undefined; recommendation?: string | undefined } | undefined;
}): string {
  const code = value.reason && value.reason !== 'NONE' ? value.reason : null;
  const detail = [value.rejection_info?.reason, value.rejection_info?.recommendation].filter(Boolean).join(' ');
  const label = code ? (REASONS[code] ?? code) : 'Rejected';
  return detail ? `${label}: ${detail}` : label;
}

const REASONS: Record<string, string> = {
  ABUSIVE_CONTENT: 'Abusive content',
  INCORRECT_CATEGORY: 'Incorrect category',
  INVALID_FORMAT: 'Invalid format',
  PROMOTIONAL: 'Promotional content in a utility template',
  SCAM: 'Scam',
  TAG_CONTENT_MISMATCH: 'The content does not match the category',
};
