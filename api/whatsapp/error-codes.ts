// What each Cloud API error code means for us (contract §11): whether a retry can help, how to
// back off, and whether it says something about the channel's health.

export type RetryAdvice =
  /** Retrying cannot help (bad input, policy, closed window, missing template). */
  | 'never'
  /** Transient: retry with exponential backoff. */
  | 'backoff'
  /** Throughput or rate limit: retry later, slower. */
  | 'rate-limited'
  /** Pair rate limit: retry this recipient only, after 4^n seconds. */
  | 'pair-rate-limited';

export type ErrorCategory =
  | 'auth'
  | 'permission'
  | 'rate-limit'
  | 'invalid-parameter'
  | 'window-closed'
  | 'template'
  | 'undeliverable'
  | 'policy'
  | 'media'
  | 'transient'
  | 'unknown';

export type ErrorMeaning = {
  category: ErrorCategory;
  retry: RetryAdvice;
  /** The channel itself is in trouble: health monitoring counts these. */
  channelProblem: 'disconnected' | 'degraded' | null;
};

const table: Array<[number[], ErrorMeaning]> = [
  [[0, 190], { category: 'auth', retry: 'never', channelProblem: 'disconnected' }],
  [[3, 10], { category: 'permission', retry: 'never', channelProblem: 'disconnected' }],
  [[4, 80007, 130429], { category: 'rate-limit', retry: 'rate-limited', channelProblem: null }],
  [[131056], { category: 'rate-limit', retry: 'pair-rate-limited', channelProblem: null }],
  [[100, 131008, 131009, 131021], { category: 'invalid-parameter', retry: 'never', channelProblem: null }],
  [[131047], { category: 'window-closed', retry: 'never', channelProblem: null }],
  [
    [132000, 132001, 132005, 132007, 132012, 132015, 132016],
    { category: 'template', retry: 'never', channelProblem: null },
  ],
  [
    [131026, 131049, 131050, 130472, 131030, 130403, 130497],
    { category: 'undeliverable', retry: 'never', channelProblem: null },
  ],
  [[131048, 131031, 368, 131042, 131045, 131064], { category: 'policy', retry: 'never', channelProblem: 'degraded' }],
  [[131051, 131052, 131053], { category: 'media', retry: 'never', channelProblem: null }],
  [[1, 2, 131000, 131016, 133004, 131057], { category: 'transient', retry: 'backoff', channelProblem: 'degraded' }],
];

const byCode = new Map(table.flatMap(([codes, meaning]) => codes.map((code) => [code, meaning] as const)));

export function meaningOf(code: number): ErrorMeaning {
  if (code >= 200 && code <= 299) {
    return { category: 'permission', retry: 'never', channelProblem: 'disconnected' };
  }
  return byCode.get(code) ?? { category: 'unknown', retry: 'never', channelProblem: null };
}
