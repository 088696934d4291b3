// The periodic health check of one channel (run by its Temporal Schedule): the token must still
// open the number's Graph record, and must not be expiring within a week.
import { cloudApiFor } from '#api/channels/channel-client';
import { CloudApiError } from '#api/whatsapp/cloud-api-error';
import { numberLimitsOf, type NumberLimits } from '#api/whatsapp/number-limits';
import { createTenantDb } from '#db/tenant-db';
import type { ActivityDeps } from '../deps.ts';
import { setChannelStatus } from './set-channel-status.ts';

const EXPIRY_WARNING_MS = 7 * 86_400_000;
const SEND_FAILURES_DEGRADE = 5;

export type HealthResult = { status: string; reason: string | null };

export function createCheckChannelHealthActivity(deps: ActivityDeps) {
  return async function checkChannelHealth(input: { tenantId: string; channelId: string }): Promise<HealthResult> {
    const db = createTenantDb(deps.prisma, input.tenantId);
    const channel = await db.channel.findUnique({
      where: { id: input.channelId },
      select: {
        kind: true,
        accessToken: true,
        phoneNumberId: true,
        tokenExpiresAt: true,
        consecutiveSendFailures: true,
        status: true,
      },
    });
    if (!channel) {
      return { status: 'deleted', reason: null };
    }
    const client = cloudApiFor(channel, deps);
    if (!client || !channel.phoneNumberId) {
      return { status: channel.status, reason: 'no credentials' };
    }
    let verdict: HealthResult = { status: 'connected', reason: null };
    let limits: NumberLimits | null = null;
    try {
      limits = numberLimitsOf(await client.getPhoneNumber(channel.phoneNumberId));
      if (channel.tokenExpiresAt && channel.tokenExpiresAt.getTime() - Date.now() < EXPIRY_WARNING_MS) {
        verdict = {
          status: 'degraded',
          reason: `The access token expires on ${channel.tokenExpiresAt.toISOString().slice(0, 10)}`,
        };
      } else if (channel.consecutiveSendFailures >= SEND_FAILURES_DEGRADE) {
        verdict = { status: 'degraded', reason: `${channel.consecutiveSendFailures} sends in a row failed` };
      }
    } catch (error) {
      if (!(error instanceof CloudApiError)) {
        throw error;
      }
      verdict = {
        status: error.meaning.channelProblem === 'disconnected' ? 'disconnected' : 'degraded',
        reason: `The health check failed: ${error.message}`,
      };
    }
    // Meta upgrades a number's throughput and tier by itself: campaigns pace to the latest.
    await db.channel.update({
      where: { id: input.channelId },
      data: { lastHealthCheckAt: new Date(), ...limits },
    });
    const changed = await setChannelStatus(
      db,
      deps,
      input.channelId,
      verdict.status as 'connected' | 'degraded' | 'disconnected',
      verdict.reason,
    );
    if (!changed) {
      // Same status, but a fresh check time: pages showing the channel refresh too.
      deps.realtime.publish(input.tenantId, 'channel.updated', { channelId: input.channelId, status: verdict.status });
    }
    return verdict;
  };
}
