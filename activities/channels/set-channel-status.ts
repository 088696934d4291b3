// Moves a channel to a health state; on an actual change, tells the tenant's admins in the app
// (with what to do) and pushes the change live.
import type { ChannelStatus } from '#api/channels/schemas';
import { notifyMembers } from '#api/notifications/notify-members';
import type { TenantDb } from '#db/tenant-db';
import type { ActivityDeps } from '../deps.ts';

const ADVICE: Record<ChannelStatus, string> = {
  connected: 'The channel is working again.',
  pending: 'Verify the channel to start using it.',
  degraded:
    'Messages may be delayed or failing. Check the number in WhatsApp Manager (quality, limits) and the error below.',
  disconnected:
    'Parley cannot send or receive on this number. Generate a new permanent access token in Meta Business Manager, paste it in Settings → Channels, then press Verify.',
};

export async function setChannelStatus(
  db: TenantDb,
  deps: Pick<ActivityDeps, 'realtime'>,
  channelId: string,
  status: ChannelStatus,
  reason: string | null,
): Promise<boolean> {
  const changed = await db.channel.updateMany({
    where: { id: channelId, status: { not: status } },
    data: { status, statusReason: reason },
  });
  if (changed.count === 0) {
    await db.channel.update({ where: { id: channelId }, data: { statusReason: reason } });
    return false;
  }
  const channel = await db.channel.findUniqueOrThrow({ where: { id: channelId }, select: { name: true } });
  deps.realtime.publish(db.tenantId, 'channel.updated', { channelId, status });
  await notifyMembers(db, deps.realtime, 'channels.manage', {
    kind: `channel.${status}`,
    title: `WhatsApp number "${channel.name}" is ${status}`,
    body: `${reason ? `${reason}\n\n` : ''}${ADVICE[status]}`,
    link: `/settings/channels/${channelId}`,
  });
  return true;
}
