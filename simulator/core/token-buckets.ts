// Token buckets keyed by string: the per-number throughput limit (130429) and the per-pair rate
// limit (131056) are both "capacity N, refilled at a steady rate", on the injectable clock.
type Bucket = { tokens: number; updatedAt: number };

export function createTokenBuckets(now: () => number) {
  const buckets = new Map<string, Bucket>();
  return {
    /** Takes one token; false when the bucket is empty (the caller is over its limit). */
    take(key: string, capacity: number, refillPerMs: number): boolean {
      const at = now();
      const bucket = buckets.get(key) ?? { tokens: capacity, updatedAt: at };
      bucket.tokens = Math.min(capacity, bucket.tokens + Math.max(0, at - bucket.updatedAt) * refillPerMs);
      bucket.updatedAt = at;
      buckets.set(key, bucket);
      if (bucket.tokens < 1) {
        return false;
      }
      bucket.tokens -= 1;
      return true;
    },
  };
}
