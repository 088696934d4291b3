// POST /api/flows/:flowId/run: a developer's trigger. Starts the active version for a contact on a
// channel (202: the session runs on its own). One session per contact and channel: a live one
// answers 409 unless `replace`, which cancels it first.
import type { TenantContext } from '../context.ts';
import { AppError } from '../errors.ts';
import { findOrCreateContact } from './find-or-create-contact.ts';
import { getFlowRow } from './flow-view.ts';
import { LIVE_SESSION_STATUSES } from './session-statuses.ts';
import { stopFlowSession } from './cancel-flow-session.ts';
import { loadActiveVersion } from './load-active-version.ts';
import type { RunFlowInput, StartedSession } from './session-schemas.ts';
import { startFlowSession } from './start-session.ts';

export async function runFlow(flowId: string, input: RunFlowInput, ctx: TenantContext): Promise<StartedSession> {
  const flow = await getFlowRow(ctx.db, flowId);
  if (!flow.activeVersionId) {
    throw new AppError('CONFLICT', `"${flow.name}" has no published version to run: publish it first`);
  }
  const channel = await ctx.db.channel.findUnique({ where: { id: input.channelId }, select: { id: true } });
  if (!channel) {
    throw AppError.field('channelId', 'is not a channel of this workspace', 'NOT_FOUND');
  }
  const contactId = await findOrCreateContact(ctx.db, input, ctx.services);
  const live = await ctx.db.flowSession.findFirst({
    where: { channelId: input.channelId, contactId, status: { in: [...LIVE_SESSION_STATUSES] } },
    select: { id: true, workflowId: true },
  });
  if (live && !input.replace) {
    throw new AppError(
      'CONFLICT',
      'The contact already has a flow session on this channel: send replace: true to cancel it',
      {
        sessionId: live.id,
      },
    );
  }
  if (live) {
    await stopFlowSession(ctx, live, 'replaced by an API run');
  }
  const version = await loadActiveVersion(ctx.db, flow.activeVersionId);
  return startFlowSession(ctx.services, ctx.db, {
    flowId,
    flowVersionId: version.id,
    program: version.program,
    document: version.document,
    channelId: input.channelId,
    contactId,
    variables: input.variables,
    triggerType: 'api',
  });
}
