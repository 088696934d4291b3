// A campaign's life: create a draft, edit it (or a scheduled one not yet started), launch, pause,
// resume, cancel, duplicate, delete. The database holds the status: every change is a
// conditional UPDATE on the status it expects (so an edit and the workflow claiming the campaign
// to start it are exclusive), then the workflows are told (campaign-temporal.ts) to read it
// again. A change that is no longer allowed answers 409 saying why. Create, launch, pause,
// resume, cancel and delete are audited.
import { Prisma } from '#db/client';
import { audit } from '../audit/record-audit.ts';
import type { TenantContext } from '../context.ts';
import { AppError, type FieldIssue } from '../errors.ts';
import { checkCampaign, checkLaunchable } from './check-campaign.ts';
import type { ScheduleColumns } from './campaign-schedule.ts';
import {
  deleteRecurringSchedule,
  pauseRecurringSchedule,
  resumeRecurringSchedule,
  signalCampaignChanged,
  startCampaignWorkflow,
  upsertRecurringSchedule,
} from './campaign-temporal.ts';
import { findCampaignRow, getCampaign, toCampaignView, type CampaignRow } from './campaign-view.ts';
import {
  createCampaignInputSchema,
  type CampaignStatus,
  type CampaignView,
  type CreateCampaignInput,
  type UpdateCampaignInput,
} from './schemas.ts';

/** A draft, or a scheduled campaign that has not started, can be edited. */
const EDITABLE: CampaignStatus[] = ['draft', 'scheduled'];
/** Never one that may still send: cancel it first. Deleting removes its results too. */
const DELETABLE: CampaignStatus[] = ['draft', 'cancelled', 'completed', 'failed'];
const CANCELLABLE: CampaignStatus[] = ['draft', 'scheduled', 'running', 'paused'];

export async function createCampaign(input: CreateCampaignInput, ctx: TenantContext): Promise<CampaignView> {
  const schedule = await checkCampaign(ctx.db, input, new Date());
  const tenantId = ctx.db.tenantId;
  const id = await ctx.db.transaction(async (tx) => {
    const row = await tx.campaign.create({
      data: {
        tenantId,
        ...campaignData(input, schedule),
        createdById: ctx.principal.kind === 'user' ? ctx.principal.userId : null,
      },
      select: { id: true },
    });
    await tx.campaignVariant.createMany({ data: variantRows(tenantId, row.id, input) });
    return row.id;
  });
  await audit(ctx, {
    action: 'campaign.created',
    targetType: 'campaign',
    targetId: id,
    metadata: { name: input.name, variants: input.variants.length, schedule: input.schedule.kind },
  });
  return getCampaign(id, ctx);
}

export async function updateCampaign(
  id: string,
  patch: UpdateCampaignInput,
  ctx: TenantContext,
): Promise<CampaignView> {
  const row = await findCampaignRow(id, ctx);
  if (!EDITABLE.includes(row.status as CampaignStatus)) {
    throw conflict(
      `Only a draft or a scheduled campaign that has not started can be edited; this one is ${row.status}.`,
    );
  }
  const input = mergedInput(row, patch);
  const scheduled = row.status === 'scheduled';
  if (scheduled && input.schedule.kind !== row.scheduleKind) {
    throw AppError.field(
      'schedule.kind',
      'a scheduled campaign keeps its kind of schedule: cancel and duplicate it to change it',
      'UNPROCESSABLE',
    );
  }
  const now = new Date();
  // A scheduled campaign was checked at launch; an edit must not make it unsendable.
  const schedule = scheduled ? await checkLaunchable(ctx.db, input, now) : await checkCampaign(ctx.db, input, now);
  const tenantId = ctx.db.tenantId;
  await ctx.db.transaction(async (tx) => {
    const updated = await tx.campaign.updateMany({
      where: { id, tenantId, status: { in: EDITABLE } },
      data: campaignData(input, schedule),
    });
    if (updated.count === 0) {
      throw conflict('This campaign has started meanwhile and can no longer be edited.');
    }
    // Variants are kept by label, so the results of earlier runs keep theirs.
    const labels = input.variants.map((v) => v.label);
    await tx.campaignVariant.deleteMany({ where: { tenantId, campaignId: id, label: { notIn: labels } } });
    for (const variant of variantRows(tenantId, id, input)) {
      await tx.campaignVariant.upsert({
        where: { campaignId_label: { campaignId: id, label: variant.label } },
        create: variant,
        update: { weight: variant.weight, message: variant.message, position: variant.position },
      });
    }
  });
  if (scheduled) {
    await tellWorkflows(ctx, { id, scheduleKind: row.scheduleKind });
  }
  await audit(ctx, {
    action: 'campaign.updated',
    targetType: 'campaign',
    targetId: id,
    metadata: {
      name: input.name,
      changed: Object.keys(patch).filter((k) => patch[k as keyof typeof patch] !== undefined),
    },
  });
  return getCampaign(id, ctx);
}

export async function deleteCampaign(id: string, ctx: TenantContext): Promise<void> {
  const row = await findCampaignRow(id, ctx);
  if (!DELETABLE.includes(row.status as CampaignStatus)) {
    throw conflict(`A ${row.status} campaign cannot be deleted: cancel it first.`);
  }
  const deleted = await ctx.db.campaign.deleteMany({ where: { id, status: { in: DELETABLE } } });
  if (deleted.count === 0) {
    throw conflict('This campaign changed meanwhile; look at it again.');
  }
  if (row.scheduleKind === 'recurring') {
    await deleteRecurringSchedule(ctx.services.temporal, id);
  }
  await audit(ctx, { action: 'campaign.deleted', targetType: 'campaign', targetId: id, metadata: { name: row.name } });
}

/**
 * Draft → scheduled, after the launch checks; the workflow (now and once: it waits for its time)
 * or the recurring Schedule then claims it (running) when it starts.
 */
export async function launchCampaign(id: string, ctx: TenantContext): Promise<CampaignView> {
  const row = await findCampaignRow(id, ctx);
  if (row.status !== 'draft') {
    throw conflict(`Only a draft can be launched; this one is ${row.status}.`);
  }
  const input = mergedInput(row, {});
  const schedule = await checkLaunchable(ctx.db, input, new Date());
  const claimed = await ctx.db.campaign.updateMany({
    where: { id, status: 'draft' },
    data: { status: 'scheduled', scheduledAt: schedule.scheduledAt, failureReason: null },
  });
  if (claimed.count === 0) {
    throw conflict('This campaign changed meanwhile; look at it again.');
  }
  const { temporal, env } = ctx.services;
  try {
    if (schedule.scheduleKind === 'recurring') {
      await upsertRecurringSchedule(temporal, env, {
        id,
        tenantId: ctx.db.tenantId,
        timeZone: schedule.timeZone,
        recurrence: schedule.recurrence,
      });
    } else {
      await startCampaignWorkflow(temporal, env, { tenantId: ctx.db.tenantId, campaignId: id });
    }
  } catch (error) {
    // Nothing would ever start it: back to a draft the user can launch again.
    await ctx.db.campaign.updateMany({ where: { id, status: 'scheduled' }, data: { status: 'draft' } });
    throw error;
  }
  await audit(ctx, {
    action: 'campaign.launched',
    targetType: 'campaign',
    targetId: id,
    metadata: {
      name: row.name,
      schedule: schedule.scheduleKind,
      scheduledAt: schedule.scheduledAt?.toISOString() ?? null,
    },
  });
  return getCampaign(id, ctx);
}

/** Running → paused (sending stops within about a second); a recurring one's Schedule pauses too. */
export async function pauseCampaign(id: string, ctx: TenantContext): Promise<CampaignView> {
  const row = await findCampaignRow(id, ctx);
  const allowed: CampaignStatus[] = row.scheduleKind === 'recurring' ? ['running', 'scheduled'] : ['running'];
  await transition(row, allowed, 'paused', ctx, 'Only a running campaign (or a recurring one) can be paused');
  if (row.scheduleKind === 'recurring') {
    await pauseRecurringSchedule(ctx.services.temporal, id);
  }
  await tellWorkflows(ctx, row);
  await audit(ctx, { action: 'campaign.paused', targetType: 'campaign', targetId: id, metadata: { name: row.name } });
  return getCampaign(id, ctx);
}

/** Paused → running (a run in progress goes on) or, for a recurring one between runs, scheduled. */
export async function resumeCampaign(id: string, ctx: TenantContext): Promise<CampaignView> {
  const row = await findCampaignRow(id, ctx);
  const run = row.runs[0];
  const inProgress = run !== undefined && ['preparing', 'running', 'testing', 'paused', 'waiting'].includes(run.status);
  const target: CampaignStatus = inProgress || row.scheduleKind !== 'recurring' ? 'running' : 'scheduled';
  await transition(row, ['paused'], target, ctx, 'Only a paused campaign can be resumed');
  if (row.scheduleKind === 'recurring') {
    await resumeRecurringSchedule(ctx.services.temporal, id);
  }
  await tellWorkflows(ctx, row);
  await audit(ctx, { action: 'campaign.resumed', targetType: 'campaign', targetId: id, metadata: { name: row.name } });
  return getCampaign(id, ctx);
}

/** Stops it for good: nobody not yet messaged will be; a recurring one's Schedule is removed. */
export async function cancelCampaign(id: string, ctx: TenantContext): Promise<CampaignView> {
  const row = await findCampaignRow(id, ctx);
  await transition(row, CANCELLABLE, 'cancelled', ctx, 'A finished campaign cannot be cancelled');
  if (row.scheduleKind === 'recurring') {
    await deleteRecurringSchedule(ctx.services.temporal, id);
  }
  await tellWorkflows(ctx, row);
  await audit(ctx, {
    action: 'campaign.cancelled',
    targetType: 'campaign',
    targetId: id,
    metadata: { name: row.name, previousStatus: row.status },
  });
  return getCampaign(id, ctx);
}

/** A new draft with the same audience, messages and settings, to send now unless rescheduled. */
export async function duplicateCampaign(id: string, ctx: TenantContext): Promise<CampaignView> {
  const row = await findCampaignRow(id, ctx);
  const source = toCampaignView(row, new Map(), new Date());
  const copyName = `${source.name.slice(0, 120 - ' (copy)'.length)} (copy)`;
  return createCampaign(
    {
      name: copyName,
      channelId: row.channelId,
      audience: source.audience,
      missingVariable: source.missingVariable,
      variants: source.variants.map((v) => ({ label: v.label, weight: v.weight, message: v.message })),
      abTest: source.abTest,
      schedule: { kind: 'now' },
      quietHours: source.quietHours,
    },
    ctx,
  );
}

/** The conditional status change; 409 with `message` (and the status it has) when it is not allowed. */
async function transition(
  row: CampaignRow,
  from: CampaignStatus[],
  to: CampaignStatus,
  ctx: TenantContext,
  message: string,
): Promise<void> {
  if (!from.includes(row.status as CampaignStatus)) {
    throw conflict(`${message}; this one is ${row.status}.`);
  }
  const updated = await ctx.db.campaign.updateMany({
    where: { id: row.id, status: { in: from } },
    data: { status: to, ...(to === 'cancelled' ? { completedAt: new Date() } : {}) },
  });
  if (updated.count === 0) {
    throw conflict(`${message}; this one changed meanwhile, look at it again.`);
  }
}

/** A recurring campaign's Schedule follows its timing; any running workflow reads the campaign again. */
async function tellWorkflows(ctx: TenantContext, row: { id: string; scheduleKind: string }): Promise<void> {
  const { temporal, env } = ctx.services;
  if (row.scheduleKind === 'recurring') {
    const fresh = await ctx.db.campaign.findFirst({
      where: { id: row.id },
      select: { id: true, status: true, timeZone: true, recurrence: true },
    });
    if (fresh?.status === 'scheduled') {
      await upsertRecurringSchedule(temporal, env, { ...fresh, tenantId: ctx.db.tenantId });
    }
  }
  await signalCampaignChanged(temporal, row);
}

/** The saved campaign with the patch over it, validated as a whole (weights, kinds, A/B). */
function mergedInput(row: CampaignRow, patch: UpdateCampaignInput): CreateCampaignInput {
  const current = toCampaignView(row, new Map(), new Date());
  const defined = Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined));
  const parsed = createCampaignInputSchema.safeParse({
    name: current.name,
    channelId: row.channelId,
    audience: current.audience,
    missingVariable: current.missingVariable,
    variants: current.variants.map((v) => ({ label: v.label, weight: v.weight, message: v.message })),
    abTest: current.abTest,
    schedule: current.schedule,
    quietHours: current.quietHours,
    ...defined,
  });
  if (!parsed.success) {
    const fields: FieldIssue[] = parsed.error.issues.map((issue) => ({
      field: issue.path.join('.'),
      message: issue.message,
    }));
    throw new AppError('VALIDATION_FAILED', `${fields[0]!.field}: ${fields[0]!.message}`, { fields });
  }
  return parsed.data;
}

function campaignData(input: CreateCampaignInput, schedule: ScheduleColumns) {
  return {
    name: input.name,
    channelId: input.channelId,
    audience: input.audience,
    messageKind: input.variants[0]!.message.kind,
    missingVariable: input.missingVariable,
    abTest: input.abTest ?? Prisma.DbNull,
    scheduleKind: schedule.scheduleKind,
    scheduledAt: schedule.scheduledAt,
    timeZone: schedule.timeZone,
    recurrence: schedule.recurrence ?? Prisma.DbNull,
    quietHours: input.quietHours ?? Prisma.DbNull,
  };
}

function variantRows(tenantId: string, campaignId: string, input: CreateCampaignInput) {
  return input.variants.map((v, position) => ({
    tenantId,
    campaignId,
    label: v.label,
    weight: v.weight,
    message: v.message,
    position,
  }));
}

function conflict(message: string): AppError {
  return new AppError('CONFLICT', message, { fields: [{ field: 'status', message }] });
}
