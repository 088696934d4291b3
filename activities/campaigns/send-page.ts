// One page of a campaign's sending (docs/campaigns.md): claims due recipients in batches, checks
// each at send time (opt-in, the 24-hour window, quiet hours, variables, the plan's quota, the
// number's messaging limit), and hands their messages to WhatsApp paced to the number's limit
// with enough requests in flight for that rate (maxInFlightFor). The recipient ledger
// (campaign-ledger-sql.ts) makes every step idempotent: a retried page, a concurrent attempt or a
// crashed worker never sends anyone the same run twice.
//
// A page ends after five minutes of sending (or the recipients that take at the number's rate),
// when the campaign is paused or cancelled (re-read every second), or when the quota or the
// messaging limit is reached; the workflow then decides what next. Pages are long because the
// number is idle between two (the activity ends, a workflow task, the next starts and prepares
// its first batch: about a second): pages of 2,000 recipients cost a 1,000/s number half its
// time, pages of two minutes 0.7%.
import { setMaxListeners } from 'node:events';
import type pg from 'pg';
import { ApplicationFailure, Context } from '@temporalio/activity';
import { cloudApiFor } from '#api/channels/channel-client';
import { windowClosesAt } from '#api/messages/customer-window';
import { messagingLimitOf } from '#api/whatsapp/number-limits';
import { renderCampaignMessage, type StoredTemplate } from '#api/campaigns/render-variables';
import {
  quietHoursSchema,
  variantMessageSchema,
  type RecipientReason,
  type RunStatus,
  type VariantMessage,
} from '#api/campaigns/schemas';
import { CloudApiError } from '#api/whatsapp/cloud-api-error';
import type { CloudApiClient } from '#api/whatsapp/cloud-api-client';
import type { OutboundContent } from '#api/whatsapp/schemas';
import { createTenantDb } from '#db/tenant-db';
import type { SendPageInput, SendPageResult } from '#workflows/campaign/messages';
import type { ActivityDeps } from '../deps.ts';
import { recordSendFailure } from '../messaging/channel-send-health.ts';
import { neverReachedMeta } from '../messaging/deliver-message.ts';
import { withChannelMediaId } from '../messaging/library-media.ts';
import {
  addRunCounts,
  campaignStatus,
  claimRecipients,
  loadMessagingReach,
  loadQuota,
  loadSendContext,
  loadVariants,
  pendingSummary,
  prepareMessages,
  recordSent,
  settleRecipients,
  settleStuckSending,
  withSendAllowance,
  type ClaimedRecipient,
  type OutgoingMessage,
  type PreparedMessage,
  type RunCounts,
  type SentMessage,
  type SendContext,
  type Settlement,
} from './campaign-ledger-sql.ts';
import { holdRunForMessagingLimit, releaseRunHold } from './messaging-limit-hold.ts';
import { quietUntil } from './quiet-hours.ts';
import { sendRateLimiter, type ChannelPacer, type SendRateLimiter, type SendSlot } from './send-rate-limiter.ts';

export const PAGE_LIMITS = {
  /** A page claims at most this many seconds of the number's rate (and at least 2,000). */
  durationMs: 300_000,
  minRecipients: 2000,
  /**
   * Sends in flight: enough for the number's rate when WhatsApp answers within 250 ms (at 64 and
   * 100 ms answers, a 1,000/s number could not pass 640/s), and at least 64.
   */
  minInFlight: 64,
  answerAllowanceMs: 250,
  /** Attempts per recipient before a retryable error becomes a failure. */
  maxAttempts: 5,
  /** Results are written in bulk this often. */
  flushMs: 150,
  /** The campaign's status is re-read (and the heartbeat sent) this often. */
  statusCheckMs: 1000,
  /** campaign.progress at most twice a second. */
  progressMs: 500,
  /** A throughput error (130429) stops the number's sends for this long. */
  throughputPauseMs: 1000,
  /** A run held by the messaging limit waits at least this long, so that freed room adds up. */
  limitWaitMs: 60_000,
  /**
   * Batches claimed and prepared at once. Preparing a batch (conversations, messages and their
   * triggers) takes a few hundred milliseconds: one at a time capped a page near 250 messages/s.
   */
  producers: 3,
};

type StopReason = 'paused' | 'cancelled' | 'channel' | 'activity-cancelled' | 'error';

type Variant = { message: VariantMessage; template: StoredTemplate | null };

/** A recipient whose message is rendered, before the quota and the messaging limit admit it. */
type Outgoing = OutgoingMessage & { waId: string; attempts: number; windowOpen: boolean; content: OutboundContent };

type QueuedSend = { recipientId: string; messageId: string; waId: string; attempts: number; content: OutboundContent };

type Counts = { sent: number; failed: number; skipped: number };

/** How many sends a page keeps in flight at the number's rate (PAGE_LIMITS.answerAllowanceMs). */
export function maxInFlightFor(ratePerSecond: number): number {
  return Math.max(PAGE_LIMITS.minInFlight, Math.ceil((ratePerSecond * PAGE_LIMITS.answerAllowanceMs) / 1000));
}

export function createSendCampaignPageActivity(deps: ActivityDeps, limiter: SendRateLimiter = sendRateLimiter) {
  return async function sendCampaignPage(input: SendPageInput): Promise<SendPageResult> {
    const context = await loadSendContext(deps.pool, input.tenantId, input.runId);
    if (!context) {
      throw ApplicationFailure.nonRetryable(`Campaign run ${input.runId} does not exist`, 'CampaignRunNotFound');
    }
    if (context.campaignStatus === 'paused' || context.campaignStatus === 'cancelled') {
      return summary(deps, input, { sent: 0, failed: 0, skipped: 0 }, context.campaignStatus, null);
    }
    const client = cloudApiFor({ kind: context.channelKind, accessToken: context.accessToken }, deps);
    if (!client || !context.phoneNumberId || context.channelStatus === 'disconnected') {
      throw ApplicationFailure.nonRetryable('The campaign’s WhatsApp number is not connected', 'ChannelNotConnected');
    }
    const page = new Page(deps, input, context, client, context.phoneNumberId, limiter);
    return page.run();
  };
}

/** Activity context when running as a Temporal activity; null when called directly (tests). */
function activityContext(): Context | null {
  try {
    return Context.current();
  } catch {
    return null;
  }
}

async function summary(
  deps: ActivityDeps,
  input: SendPageInput,
  counts: Counts,
  stopped: SendPageResult['stopped'],
  limitedUntil: Date | null,
): Promise<SendPageResult> {
  const pending = await pendingSummary(deps.pool, input.tenantId, input.runId, input.phase);
  return {
    ...counts,
    remaining: pending.remaining,
    nextNotBefore:
      pending.remaining > 0 && pending.dueNow === 0 ? (pending.nextNotBefore?.toISOString() ?? null) : null,
    stopped,
    limitedUntil: pending.remaining > 0 ? (limitedUntil?.toISOString() ?? null) : null,
  };
}

class Page {
  private readonly counts: Counts = { sent: 0, failed: 0, skipped: 0 };
  private readonly queue: QueuedSend[] = [];
  private sentBuffer: SentMessage[] = [];
  private settleBuffer: Settlement[] = [];
  private flushing: Promise<void> = Promise.resolve();
  private stopReason: StopReason | null = null;
  /** The plan's quota is reached: nothing more is claimed; what is queued (and counted) still goes. */
  private quotaReached = false;
  /** The plan has a quota or the number a messaging limit: messages are admitted under a lock. */
  private allowanceLimited = false;
  /** Meta's messaging limit (unique customers per 24 h) for this campaign's messages; null: none. */
  private readonly reachLimit: number | null;
  /** The limit is used up: nothing more is claimed; when its earliest customer stops counting. */
  private limitFreesAt: Date | null = null;
  private producerDone = false;
  private producersLeft = 0;
  private claimed = 0;
  /** Claims go forward from the highest id claimed so far (see claimRecipients). */
  private afterId: string | null = null;
  private idleWorkers: Array<() => void> = [];
  private wakeProducers: Array<() => void> = [];
  private failure: unknown = null;
  private lastRun: RunCounts | null = null;
  private readonly abort = new AbortController();
  private readonly variants = new Map<string, Variant>();
  private readonly pacer: ChannelPacer;
  private readonly activity = activityContext();
  private readonly deadline = Date.now() + PAGE_LIMITS.durationMs;
  private readonly quietHours;
  private readonly batchSize: number;
  private readonly recipientsCap: number;
  private lastProgressAt = 0;
  private published = true;
  private channelError: CloudApiError | null = null;
  private readonly target;
  private readonly maxInFlight: number;

  constructor(
    private readonly deps: ActivityDeps,
    private readonly input: SendPageInput,
    private readonly context: SendContext,
    private readonly client: CloudApiClient,
    private readonly phoneNumberId: string,
    limiter: SendRateLimiter,
  ) {
    this.pacer = limiter.forChannel(context.channelId, context.messagesPerSecond);
    this.maxInFlight = maxInFlightFor(this.pacer.ratePerSecond);
    setMaxListeners(this.maxInFlight + 8, this.abort.signal); // every sender waits on it
    const quiet = quietHoursSchema.safeParse(context.quietHours);
    this.quietHours = quiet.success ? quiet.data : null;
    // About half a second of sending per batch, so the next one is claimed while this one goes out.
    this.batchSize = Math.min(250, Math.max(20, Math.ceil(this.pacer.ratePerSecond / 2)));
    this.recipientsCap =
      input.maxRecipients ??
      Math.max(PAGE_LIMITS.minRecipients, Math.ceil((this.pacer.ratePerSecond * PAGE_LIMITS.durationMs) / 1000));
    this.target = { tenantId: input.tenantId, runId: input.runId, channelId: context.channelId };
    // Only templates can reach a customer whose window is closed: a free-form campaign never counts.
    this.reachLimit = context.messageKind === 'template' ? messagingLimitOf(context.messagingLimitTier) : null;
  }

  async run(): Promise<SendPageResult> {
    await this.loadVariants();
    const stuck = await settleStuckSending(this.deps.pool, this.input.tenantId, this.input.runId);
    await this.addCounts({ sent: stuck.sent, failed: stuck.failed, skipped: 0 });
    const onCancel = () => this.stop('activity-cancelled');
    this.activity?.cancellationSignal.addEventListener('abort', onCancel);
    const flusher = setInterval(() => void this.flush(), PAGE_LIMITS.flushMs);
    const watcher = setInterval(() => void this.watch(), PAGE_LIMITS.statusCheckMs);
    const ender = setTimeout(() => this.wakeAll(), Math.max(0, this.deadline - Date.now()));
    try {
      const quota = await loadQuota(this.deps.pool, this.input.tenantId);
      this.allowanceLimited = quota.perDay !== null || quota.perMonth !== null || this.reachLimit !== null;
      const workers = Array.from({ length: this.maxInFlight }, () => this.worker());
      this.producersLeft = PAGE_LIMITS.producers;
      const producers = Array.from({ length: this.producersLeft }, () =>
        this.produce().catch((error: unknown) => {
          this.failure = error;
          this.stop('error');
        }),
      );
      await Promise.all([...producers, ...workers]);
    } finally {
      clearInterval(flusher);
      clearInterval(watcher);
      clearTimeout(ender);
      this.activity?.cancellationSignal.removeEventListener('abort', onCancel);
      // Whatever was claimed and not sent goes back to pending; this attempt did not count.
      this.settle(this.queue.splice(0).map((item) => release(item, null)));
      await this.flushAll();
    }
    this.publishProgress(true);
    if (this.failure) {
      throw this.failure;
    }
    if (this.stopReason === 'activity-cancelled') {
      throw this.activity?.cancellationSignal.reason ?? new Error('cancelled');
    }
    if (this.stopReason === 'channel') {
      throw ApplicationFailure.nonRetryable(
        `WhatsApp refused the number's credentials: ${this.channelError?.message ?? 'unknown'}`,
        'ChannelNotConnected',
      );
    }
    const stopped =
      this.stopReason === 'paused' || this.stopReason === 'cancelled'
        ? this.stopReason
        : this.quotaReached
          ? 'quota'
          : null;
    const result = await summary(this.deps, this.input, this.counts, stopped, this.limitedUntil());
    await this.recordHold(result);
    return result;
  }

  /** When a page that hit the messaging limit has the workflow try again. */
  private limitedUntil(): Date | null {
    if (!this.limitFreesAt) {
      return null;
    }
    return new Date(Math.max(this.limitFreesAt.getTime(), Date.now() + PAGE_LIMITS.limitWaitMs));
  }

  private async recordHold(result: SendPageResult): Promise<void> {
    const { tenantId, runId } = this.input;
    if (result.limitedUntil) {
      await holdRunForMessagingLimit(this.deps, tenantId, runId, new Date(result.limitedUntil), this.reachLimit!);
    } else if (this.context.limitHeldUntil && this.counts.sent > 0) {
      await releaseRunHold(this.deps, tenantId, runId);
    }
  }

  private async loadVariants(): Promise<void> {
    for (const row of await loadVariants(this.deps.pool, this.input.tenantId, this.context.campaignId)) {
      const message = variantMessageSchema.safeParse(row.message);
      if (!message.success) {
        continue;
      }
      const template =
        row.templateName && row.templateLanguage
          ? {
              name: row.templateName,
              language: row.templateLanguage,
              components: row.templateComponents,
              parameterFormat: row.parameterFormat ?? 'positional',
            }
          : null;
      this.variants.set(row.id, { message: message.data, template });
    }
  }

  private stop(reason: StopReason): void {
    if (this.stopReason) {
      return;
    }
    this.stopReason = reason;
    this.abort.abort(new Error(`page stopped: ${reason}`));
    this.wakeAll();
  }

  private get stopping(): boolean {
    return this.stopReason !== null || Date.now() >= this.deadline;
  }

  private wakeAll(): void {
    this.wakeWorkers();
    this.wakeProducers.splice(0).forEach((wake) => wake());
  }

  private wakeWorkers(): void {
    for (const wake of this.idleWorkers.splice(0)) {
      wake();
    }
  }

  /** Every second: the heartbeat, and a pause or a cancel from the API stops the page. */
  private async watch(): Promise<void> {
    this.activity?.heartbeat({ ...this.counts });
    try {
      const status = await campaignStatus(this.deps.pool, this.input.tenantId, this.context.campaignId);
      if (status === 'paused' || status === 'cancelled') {
        this.stop(status);
      } else if (status === null) {
        this.stop('cancelled');
      }
    } catch (error) {
      this.deps.logger.warn({ err: error, runId: this.input.runId }, 'could not re-read the campaign status');
    }
  }

  /**
   * Claims batches while the queue runs low, until the page's share is claimed or it stops; several
   * run at once (PAGE_LIMITS.producers). Once nothing is left ahead of the cursor, one more claim
   * from the start picks up recipients put back to pending meanwhile (a retry, a pair-rate wait).
   */
  private async produce(): Promise<void> {
    let fromStart = false;
    try {
      while (!this.stopping && !this.quotaReached && !this.limitFreesAt && this.claimed < this.recipientsCap) {
        if (this.queue.length >= this.batchSize) {
          await new Promise<void>((resolve) => this.wakeProducers.push(resolve));
          continue;
        }
        // Reserved before the claim, so producers together stay within the page's share.
        const want = Math.min(this.batchSize, this.recipientsCap - this.claimed);
        this.claimed += want;
        const batch = await claimRecipients(
          this.deps.pool,
          { ...this.input, channelId: this.context.channelId },
          want,
          fromStart ? null : this.afterId,
        );
        this.claimed -= want - batch.length;
        if (batch.length === 0) {
          if (fromStart) {
            break;
          }
          fromStart = true;
          continue;
        }
        fromStart = false;
        const last = batch.at(-1)!.id;
        if (this.afterId === null || last > this.afterId) {
          this.afterId = last;
        }
        try {
          await this.enqueue(batch);
        } catch (error) {
          // Nothing of this batch was sent: back to pending (rows settled already stay as they are).
          this.settle(batch.map((recipient) => release(unprepared(recipient.id), null)));
          throw error;
        }
        this.wakeWorkers();
      }
    } finally {
      this.producersLeft -= 1;
      if (this.producersLeft === 0) {
        this.producerDone = true;
        this.wakeAll();
      }
    }
  }

  /** Checks each claimed recipient now, creates the messages of those to send, and queues them. */
  private async enqueue(batch: ClaimedRecipient[]): Promise<void> {
    const now = new Date();
    const candidates: Outgoing[] = [];
    for (const recipient of batch) {
      const wait = quietUntil(this.quietHours, now, recipient.timeZone, this.context.workspaceTimeZone);
      if (wait) {
        this.settle([release(unprepared(recipient.id), wait)]);
        continue;
      }
      const verdict = this.render(recipient, now);
      if ('skip' in verdict) {
        this.settle([
          { ...release(unprepared(recipient.id), null), status: 'skipped', reason: verdict.skip, refundAttempt: false },
        ]);
        continue;
      }
      // A media header's library file goes as the number's own media id (uploaded once, then reused).
      const content = await withChannelMediaId(this.deps, this.target, verdict.content);
      candidates.push({
        recipientId: recipient.id,
        contactId: recipient.contactId,
        waId: recipient.waId,
        attempts: recipient.attempts,
        windowOpen: windowClosesAt(recipient.lastInboundAt, now.getTime()) !== null,
        type: content.type,
        content,
        text: verdict.text,
      });
    }
    if (candidates.length === 0) {
      return;
    }
    const byRecipient = new Map(candidates.map((o) => [o.recipientId, o]));
    const prepared = this.allowanceLimited
      ? await withSendAllowance(this.deps.pool, this.input.tenantId, (client) => this.admit(client, candidates, now))
      : await prepareMessages(this.deps.pool, this.target, candidates);
    for (const message of prepared) {
      const item = byRecipient.get(message.recipientId)!;
      if (message.sendable) {
        this.queue.push({
          recipientId: item.recipientId,
          messageId: message.messageId,
          waId: item.waId,
          attempts: item.attempts,
          content: item.content,
        });
      } else if (message.providerMessageId || ['sent', 'delivered', 'read', 'played'].includes(message.status)) {
        // An earlier attempt's message that WhatsApp took: recorded, never sent again.
        this.sentBuffer.push({
          recipientId: item.recipientId,
          messageId: message.messageId,
          providerMessageId: message.providerMessageId,
        });
      } else if (message.status === 'failed') {
        this.settle([failure(message, 'whatsapp_error', null, 'The earlier attempt failed', null)]);
      }
      // Otherwise an earlier attempt handed it over and lost the answer: it stays `sending` until
      // the stuck-sending check settles it (never resent).
    }
  }

  /**
   * Under the workspace's allowance lock: the candidates the plan's quota and the number's
   * messaging limit still allow get their messages; the others go back to pending and the page
   * stops claiming.
   */
  private async admit(client: pg.PoolClient, candidates: Outgoing[], now: Date): Promise<PreparedMessage[]> {
    const quota = await loadQuota(client, this.input.tenantId);
    const quotaLeft = Math.min(
      quota.perDay === null ? Infinity : quota.perDay - quota.today,
      quota.perMonth === null ? Infinity : quota.perMonth - quota.month,
    );
    const reach =
      this.reachLimit === null
        ? null
        : await loadMessagingReach(
            client,
            this.input.tenantId,
            this.context.channelId,
            candidates.map((c) => c.contactId),
          );
    let reachLeft = reach ? this.reachLimit! - reach.reached : Infinity;
    const admitted: Outgoing[] = [];
    for (const candidate of candidates) {
      if (admitted.length >= quotaLeft) {
        this.settle([release(unprepared(candidate.recipientId), null)]);
        this.quotaReached = true;
        continue;
      }
      // A template to a customer whose window is closed starts a conversation: it counts toward the
      // messaging limit, unless this customer already counts in the last 24 hours.
      const newReach =
        reach !== null &&
        candidate.type === 'template' &&
        !candidate.windowOpen &&
        !reach.alreadyReached.has(candidate.contactId);
      if (newReach && reachLeft <= 0) {
        this.settle([release(unprepared(candidate.recipientId), null)]);
        this.limitFreesAt = reach.freesAt ?? now;
        continue;
      }
      if (newReach) {
        reachLeft -= 1;
      }
      admitted.push(candidate);
    }
    return prepareMessages(client, this.target, admitted);
  }

  /** The recipient's message now, or why it is skipped (opt-in, window, variables). */
  private render(
    recipient: ClaimedRecipient,
    now: Date,
  ): { content: OutboundContent; text: string | null } | { skip: RecipientReason } {
    const variant =
      (recipient.variantId ? this.variants.get(recipient.variantId) : undefined) ??
      (this.context.winnerVariantId ? this.variants.get(this.context.winnerVariantId) : undefined) ??
      this.variants.values().next().value;
    if (!variant) {
      throw ApplicationFailure.nonRetryable('The campaign has no message to send', 'CampaignWithoutMessage');
    }
    if (variant.message.kind === 'template' && recipient.optInStatus !== 'opted_in') {
      return { skip: recipient.optInStatus === 'opted_out' ? 'opted_out' : 'not_opted_in' };
    }
    if (variant.message.kind === 'text' && !windowClosesAt(recipient.lastInboundAt, now.getTime())) {
      return { skip: 'outside_window' };
    }
    if (variant.message.kind === 'template' && !variant.template) {
      return { skip: 'missing_variable' }; // unreachable in practice: the template row was deleted
    }
    return renderCampaignMessage({
      message: variant.message,
      template: variant.template,
      contact: recipient,
      missingVariable: this.context.missingVariable === 'default' ? 'default' : 'skip',
    });
  }

  private async worker(): Promise<void> {
    for (;;) {
      if (this.stopping) {
        return;
      }
      const item = this.queue.shift();
      if (!item) {
        if (this.producerDone) {
          return;
        }
        await new Promise<void>((resolve) => this.idleWorkers.push(resolve));
        continue;
      }
      if (this.queue.length < this.batchSize / 2) {
        this.wakeProducers.splice(0).forEach((wake) => wake());
      }
      let answered: SendSlot;
      try {
        answered = await this.pacer.take(this.abort.signal);
      } catch {
        this.queue.unshift(item);
        return;
      }
      if (this.stopping) {
        answered();
        this.queue.unshift(item);
        return;
      }
      try {
        await this.send(item);
      } finally {
        answered();
      }
    }
  }

  private async send(item: QueuedSend): Promise<void> {
    try {
      const response = await this.client.sendMessage(this.phoneNumberId, {
        messaging_product: 'whatsapp',
        to: item.waId,
        ...item.content,
        biz_opaque_callback_data: item.messageId,
      });
      this.sentBuffer.push({
        recipientId: item.recipientId,
        messageId: item.messageId,
        providerMessageId: response.messages[0]?.id ?? null,
      });
    } catch (error) {
      await this.sendFailed(item, error);
    }
  }

  /** What a refused or broken send means for the recipient, by error class. */
  private async sendFailed(item: QueuedSend, error: unknown): Promise<void> {
    if (!(error instanceof CloudApiError)) {
      // The request was refused before it left (a number WhatsApp cannot address, a bad body).
      const details = error instanceof Error ? error.message.slice(0, 500) : String(error);
      this.settle([failure(item, 'whatsapp_error', null, 'Message not sent', details)]);
      return;
    }
    if (error.httpStatus === null && !neverReachedMeta(error)) {
      // Handed over, answer lost: WhatsApp may have it. It stays `sending` (never resent); a status
      // webhook finds it by biz_opaque_callback_data, else the stuck check fails it as unknown.
      return;
    }
    const { retry, category, channelProblem } = error.meaning;
    if (channelProblem) {
      await recordSendFailure(
        createTenantDb(this.deps.prisma, this.input.tenantId),
        this.deps,
        this.context.channelId,
        error,
      ).catch((cause: unknown) => this.deps.logger.warn({ err: cause }, 'could not record the send failure'));
    }
    if (channelProblem === 'disconnected') {
      this.channelError = error;
      this.settle([release(item, null)]);
      this.stop('channel');
      return;
    }
    const exhausted = item.attempts >= PAGE_LIMITS.maxAttempts;
    const later = (seconds: number) => new Date(Date.now() + seconds * 1000);
    if (error.code === 130429) {
      // The number's throughput: everyone on it waits a second; this was not the recipient's attempt.
      this.pacer.pause(PAGE_LIMITS.throughputPauseMs);
      this.settle([release(item, null)]);
    } else if (retry === 'rate-limited' || retry === 'pair-rate-limited') {
      if (retry === 'rate-limited') {
        this.pacer.pause(PAGE_LIMITS.throughputPauseMs);
      }
      this.settle([
        exhausted
          ? failure(item, 'rate_limited', error.code, error.message, error.details ?? null)
          : { ...release(item, later(4 ** item.attempts)), refundAttempt: false },
      ]);
    } else if (retry === 'backoff') {
      this.settle([
        exhausted
          ? failure(item, 'whatsapp_error', error.code, error.message, error.details ?? null)
          : { ...release(item, later(2 ** item.attempts)), refundAttempt: false },
      ]);
    } else {
      const reason = category === 'undeliverable' ? 'invalid_number' : 'whatsapp_error';
      this.settle([failure(item, reason, error.code, error.message, error.details ?? null)]);
    }
  }

  private settle(settlements: Settlement[]): void {
    this.settleBuffer.push(...settlements);
  }

  /** Writes the buffered results in bulk; one flush at a time. */
  private flush(): Promise<void> {
    this.flushing = this.flushing.then(async () => {
      const sent = this.sentBuffer;
      const settlements = this.settleBuffer;
      if (sent.length === 0 && settlements.length === 0) {
        return;
      }
      this.sentBuffer = [];
      this.settleBuffer = [];
      try {
        const sentCount = await recordSent(this.deps.pool, this.target, sent);
        const settled = await settleRecipients(this.deps.pool, this.target, settlements);
        await this.addCounts({ sent: sentCount, failed: settled.failed, skipped: settled.skipped });
      } catch (error) {
        // Kept for the next flush: the rows stay `sending` meanwhile, so nothing is resent.
        this.sentBuffer.unshift(...sent);
        this.settleBuffer.unshift(...settlements);
        this.deps.logger.warn({ err: error, runId: this.input.runId }, 'could not record campaign results');
      }
    });
    return this.flushing;
  }

  /**
   * The page's last write, retried a few times: results not written leave their rows `sending`,
   * which the stuck check later settles (sent only if a status webhook brought Meta's id).
   */
  private async flushAll(): Promise<void> {
    for (let attempt = 0; attempt < 5; attempt++) {
      await this.flush();
      if (this.sentBuffer.length === 0 && this.settleBuffer.length === 0) {
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, 200 * 2 ** attempt));
    }
    throw new Error(`Could not record the results of campaign run ${this.input.runId}`);
  }

  private async addCounts(delta: Counts): Promise<void> {
    if (delta.sent + delta.failed + delta.skipped === 0) {
      return;
    }
    this.counts.sent += delta.sent;
    this.counts.failed += delta.failed;
    this.counts.skipped += delta.skipped;
    this.lastRun = await addRunCounts(this.deps.pool, this.input.tenantId, this.input.runId, delta);
    this.published = false;
    this.publishProgress(false);
  }

  /** campaign.progress from the run's latest counters, at most every PAGE_LIMITS.progressMs. */
  private publishProgress(force: boolean): void {
    const run = this.lastRun;
    if (this.published || (!force && Date.now() - this.lastProgressAt < PAGE_LIMITS.progressMs)) {
      return;
    }
    this.lastProgressAt = Date.now();
    this.published = true;
    if (run) {
      this.deps.realtime.publish(this.input.tenantId, 'campaign.progress', {
        campaignId: run.campaignId,
        runId: this.input.runId,
        status: run.status as RunStatus,
        audienceSize: run.audienceSize,
        sentCount: run.sentCount,
        failedCount: run.failedCount,
        skippedCount: run.skippedCount,
      });
    }
  }
}

/** A recipient, and its message once one was created for this run. */
type Whose = { recipientId: string; messageId: string | null };

function unprepared(recipientId: string): Whose {
  return { recipientId, messageId: null };
}

/** Back to pending, optionally not before an instant; the claim's attempt does not count. */
function release({ recipientId, messageId }: Whose, notBefore: Date | null): Settlement {
  return {
    recipientId,
    messageId,
    status: 'pending',
    reason: null,
    errorCode: null,
    errorTitle: null,
    errorDetails: null,
    notBefore,
    refundAttempt: true,
  };
}

function failure(
  { recipientId, messageId }: Whose,
  reason: RecipientReason,
  errorCode: number | null,
  errorTitle: string | null,
  errorDetails: string | null,
): Settlement {
  return {
    recipientId,
    messageId,
    status: 'failed',
    reason,
    errorCode,
    errorTitle,
    errorDetails,
    notBefore: null,
    refundAttempt: false,
  };
}
