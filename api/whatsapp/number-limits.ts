// A number's sending limits as Meta reports them on its Graph record (contract §12): the
// throughput level (80 messages/s by default, 1,000 once upgraded, 20 for numbers shared with the
// WhatsApp Business app) and the messaging-limit tier. Campaigns pace to them (docs/campaigns.md).
import type { PhoneNumberInfo } from './graph-schemas.ts';
import { WHATSAPP_LIMITS } from './limits.ts';

const MESSAGES_PER_SECOND: Record<string, number> = { STANDARD: 80, HIGH: 1000, NOT_APPLICABLE: 20 };

export type NumberLimits = { messagesPerSecond: number; messagingLimitTier: string | null };

export function numberLimitsOf(info: PhoneNumberInfo): NumberLimits {
  const level = info.throughput?.level;
  return {
    messagesPerSecond: (level && MESSAGES_PER_SECOND[level]) || WHATSAPP_LIMITS.throughputPerSecond,
    messagingLimitTier: info.whatsapp_business_manager_messaging_limit ?? info.messaging_limit_tier ?? null,
  };
}

/**
 * The unique customers a messaging-limit tier allows per moving 24 hours (TIER_250 → 250,
 * TIER_2K → 2,000); null when unlimited, unknown or not a tier Parley can read.
 */
export function messagingLimitOf(tier: string | null): number | null {
  const match = tier ? /^TIER_(\d+)(K?)$/.exec(tier) : null;
  return match ? Number(match[1]) * (match[2] ? 1000 : 1) : null;
}
