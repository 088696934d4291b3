import { CloudApiError } from '#api/whatsapp/cloud-api-error';
import { isValidSignature, signatureFor, escapeNonAscii } from '#api/whatsapp/signature';

const envelope = (code: number, details = 'd') => ({
  error: {
    message: `(#${code}) title`,
    type: 'OAuthException',
    code,
    error_data: { messaging_product: 'whatsapp', details },
    fbtrace_id: 'x',
  },
});

describe('[whatsapp] error classification', () => {
  it.each([
    [130429, true, 'rate-limited', null],
    [131056, true, 'pair-rate-limited', null],
    [131000, true, 'backoff', 'degraded'],
    [1, true, 'backoff', 'degraded'],
    [190, false, 'never', 'disconnected'],
    [100, false, 'never', null],
    [131047, false, 'never', null],
    [132001, false, 'never', null],
    [131026, false, 'never', null],
    [131048, false, 'never', 'degraded'],
    [250, false, 'never', 'disconnected'],
  ])('code %i: retryable=%s (%s), channel problem %s', (code, retryable, retry, problem) => {
    const error = CloudApiError.fromResponse(400, envelope(code));
    expect(error.isRetryable).toBe(retryable);
    expect(error.meaning.retry).toBe(retry);
    expect(error.meaning.channelProblem).toBe(problem);
    expect(error.details).toBe('d');
  });

  it("treats a 5xx without Meta's envelope as transient and a 4xx without it as final", () => {
    expect(CloudApiError.fromResponse(502, '<html>Bad gateway</html>').isRetryable).toBe(true);
    expect(CloudApiError.fromResponse(404, 'nope').isRetryable).toBe(false);
    expect(CloudApiError.network(new Error('socket hang up')).isRetryable).toBe(true);
  });
});

describe('[whatsapp] webhook signatures', () => {
  const secret = 'app-secret';
  it('accepts the raw bytes or their escaped-unicode form, and nothing else', () => {
    const raw = '{"text":"héllo 👋"}';
    expect(isValidSignature(Buffer.from(raw), signatureFor(raw, secret), secret)).toBe(true);
    expect(isValidSignature(Buffer.from(raw), signatureFor(escapeNonAscii(raw), secret), secret)).toBe(true);
    expect(escapeNonAscii(raw)).toBe('{"text":"h\\u00e9llo \\ud83d\\udc4b"}');
    expect(isValidSignature(Buffer.from(raw), signatureFor(raw, 'other'), secret)).toBe(false);
    expect(isValidSignature(Buffer.from(raw), 'sha256=zz', secret)).toBe(false);
    expect(isValidSignature(Buffer.from(raw), undefined, secret)).toBe(false);
  });
});
