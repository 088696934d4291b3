// The word being typed at the caret after a trigger: `/ship` asks for canned responses, `@ann`
// for members to mention. Pure, unit tested.

export type TriggerToken = { trigger: '/' | '@'; query: string; start: number; end: number };

/**
 * The token ending at `caret` that starts with one of `triggers`, at the start of the text or
 * after whitespace (so "and/or" or an e-mail address never pops a menu). null when there is none.
 */
export function tokenAt(text: string, caret: number, triggers: ReadonlyArray<'/' | '@'>): TriggerToken | null {
  const before = text.slice(0, caret);
  const match = /(^|\s)([/@])([\p{L}\p{N}_-]*)$/u.exec(before);
  if (!match) {
    return null;
  }
  const trigger = match[2] as '/' | '@';
  if (!triggers.includes(trigger)) {
    return null;
  }
  // Canned responses are whole replies: `/` counts only at the very start of the message.
  const start = before.length - match[3]!.length - 1;
  if (trigger === '/' && before.slice(0, start).trim() !== '') {
    return null;
  }
  return { trigger, query: match[3]!, start, end: caret };
}

/** The text with the token replaced, and where the caret goes after the insertion. */
export function replaceToken(text: string, token: TriggerToken, insert: string): { text: string; caret: number } {
  const next = text.slice(0, token.start) + insert + text.slice(token.end);
  return { text: next, caret: token.start + insert.length };
}

/** Members whose names were @mentioned and are still in the text (an edited-out mention is dropped). */
export function mentionedIds(text: string, picked: ReadonlyArray<{ userId: string; name: string }>): string[] {
  return [...new Set(picked.filter((m) => text.includes(`@${m.name}`)).map((m) => m.userId))];
}
