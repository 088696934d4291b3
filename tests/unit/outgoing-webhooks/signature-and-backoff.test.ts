// The signature a receiver checks and the retry schedule the workflow sleeps, as pure functions.
import { createHmac } from 'node:crypto';
import { generateWebhookSecret, signatureHeader } from '#activities/outgoing-webhooks/sign-webhook';
import { DEFAULT_RETRY_POLICY } from '#api/outgoing-webhooks/schemas';
import { backoffMs, waitWithRetryAfter } from '#workflows/webhook-delivery/messages';

describe('[webhooks] signature', () => {
  it('signs "<t>.<body>" with HMAC-SHA256 of the secret, hex, with the timestamp in the header', () => {
    const body = '{"id":"e1","type":"webhook.test"}';
    const header = signatureHeader('whsec_abc', body, 1_765_000_000);
    const expected = createHmac('sha256', 'whsec_abc').update(`1765000000.${body}`).digest('hex');
    expect(header).toBe(`t=1765000000,v1=${expected}`);
    expect(signatureHeader('whsec_abc', `${body} `, 1_765_000_000)).not.toBe(header);
    expect(signatureHeader('whsec_abc', body, 1_765_000_001)).not.toBe(header);
  });

  it('generates distinct secrets of 32 random bytes', () => {
    const a = generateWebhookSecret();
    expect(a).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    expect(generateWebhookSecret()).not.toBe(a);
  });
});

describe('[webhooks] retry schedule', () => {
  it('grows by the coefficient from the initial interval, capped, jitter within ± its fraction', () => {
    const policy = DEFAULT_RETRY_POLICY;
    const middle = [1, 2, 3, 4, 5, 6, 7].map((n) => backoffMs(policy, n, 0.5));
    expect(middle).toEqual([10_000, 30_000, 90_000, 270_000, 810_000, 2_430_000, 3_600_000]);
    expect(backoffMs(policy, 1, 0)).toBe(8_000);
    expect(backoffMs(policy, 1, 0.999999)).toBe(12_000);
    expect(backoffMs({ ...policy, jitter: 0 }, 20, 0.9)).toBe(3_600_000);
    expect(policy.maxAttempts - 1).toBeGreaterThanOrEqual(3);
  });

  it("waits at least the receiver's Retry-After, up to the longest wait", () => {
    expect(waitWithRetryAfter(1_000, null, 60_000)).toBe(1_000);
    expect(waitWithRetryAfter(1_000, 30_000, 60_000)).toBe(30_000);
    expect(waitWithRetryAfter(1_000, 600_000, 60_000)).toBe(60_000);
  });
});
