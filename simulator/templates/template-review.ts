// Meta's template review, compressed (contract §6, §9): a new or edited template is PENDING, then
// after `templateReviewDelayMs` APPROVED, or REJECTED when its body contains a word from
// `rejectedWords` (INVALID_FORMAT, with rejection_info) or, for a UTILITY template, one of
// `promotionalWords` (PROMOTIONAL). Each outcome reaches the WABA's webhooks as
// `message_template_status_update`; quality changes (control API) as
// `message_template_quality_update`.
import type { SimulatorContext } from '../core/simulator-context.ts';
import type { TemplateRecord, TemplateStatus } from '../state/simulator-state.ts';
import {
  templateQualityPayload,
  templateStatusPayload,
  type TemplateEventExtras,
} from '../webhooks/webhook-payloads.ts';
import { componentOf, textOf } from './template-variables.ts';

export function scheduleReview(ctx: SimulatorContext, templateId: string): void {
  ctx.tasks.later(ctx.options.templateReviewDelayMs, () => {
    const template = ctx.store.templates.get(templateId);
    if (!template || template.status !== 'PENDING') {
      return;
    }
    const body = (textOf(componentOf(template.components, 'BODY')) ?? '').toLowerCase();
    const word = ctx.options.rejectedWords.find((w) => body.includes(w.toLowerCase()));
    const promotional =
      template.category === 'UTILITY'
        ? ctx.options.promotionalWords.find((w) => body.includes(w.toLowerCase()))
        : undefined;
    if (!word && promotional) {
      changeTemplateStatus(ctx, template, 'REJECTED', { reason: 'PROMOTIONAL' });
      return;
    }
    if (!word) {
      changeTemplateStatus(ctx, template, 'APPROVED', { reason: 'NONE' });
      return;
    }
    // The contract sends `rejection_info` only with INVALID_FORMAT, so that is the reason we give.
    changeTemplateStatus(ctx, template, 'REJECTED', {
      reason: 'INVALID_FORMAT',
      rejectionInfo: {
        reason: `The template body contains "${word}", which is not allowed in WhatsApp templates.`,
        recommendation: `Remove "${word}" from the body and submit the template again.`,
      },
    });
  });
}

/** Sets a template's status and tells every webhook of its WABA (one POST per distinct URL). */
export function changeTemplateStatus(
  ctx: SimulatorContext,
  template: TemplateRecord,
  status: TemplateStatus,
  extras: TemplateEventExtras,
): void {
  template.status = status;
  template.reason = extras.reason ?? null;
  ctx.store.changed();
  const payload = templateStatusPayload(template, status, extras, ctx.now());
  const seen = new Set<string>();
  for (const number of ctx.store.numbersInWaba(template.wabaId)) {
    if (!seen.has(number.webhookUrl)) {
      seen.add(number.webhookUrl);
      ctx.webhookTo(number, payload, `template:${template.id}`);
    }
  }
}

/** Sets a template's quality score and sends `message_template_quality_update` (contract §6). */
export function changeTemplateQuality(ctx: SimulatorContext, template: TemplateRecord, score: string): void {
  const previous = template.qualityScore ?? 'UNKNOWN';
  template.qualityScore = score;
  ctx.store.changed();
  const payload = templateQualityPayload(template, previous, score, ctx.now());
  const seen = new Set<string>();
  for (const number of ctx.store.numbersInWaba(template.wabaId)) {
    if (!seen.has(number.webhookUrl)) {
      seen.add(number.webhookUrl);
      ctx.webhookTo(number, payload, `template:${template.id}`);
    }
  }
}
