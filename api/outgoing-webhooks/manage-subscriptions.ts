// Creating, changing and deleting webhook subscriptions. The URL passes the SSRF guard (a 400
// naming `url`), the secret is generated here, stored encrypted and answered once (create and
// rotate). Every change is audited and refreshes this process's event interest at once.
import type { TenantContext } from '../context.ts';
import { audit } from '../audit/record-audit.ts';
import { AppError } from '../errors.ts';
import { invalidateEventInterest } from '../events/event-interest.ts';
import { generateWebhookSecret } from '#activities/outgoing-webhooks/sign-webhook';
import { assertUrlAllowed, outboundPolicy, TargetNotAllowedError } from '#lib/outbound-http';
import {
  retryPolicySchema,
  type CreateWebhookSubscriptionInput,
  type UpdateWebhookSubscriptionInput,
  type WebhookSubscriptionView,
  type WebhookSubscriptionWithSecret,
} from './schemas.ts';
import { ensureWebhookSweep } from './sweep-schedule.ts';
import { getSubscription } from './subscription-view.ts';

export async function createSubscription(
  input: CreateWebhookSubscriptionInput,
  ctx: TenantContext,
): Promise<WebhookSubscriptionWithSecret> {
  await checkUrl(input.url, ctx);
  const secret = generateWebhookSecret();
  const row = await ctx.db.webhookSubscription.create({
    data: {
      tenantId: ctx.db.tenantId,
      name: input.name,
      url: input.url,
      secret: ctx.services.secretBox.encrypt(secret),
      eventTypes: [...new Set(input.eventTypes)],
      isEnabled: input.isEnabled ?? true,
      retryPolicy: retryPolicySchema.parse(input.retryPolicy ?? {}),
      createdById: ctx.principal.kind === 'user' ? ctx.principal.userId : null,
    },
    select: { id: true },
  });
  await changed(ctx, 'webhook_subscription.created', row.id, { name: input.name, eventTypes: input.eventTypes });
  return { ...(await getSubscription(ctx.db, row.id)), secret };
}

export async function updateSubscription(
  id: string,
  patch: UpdateWebhookSubscriptionInput,
  ctx: TenantContext,
): Promise<WebhookSubscriptionView> {
  const current = await getSubscription(ctx.db, id);
  if (patch.url !== undefined) {
    await checkUrl(patch.url, ctx);
  }
  const enabling = patch.isEnabled === true && !current.isEnabled;
  await ctx.db.webhookSubscription.update({
    where: { id },
    data: {
      ...(patch.name !== undefined ? { name: patch.name } : {}),
      ...(patch.url !== undefined ? { url: patch.url } : {}),
      ...(patch.eventTypes !== undefined ? { eventTypes: [...new Set(patch.eventTypes)] } : {}),
      ...(patch.retryPolicy !== undefined
        ? { retryPolicy: retryPolicySchema.parse({ ...current.retryPolicy, ...patch.retryPolicy }) }
        : {}),
      ...(patch.isEnabled === false && current.isEnabled
        ? { isEnabled: false, disabledReason: 'Disabled by a member', disabledAt: new Date() }
        : {}),
      // Enabling again starts a fresh streak: the receiver is presumably fixed.
      ...(enabling ? { isEnabled: true, failureStreak: 0, disabledReason: null, disabledAt: null } : {}),
    },
  });
  const fields = Object.keys(patch).filter((key) => patch[key as keyof typeof patch] !== undefined);
  await changed(ctx, 'webhook_subscription.updated', id, { fields });
  return getSubscription(ctx.db, id);
}

export async function deleteSubscription(id: string, ctx: TenantContext): Promise<void> {
  const { name } = await getSubscription(ctx.db, id);
  await ctx.db.webhookSubscription.delete({ where: { id } });
  await changed(ctx, 'webhook_subscription.deleted', id, { name });
}

/** A new secret, answered once; deliveries signed from now on use it. */
export async function rotateSecret(id: string, ctx: TenantContext): Promise<WebhookSubscriptionWithSecret> {
  await getSubscription(ctx.db, id);
  const secret = generateWebhookSecret();
  await ctx.db.webhookSubscription.update({ where: { id }, data: { secret: ctx.services.secretBox.encrypt(secret) } });
  await changed(ctx, 'webhook_subscription.secret_rotated', id, {});
  return { ...(await getSubscription(ctx.db, id)), secret };
}

async function checkUrl(url: string, ctx: TenantContext): Promise<void> {
  try {
    await assertUrlAllowed(url, { policy: outboundPolicy(ctx.services.env) });
  } catch (error) {
    if (error instanceof TargetNotAllowedError) {
      throw AppError.field('url', error.message);
    }
    throw error;
  }
}

async function changed(ctx: TenantContext, action: string, id: string, metadata: Record<string, unknown>) {
  invalidateEventInterest(ctx.db.tenantId);
  void ensureWebhookSweep(ctx.services);
  await audit(ctx, { action, targetType: 'webhook_subscription', targetId: id, metadata });
}
