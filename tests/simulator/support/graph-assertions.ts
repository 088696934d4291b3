// Asserts Meta's synchronous error envelope (contract §11) exactly, optionally with its details.
export function expectGraphError(reply: { status: number; body: any }, code: number, details?: RegExp) {
  expect(reply.status).toBe(code === 190 ? 401 : 400);
  expect(reply.body).toEqual({
    error: {
      message: expect.stringMatching(new RegExp(`^\\(#${code}\\) `)),
      type: 'OAuthException',
      code,
      error_data: { messaging_product: 'whatsapp', details: expect.any(String) },
      ...(reply.body.error.error_subcode !== undefined ? { error_subcode: expect.any(Number) } : {}),
      fbtrace_id: expect.any(String),
    },
  });
  if (details) {
    expect(reply.body.error.error_data.details).toMatch(details);
  }
}
