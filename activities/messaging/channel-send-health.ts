// Send failures feed channel health: a revoked token disconnects the channel at once; repeated
// transient or policy failures degrade it (a success resets the streak: ledger-sql.ts recordSent).
// Admins are notified on each change of state.
import type { CloudApiError } from '#api/whatsapp/cloud-api-error';
import type { TenantDb } from '#db/tenant-db';
import type { ActivityDeps } from '../deps.ts';
import { setChannelStatus } from '../channels/set-channel-status.ts';

const DEGRADED_AFTER_FAILURES = 5;

export async function recordSendFailure(
  db: TenantDb,
  deps: ActivityDeps,
  channelId: string,
  error: CloudApiError,
): Promise<void> {
  const problem = error.meaning.channelProblem;
  if (!problem) {
    return;
  }
  const channel = await db.channel.update({
    where: { id: channelId },
    data: { consecutiveSendFailures: { increment: 1 } },
    select: { consecutiveSendFailures: true },
  });
  if (problem === 'disconnected') {
    await setChannelStatus(
      db,
      deps,
      channelId,
      'disconnected',
      `WhatsApp refused the credentials while sending: ${error.message}`,
    );
  } else if (channel.consecutiveSendFailures >= DEGRADED_AFTER_FAILURES) {
    await setChannelStatus(
      db,
      deps,
      channelId,
      'degraded',
      `${channel.consecutiveSendFailures} sends in a row failed; the last: ${error.message}`,
    );
  }
}
