// Text comparison the way customers type: case, accents and extra spaces do not matter
// ("Olá", "ola " and "OLA" are the same keyword). User-written regular expressions run here too.
import { backtrackingRisk } from './regex-safety.ts';

export function normalizeText(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

/**
 * The longest text a user-written pattern runs on; a longer one does not match. A backtracking
 * engine's time grows with the text's length even for patterns regex-safety.ts lets through:
 * `a.*b.*c` takes 5 s on 4,096 characters (WhatsApp's longest message), and `\w*\s*\w*x`, the
 * slowest kind it allows, about 0.6 s on 500.
 */
export const PATTERN_TEXT_LIMIT = 500;

/**
 * Whether a user-written pattern (case-insensitive unless `flags` say otherwise) is found in the
 * text. A pattern regexProblem refuses, or a text over PATTERN_TEXT_LIMIT, never matches.
 */
export function matchesPattern(pattern: string, text: string, flags = 'i'): boolean {
  return text.length <= PATTERN_TEXT_LIMIT && (searchRegExp(pattern, flags)?.test(text) ?? false);
}

/** Whether the whole text matches a user-written pattern (an answer's validation), as above. */
export function matchesWholePattern(pattern: string, text: string): boolean {
  const whole = regexProblem(pattern) === null ? compiled(`^(?:${pattern})$`, 'i') : null;
  return text.length <= PATTERN_TEXT_LIMIT && (whole?.test(text) ?? false);
}

/**
 * Compiles a user-written regular expression for a search; null when it is not valid or could
 * backtrack for too long (regex-safety.ts). A leading or trailing `.*` is dropped: found
 * anywhere, `.*x.*` and `x` match the same texts, and a leading one makes the search try every
 * split at every start (`.*a.*b` takes 0.7 s on 1,000 characters, `a.*b` 1 ms).
 */
function searchRegExp(pattern: string, flags: string): RegExp | null {
  return regexProblem(pattern, flags) === null ? compiled(forSearch(pattern), flags) : null;
}

/**
 * Patterns come from flows and rules, so few, and run on every customer message: each is compiled
 * once. Without the `g` or `y` flag a RegExp keeps no state between tests, so one can be shared.
 */
const compiledPatterns = new Map<string, RegExp | null>();

function compiled(source: string, flags: string): RegExp | null {
  const key = `${flags}/${source}`;
  let regex = compiledPatterns.get(key);
  if (regex === undefined) {
    try {
      regex = new RegExp(source, flags);
    } catch {
      regex = null;
    }
    remember(compiledPatterns, key, regex);
  }
  return regex;
}

/** A bounded cache: the bound only guards against a flood of distinct patterns. */
function remember<T>(cache: Map<string, T>, key: string, value: T): void {
  if (cache.size >= 500) {
    cache.clear();
  }
  cache.set(key, value);
}

const problems = new Map<string, string | null>();

/**
 * Why a user-written pattern cannot be used with these flags (automation rules add `u`), for the
 * validators; null when it can.
 */
export function regexProblem(pattern: string, flags = 'i'): string | null {
  const key = `${flags}/${pattern}`;
  let problem = problems.get(key);
  if (problem === undefined) {
    problem = findProblem(pattern, flags);
    remember(problems, key, problem);
  }
  return problem;
}

function findProblem(pattern: string, flags: string): string | null {
  try {
    new RegExp(pattern, flags);
  } catch {
    return 'is not a valid regular expression';
  }
  const risk = backtrackingRisk(forSearch(pattern));
  return risk && `can take too long on some texts (${risk})`;
}

/** The pattern without a leading or trailing `.*`, which change nothing a search finds. */
function forSearch(pattern: string): string {
  let search = pattern;
  while (/^\.\*\??/.test(search)) {
    search = search.replace(/^\.\*\??/, '');
  }
  const trailing = /\.\*\??$/.exec(search);
  const escaped = trailing && /\\*$/.exec(search.slice(0, trailing.index))![0].length % 2 === 1;
  return trailing && !escaped ? search.slice(0, trailing.index) : search;
}
