// Meta's template review, compressed (contract §6, §9): a new or edited template is PENDING, then
// after `templateReviewDelayMs` APPROVED, or REJECTED when its body contains a word from
// `rejectedWords`. Each outcome reaches the WABA's webhooks as `message_template_status_update`.
import type { SimulatorContext } from '../core/simulator-context.ts';
import type { TemplateRecord, TemplateStatus } from '../state/simulator-state.ts';
import { templateStatusPayload, type TemplateEventExtras } from '../webhooks/webhook-payloads.ts';
import { componentOf, textOf } from './template-variables.ts';

export function scheduleReview(ctx: SimulatorContext, templateId: string): void {
  ctx.tasks.later(ctx.options.templateReviewDelayMs, () => {
    const template = ctx.store.templates.get(templateId);
    if (!template || template.status !== 'PENDING') {
      return;
    }
    const body = (textOf(componentOf(template.components, 'BODY')) ?? '').toLowerCase();
    const word = ctx.options.rejectedWords.find((w) => body.includes(w.toLowerCase()));
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
