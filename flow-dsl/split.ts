// The A/B split's draw. The interpreter passes the random number, so the choice is replay-safe
// and this stays a pure function.
import { sha256Hex } from './hash.ts';

export type WeightedVariant = { id: string; weight: number };

/**
 * Picks a variant with probability weight / total for `random01` in [0, 1). With no positive
 * weight at all (the validator reports `invalid_weights`), every variant is equally likely.
 */
export function pickVariant<T extends WeightedVariant>(variants: readonly T[], random01: number): T {
  if (variants.length === 0) {
    throw new RangeError('pickVariant needs at least one variant');
  }
  const weights = variants.map((variant) =>
    Number.isFinite(variant.weight) && variant.weight > 0 ? variant.weight : 0,
  );
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  const r = Math.min(Math.max(random01, 0), 1 - Number.EPSILON);
  if (total <= 0) {
    return variants[Math.floor(r * variants.length)] as T;
  }
  let threshold = r * total;
  for (const [index, weight] of weights.entries()) {
    if (threshold < weight) {
      return variants[index] as T;
    }
    threshold -= weight;
  }
  // Rounding can leave a sliver past the last weight: it belongs to the last weighted variant.
  return variants[weights.findLastIndex((weight) => weight > 0)] as T;
}

/**
 * A number in [0, 1) from a key (session, step, sequence): uniform like a hash, and the same on
 * every replay. The workflow's seeded Math.random is replay-safe too, but its first draw per run
 * was measurably uneven across sessions (a 25% variant got about 29% of 1,100).
 */
export function stableDraw(key: string): number {
  return Number.parseInt(sha256Hex(key).slice(0, 13), 16) / 2 ** 52;
}
