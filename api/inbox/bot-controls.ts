// An agent's hands on the bot from the inbox: pause it (a human takes over: the session parks as
// handed_off and leaves the customer's messages to the inbox), resume it (handBack: the bot goes
// on where it was), or stop it (the session is cancelled). Each answers with the bot as it is
// afterwards, once the workflow has taken the change in.
import { WorkflowNotFoundError } from '@temporalio/client';
import { handBackSignal, pauseSessionSignal } from '#workflows/flow-session/messages';
import type { TenantContext } from '../context.ts';
import { AppError } from '../errors.ts';
import { stopFlowSession } from '../flows/cancel-flow-session.ts';
import { LIVE_SESSION_STATUSES } from '../flows/session-statuses.ts';
import { findLiveSession, getBotSession } from './bot-session.ts';
import { findConversationRef, publishUpdated, type ConversationRef } from './conversation-access.ts';
import { callerUserId } from './conversation-scope.ts';
import type { BotSession, ConversationBot } from './schemas.ts';

const SETTLE_MS = 5000;
const POLL_MS = 100;

export async function getConversationBot(conversationId: string, ctx: TenantContext): Promise<ConversationBot> {
  const ref = await findConversationRef(ctx, conversationId);
  return { session: await getBotSession(ctx, ref) };
}

export async function pauseBot(conversationId: string, ctx: TenantContext): Promise<ConversationBot> {
  return signalBot(conversationId, ctx, 'pause', (bot) => bot?.paused === true);
}

export async function resumeBot(conversationId: string, ctx: TenantContext): Promise<ConversationBot> {
  return signalBot(conversationId, ctx, 'resume', (bot) => !bot || (!bot.paused && bot.status !== 'handed_off'));
}

export async function stopBot(conversationId: string, ctx: TenantContext): Promise<ConversationBot> {
  const ref = await findConversationRef(ctx, conversationId);
  const session = await liveSessionOrConflict(ctx, ref);
  await stopFlowSession(ctx, session, 'stopped from the inbox');
  publishUpdated(ctx, ref, ['bot']);
  return { session: await getBotSession(ctx, ref) };
}

async function signalBot(
  conversationId: string,
  ctx: TenantContext,
  action: 'pause' | 'resume',
  settled: (bot: BotSession | null) => boolean,
): Promise<ConversationBot> {
  const ref = await findConversationRef(ctx, conversationId);
  const session = await liveSessionOrConflict(ctx, ref);
  const handle = ctx.services.temporal.workflow.getHandle(session.workflowId);
  const userId = callerUserId(ctx);
  try {
    if (action === 'pause') {
      await handle.signal(pauseSessionSignal, { userId });
    } else {
      await handle.signal(handBackSignal, { userId });
    }
  } catch (error) {
    if (!(error instanceof WorkflowNotFoundError)) {
      throw error;
    }
    // The workflow ended without its row saying so: close the row, as routing does.
    await ctx.db.flowSession.updateMany({
      where: { id: session.id, status: { in: [...LIVE_SESSION_STATUSES] } },
      data: { status: 'failed', endedAt: new Date() },
    });
    throw new AppError('CONFLICT', 'The bot is no longer running on this conversation');
  }
  publishUpdated(ctx, ref, ['bot']);
  // The signal is in; the answer shows the bot once it has acted on it (or as it is after a while).
  const deadline = Date.now() + SETTLE_MS;
  let bot = await getBotSession(ctx, ref);
  while (!settled(bot) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    bot = await getBotSession(ctx, ref);
  }
  return { session: bot };
}

async function liveSessionOrConflict(ctx: TenantContext, ref: ConversationRef) {
  const session = await findLiveSession(ctx, ref);
  if (!session) {
    throw new AppError('CONFLICT', 'No bot is running on this conversation');
  }
  return session;
}
