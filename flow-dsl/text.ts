// Text comparison the way customers type: case, accents and extra spaces do not matter
// ("Olá", "ola " and "OLA" are the same keyword).
import { exponentialBacktracking } from './regex-safety.ts';

export function normalizeText(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

/**
 * Compiles a user-written regular expression; null when it is not valid, or when it could
 * backtrack exponentially on what a customer types (regex-safety.ts): such a pattern never matches.
 */
export function safeRegExp(pattern: string, flags = 'i'): RegExp | null {
  if (regexProblem(pattern) !== null) {
    return null;
  }
  try {
    return new RegExp(pattern, flags);
  } catch {
    return null;
  }
}

const problems = new Map<string, string | null>();

/** Why a user-written pattern cannot be used, for the validator; null when it can. */
export function regexProblem(pattern: string): string | null {
  let problem = problems.get(pattern);
  if (problem === undefined) {
    problem = findProblem(pattern);
    if (problems.size >= 500) {
      problems.clear(); // patterns come from flows, so few; the bound only guards against a flood
    }
    problems.set(pattern, problem);
  }
  return problem;
}

function findProblem(pattern: string): string | null {
  try {
    new RegExp(pattern, 'i');
  } catch {
    return 'is not a valid regular expression';
  }
  const risk = exponentialBacktracking(pattern);
  return risk && `can take too long on some texts (${risk})`;
}
