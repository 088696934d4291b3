// What WhatsApp charges per delivered template message, by the recipient's country calling code and
// the template's category, in US dollars (docs/campaigns.md). APPROXIMATE: Meta changes its rates
// by market several times a year and bills in the account's currency; these figures are a
// planning aid, edited here when Meta publishes new ones. Free-form text inside the 24-hour
// window is a service message and free.
//
// Amounts are kept in millionths of a dollar so sums over 100,000 recipients stay exact integers.

export const RATE_CARD_CURRENCY = 'USD';
export const RATE_CATEGORIES = ['marketing', 'utility', 'authentication'] as const;
export type RateCategory = (typeof RATE_CATEGORIES)[number];

type Rates = Record<RateCategory, number>;

/** Dollars per message, by calling code (digits after +). */
const RATES_USD: Record<string, Rates> = {
  '1': { marketing: 0.025, utility: 0.004, authentication: 0.0135 }, // US, Canada
  '27': { marketing: 0.0379, utility: 0.0076, authentication: 0.0176 }, // South Africa
  '33': { marketing: 0.0859, utility: 0.03, authentication: 0.0686 }, // France
  '34': { marketing: 0.0615, utility: 0.02, authentication: 0.0338 }, // Spain
  '39': { marketing: 0.0691, utility: 0.03, authentication: 0.0378 }, // Italy
  '44': { marketing: 0.0529, utility: 0.022, authentication: 0.0358 }, // United Kingdom
  '49': { marketing: 0.1365, utility: 0.055, authentication: 0.0768 }, // Germany
  '52': { marketing: 0.0436, utility: 0.01, authentication: 0.0239 }, // Mexico
  '55': { marketing: 0.0625, utility: 0.008, authentication: 0.0315 }, // Brazil
  '62': { marketing: 0.0411, utility: 0.025, authentication: 0.03 }, // Indonesia
  '91': { marketing: 0.0107, utility: 0.0014, authentication: 0.0014 }, // India
  '234': { marketing: 0.0516, utility: 0.0067, authentication: 0.0288 }, // Nigeria
};

/** Every other country ("rest of world"). */
const DEFAULT_RATES: Rates = { marketing: 0.0604, utility: 0.0077, authentication: 0.0357 };

const MICROS = 1_000_000;

export function isRateCategory(value: string | null | undefined): value is RateCategory {
  return (RATE_CATEGORIES as readonly string[]).includes(value ?? '');
}

/** The rate for a number's calling code (longest known prefix of its digits), in micro-dollars. */
export function rateMicros(phoneDigits: string, category: RateCategory): number {
  const digits = phoneDigits.replace(/\D/g, '');
  for (const length of [3, 2, 1]) {
    const rates = RATES_USD[digits.slice(0, length)];
    if (rates) {
      return Math.round(rates[category] * MICROS);
    }
  }
  return Math.round(DEFAULT_RATES[category] * MICROS);
}

/**
 * The cost of `count` messages to numbers starting with `prefix` (the first 3 digits are enough
 * to find any calling code), summed over groups as the estimate's SQL returns them.
 */
export function costMicros(groups: Array<{ prefix: string; category: RateCategory; count: number }>): number {
  return groups.reduce((sum, g) => sum + rateMicros(g.prefix, g.category) * g.count, 0);
}

/** Micro-dollars as the API's money: a decimal string with 4 places (a single utility message in India is $0.0014). */
export function formatCost(micros: number): { amount: string; currency: string } {
  const tenThousandths = Math.round(micros / 100);
  const whole = Math.floor(tenThousandths / 10_000);
  const fraction = String(tenThousandths % 10_000).padStart(4, '0');
  return { amount: `${whole}.${fraction}`, currency: RATE_CARD_CURRENCY };
}
