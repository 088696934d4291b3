// Text comparison the way customers type: case, accents and extra spaces do not matter
// ("Olá", "ola " and "OLA" are the same keyword).

export function normalizeText(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** Compiles a user-written regular expression; null when it is not valid. */
export function safeRegExp(pattern: string, flags = 'i'): RegExp | null {
  try {
    return new RegExp(pattern, flags);
  } catch {
    return null;
  }
}
