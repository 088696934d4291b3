// How flow activities read other servers' answers: bounded bodies, paths into JSON, and which
// HTTP statuses Temporal retries.
import { ApplicationFailure } from '@temporalio/common';
import { throwUnlessOk } from '#activities/flows/http-request';
import { MAX_RESPONSE_BYTES, readCapped, valueAtPath } from '#activities/flows/read-capped';

describe('[flows] HTTP responses', () => {
  it('parses JSON, keeps other text, and refuses bodies over the limit', async () => {
    await expect(readCapped(new Response('{"a":[{"b":1}]}'))).resolves.toEqual({ a: [{ b: 1 }] });
    await expect(readCapped(new Response('plain'))).resolves.toBe('plain');
    await expect(readCapped(new Response(''))).resolves.toBeNull();
    const tooBig = readCapped(new Response('x'.repeat(MAX_RESPONSE_BYTES + 1)));
    await expect(tooBig).rejects.toMatchObject({ type: 'ResponseTooLarge', nonRetryable: true });
  });

  it('reads values by dotted path, array indexes included', () => {
    const body = { data: { items: [{ name: 'Blue shirt' }] } };
    expect(valueAtPath(body, 'data.items.0.name')).toBe('Blue shirt');
    expect(valueAtPath(body, 'data.missing.name')).toBeUndefined();
    expect(valueAtPath(body, '')).toBe(body);
  });

  it('retries 408, 429 and 5xx; other 4xx are permanent', () => {
    const failure = (status: number) => {
      try {
        throwUnlessOk(status, 'test');
        return null;
      } catch (error) {
        return error as ApplicationFailure;
      }
    };
    expect(failure(200)).toBeNull();
    for (const status of [408, 429, 500, 503]) {
      expect(failure(status)).toMatchObject({ nonRetryable: false, type: 'HttpTransient' });
    }
    for (const status of [400, 401, 404, 422]) {
      expect(failure(status)).toMatchObject({ nonRetryable: true, type: 'HttpRejected' });
    }
  });
});
