// The number's WhatsApp business profile (about, description, address, e-mail, websites,
// vertical), read from and written to Meta. Meta's field limits are checked before sending
// (graph-schemas.ts), so the user gets a precise error instead of Meta's generic one.
import { z } from 'zod';
import type { TenantContext } from '../context.ts';
import { AppError } from '../errors.ts';
import { audit } from '../audit/record-audit.ts';
import { CloudApiError } from '../whatsapp/cloud-api-error.ts';
import { businessProfileUpdateSchema, type BusinessProfile } from '../whatsapp/graph-schemas.ts';
import { connectedClient } from './channel-client.ts';

const NOT_CONNECTED = 'This channel is not connected: verify it first';

export const businessProfileInputSchema = businessProfileUpdateSchema.omit({ profile_picture_handle: true });
export type BusinessProfileInput = z.infer<typeof businessProfileInputSchema>;

export async function getBusinessProfile(channelId: string, ctx: TenantContext): Promise<BusinessProfile> {
  const { client, phoneNumberId } = await connectedClient(channelId, ctx, NOT_CONNECTED);
  return callMeta(() => client.getBusinessProfile(phoneNumberId));
}

export async function updateBusinessProfile(
  channelId: string,
  input: BusinessProfileInput,
  ctx: TenantContext,
): Promise<BusinessProfile> {
  const { client, phoneNumberId } = await connectedClient(channelId, ctx, NOT_CONNECTED);
  await callMeta(() => client.updateBusinessProfile(phoneNumberId, input));
  await audit(ctx, {
    action: 'channel.profile_updated',
    targetType: 'channel',
    targetId: channelId,
    metadata: { fields: Object.keys(input) },
  });
  return callMeta(() => client.getBusinessProfile(phoneNumberId));
}

async function callMeta<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof CloudApiError) {
      throw error.isRetryable
        ? new AppError('UNAVAILABLE', `WhatsApp did not answer: ${error.message}`)
        : new AppError(
            'VALIDATION_FAILED',
            `WhatsApp refused: ${error.message}${error.details ? ` (${error.details})` : ''}`,
          );
    }
    throw error;
  }
}
