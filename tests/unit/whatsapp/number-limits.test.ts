// What Parley reads from a number's Graph record: its throughput and its messaging-limit tier.
import { messagingLimitOf, numberLimitsOf } from '#api/whatsapp/number-limits';

const number = { id: '1', display_phone_number: '+1 555 0100', verified_name: 'Parley' };

describe('[whatsapp] number limits', () => {
  it('reads the messaging limit of each tier Meta names, old and new', () => {
    expect(messagingLimitOf('TIER_50')).toBe(50);
    expect(messagingLimitOf('TIER_250')).toBe(250);
    expect(messagingLimitOf('TIER_1K')).toBe(1000);
    expect(messagingLimitOf('TIER_2K')).toBe(2000);
    expect(messagingLimitOf('TIER_10K')).toBe(10_000);
    expect(messagingLimitOf('TIER_100K')).toBe(100_000);
  });

  it('treats unlimited, unknown and unreadable tiers as no limit', () => {
    expect(messagingLimitOf('TIER_UNLIMITED')).toBeNull();
    expect(messagingLimitOf(null)).toBeNull();
    expect(messagingLimitOf('TIER_2M_SOON')).toBeNull();
  });

  it('prefers the current field to the legacy one and maps throughput levels', () => {
    expect(
      numberLimitsOf({
        ...number,
        whatsapp_business_manager_messaging_limit: 'TIER_2K',
        messaging_limit_tier: 'TIER_1K',
        throughput: { level: 'HIGH' },
      }),
    ).toEqual({ messagesPerSecond: 1000, messagingLimitTier: 'TIER_2K' });
    expect(numberLimitsOf({ ...number, messaging_limit_tier: 'TIER_250' })).toEqual({
      messagesPerSecond: 80,
      messagingLimitTier: 'TIER_250',
    });
  });
});
