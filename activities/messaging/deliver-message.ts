// The one send activity: hands a queued message to WhatsApp exactly once. The message row is the
// sent-ledger: it is claimed (queued → sending) before the call and records Meta's id with the
// effect, so a retried activity, a crashed worker or a replayed workflow never sends twice.
import { ApplicationFailure } from '@temporalio/activity';
import { cloudApiFor } from '#api/channels/channel-client';
import { needsOpenWindow, windowClosesAt } from '#api/messages/customer-window';
import { CloudApiError } from '#api/whatsapp/cloud-api-error';
import type { OutboundContent } from '#api/whatsapp/schemas';
import { createTenantDb, type TenantDb } from '#db/tenant-db';
import type { ActivityDeps } from '../deps.ts';
import { recordSendFailure } from './channel-send-health.ts';
import { withChannelMediaId } from './library-media.ts';
import { loadAndClaim, recordSent, type DeliveryRow } from './ledger-sql.ts';

export type DeliverInput = { tenantId: string; messageId: string };
export type DeliverResult = { status: 'sent' | 'already-sent' | 'failed'; providerMessageId: string | null };

type Attempt = {
  db: TenantDb;
  deps: ActivityDeps;
  tenantId: string;
  messageId: string;
  channelId: string;
  conversationId: string;
};

export function createDeliverMessageActivity(deps: ActivityDeps) {
  return async function deliverMessage(input: DeliverInput): Promise<DeliverResult> {
    const message = await loadAndClaim(deps.pool, input.tenantId, input.messageId);
    if (!message) {
      throw ApplicationFailure.nonRetryable(`Message ${input.messageId} does not exist`);
    }
    return deliverLoaded(deps, input, message);
  };
}

/** Delivers a message already loaded (and claimed, when it could be) from the sent-ledger. */
export async function deliverLoaded(
  deps: ActivityDeps,
  input: DeliverInput,
  message: DeliveryRow,
): Promise<DeliverResult> {
  let db: TenantDb | undefined;
  const attempt: Attempt = {
    // Only failures write through Prisma; a send that succeeds never builds the client.
    get db() {
      return (db ??= createTenantDb(deps.prisma, input.tenantId));
    },
    deps,
    ...input,
    channelId: message.channelId,
    conversationId: message.conversationId,
  };
  if (message.status === 'sending' && !message.providerMessageId) {
    // A previous attempt handed the message over and lost the answer: WhatsApp may have it.
    return fail(
      attempt,
      null,
      'Delivery outcome unknown',
      'The connection broke after the message was handed to WhatsApp; it was not resent so the customer cannot get it twice.',
    );
  }
  if (message.status !== 'queued') {
    return {
      status: message.status === 'failed' ? 'failed' : 'already-sent',
      providerMessageId: message.providerMessageId,
    };
  }
  const content = message.content as OutboundContent;
  if (needsOpenWindow(content.type) && !windowClosesAt(message.lastInboundAt)) {
    return fail(
      attempt,
      131047,
      'Re-engagement message',
      'More than 24 hours have passed since the customer last wrote: only a template can be sent.',
    );
  }
  const client = cloudApiFor({ kind: message.channelKind, accessToken: message.accessToken }, deps);
  if (!client || !message.phoneNumberId) {
    return fail(attempt, null, 'Channel not connected', 'The channel has no credentials.');
  }
  if (!message.isClaimed) {
    return { status: 'already-sent', providerMessageId: null }; // a concurrent attempt holds it
  }
  const sendable = await withSendableMedia(attempt, content);
  if (!sendable) {
    return { status: 'failed', providerMessageId: null };
  }
  try {
    const response = await client.sendMessage(message.phoneNumberId, {
      messaging_product: 'whatsapp',
      to: message.waId,
      ...sendable,
      ...(message.replyToProviderId ? { context: { message_id: message.replyToProviderId } } : {}),
      biz_opaque_callback_data: input.messageId,
    });
    const providerMessageId = response.messages[0]?.id ?? null;
    await recordSent(deps.pool, input.tenantId, input.messageId, providerMessageId);
    publish(attempt, 'sent');
    return { status: 'sent', providerMessageId };
  } catch (error) {
    return handleSendError(attempt, error);
  }
}

/**
 * A file of the media library (an agent's attachment, a template's header file) goes to WhatsApp
 * as the number's own media id. Nothing reached the customer yet: a refused file fails the
 * message, anything else retries.
 */
async function withSendableMedia(attempt: Attempt, content: OutboundContent): Promise<OutboundContent | null> {
  try {
    return await withChannelMediaId(attempt.deps, attempt, content);
  } catch (error) {
    if (error instanceof ApplicationFailure && error.nonRetryable) {
      await fail(attempt, null, 'Media file not sent', error.message);
      return null;
    }
    await requeue(attempt);
    throw error;
  }
}

async function handleSendError(attempt: Attempt, error: unknown): Promise<DeliverResult> {
  if (!(error instanceof CloudApiError)) {
    await requeue(attempt);
    throw error;
  }
  if (error.httpStatus === null && !neverReachedMeta(error)) {
    throw error; // no answer: the row stays `sending` and the next attempt reports the outcome unknown
  }
  await recordSendFailure(attempt.db, attempt.deps, attempt.channelId, error);
  if (!error.isRetryable) {
    return fail(attempt, error.code, error.message, error.details ?? null);
  }
  await requeue(attempt);
  throw ApplicationFailure.create({
    message: error.message,
    type: 'CloudApiError',
    ...(error.meaning.retry === 'rate-limited' ? { nextRetryDelay: '5 seconds' } : {}),
  });
}

async function requeue(attempt: Attempt): Promise<void> {
  await attempt.db.message.update({ where: { id: attempt.messageId }, data: { status: 'queued' } });
}

async function fail(
  attempt: Attempt,
  code: number | null,
  title: string,
  details: string | null,
): Promise<DeliverResult> {
  await attempt.db.message.update({
    where: { id: attempt.messageId },
    data: { status: 'failed', failedAt: new Date(), errorCode: code, errorTitle: title, errorDetails: details },
  });
  publish(attempt, 'failed');
  return { status: 'failed', providerMessageId: null };
}

function publish(attempt: Attempt, status: string): void {
  const { tenantId, messageId, conversationId, channelId } = attempt;
  attempt.deps.realtime.publish(tenantId, 'message.updated', { messageId, conversationId, channelId, status });
}

/**
 * Errors that prove the request never left this machine, so retrying cannot duplicate it: the
 * name did not resolve or the connection was never made (refused, or no file descriptor left for
 * the socket); a failed `connect` has sent nothing.
 */
export function neverReachedMeta(error: CloudApiError): boolean {
  // node:http puts the code on the error itself, fetch on the error's cause.
  type SystemError = { code?: string; syscall?: string };
  const cause = error.cause as (SystemError & { cause?: SystemError }) | undefined;
  const system = cause?.code ? cause : cause?.cause;
  return (
    system?.syscall === 'connect' ||
    system?.syscall === 'getaddrinfo' ||
    system?.code === 'ECONNREFUSED' ||
    system?.code === 'ENOTFOUND' ||
    system?.code === 'EAI_AGAIN'
  );
}
