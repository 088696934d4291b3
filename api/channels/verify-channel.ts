// "Verify": asks the Graph API who this number is with the stored token. Success fills the
// display number and name, marks the channel connected and starts its health schedule; a refusal
// marks it disconnected and says which credential Meta rejected.
import type { TenantContext } from '../context.ts';
import { AppError } from '../errors.ts';
import { audit } from '../audit/record-audit.ts';
import { CloudApiError } from '../whatsapp/cloud-api-error.ts';
import { numberLimitsOf } from '../whatsapp/number-limits.ts';
import { connectedClient } from './channel-client.ts';
import { channelSelect, toChannelView } from './channel-view.ts';
import { ensureHealthSchedule } from './health-schedule.ts';
import type { Channel } from './schemas.ts';

export async function verifyChannel(channelId: string, ctx: TenantContext): Promise<Channel> {
  const { client, phoneNumberId } = await connectedClient(
    channelId,
    ctx,
    'This channel has no credentials to verify yet',
  );
  try {
    const info = await client.getPhoneNumber(phoneNumberId);
    const row = await ctx.db.channel.update({
      where: { id: channelId },
      data: {
        status: 'connected',
        statusReason: null,
        displayPhoneNumber: info.display_phone_number,
        verifiedName: info.verified_name,
        connectedAt: new Date(),
        lastHealthCheckAt: new Date(),
        consecutiveSendFailures: 0,
        ...numberLimitsOf(info),
      },
      select: channelSelect,
    });
    await ensureHealthSchedule(ctx.services.temporal, ctx.services.env, ctx.db.tenantId, channelId);
    ctx.services.realtime.publish(ctx.db.tenantId, 'channel.updated', { channelId, status: 'connected' });
    await audit(ctx, {
      action: 'channel.verified',
      targetType: 'channel',
      targetId: channelId,
      metadata: { displayPhoneNumber: info.display_phone_number },
    });
    return toChannelView(row, ctx.services.env);
  } catch (error) {
    if (!(error instanceof CloudApiError)) {
      throw error;
    }
    if (error.isRetryable) {
      // Meta unreachable or overloaded says nothing about the credentials: the status stays.
      throw new AppError(
        'UNAVAILABLE',
        `The WhatsApp Cloud API did not answer: ${error.message}. Try again in a moment.`,
      );
    }
    const reason = `Meta refused the credentials: ${error.message}`;
    await ctx.db.channel.update({ where: { id: channelId }, data: { status: 'disconnected', statusReason: reason } });
    ctx.services.realtime.publish(ctx.db.tenantId, 'channel.updated', { channelId, status: 'disconnected' });
    const field =
      error.meaning.category === 'auth' || error.meaning.category === 'permission' ? 'accessToken' : 'phoneNumberId';
    throw AppError.field(field, reason);
  }
}
