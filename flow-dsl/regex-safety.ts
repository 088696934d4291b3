// Regular expressions that can backtrack for too long. Flow authors write patterns (conditions,
// answer validation, keyword triggers) that run against whatever a customer types, inside the
// interpreter workflow and the API's routing. A pattern such as `(a+)+$` takes years on 40 'a's
// and a '!', and JavaScript cannot interrupt it: the thread, with every tenant's sessions on it,
// would hang.
//
// Each group that repeats is risky when the text one pass of it takes can be split in more than
// one way between passes:
// - it holds a part that repeats itself (`(a+)+`, `(\w+\s?)*`), unless a part that every pass
//   must take first or last is one that repeated part cannot match (`(\.[^.]+)+` is safe);
// - it has alternatives that are not plain text (`(\w|\d)+`) or of which one starts another
//   (`(a|ab)+`; `(cat|dog)+` is safe).
// A sequence is risky with three or more unbounded repeats that can take the same text with
// nothing between them to stop them (`a.*b.*c.*d`): the time grows with the text's length to the
// fourth power. Two (`a.*b.*c`) are allowed: text.ts bounds the text a pattern runs on.

type Quantifier = { min: number; max: number };
/** One character's matcher as regex source (`a`, `\d`, `[^@.]`, `.`), a group, or an assertion. */
type Atom = { kind: 'char'; source: string } | { kind: 'group'; group: Group } | { kind: 'assertion' };
type Item = { atom: Atom; quantifier: Quantifier };
type Group = { alternatives: Item[][] };

const ONCE: Quantifier = { min: 1, max: 1 };

/** Why the pattern can backtrack for too long, or null when it cannot (or does not parse). */
export function backtrackingRisk(pattern: string): string | null {
  let group: Group;
  try {
    group = new Parser(pattern).parse();
  } catch {
    return null; // not a pattern this reads; whether it compiles is checked elsewhere
  }
  return riskIn(group) ?? runRisk(group);
}

function runRisk(group: Group): string | null {
  const tooMany = group.alternatives.some((items) => {
    const chars = flatten(items);
    return chars !== null && overlappingRepeats(chars) >= 3;
  });
  return tooMany ? 'three or more repeats in a row can take the same text, like a.*b.*c.*d' : null;
}

/** The most unbounded repeats in a row that can all take the same text. */
function overlappingRepeats(chars: CharItem[]): number {
  let run: string[] = [];
  let most = 0;
  for (const char of chars) {
    if (char.quantifier.max === Infinity) {
      most = Math.max(most, run.filter((source) => overlaps(source, char.source)).length + 1);
    }
    if (char.quantifier.min >= 1) {
      run = run.filter((source) => overlaps(source, char.source)); // a character all must let by
    }
    if (char.quantifier.max === Infinity) {
      run.push(char.source);
    }
  }
  return most;
}

function riskIn(group: Group): string | null {
  for (const item of group.alternatives.flat()) {
    if (item.atom.kind !== 'group') {
      continue;
    }
    const inner = item.atom.group;
    if (item.quantifier.max > 1) {
      const risk = repeatedGroupRisk(inner);
      if (risk) {
        return risk;
      }
    }
    const nested = riskIn(inner);
    if (nested) {
      return nested;
    }
  }
  return null;
}

function repeatedGroupRisk(group: Group): string | null {
  const { alternatives } = group;
  if (alternatives.length > 1) {
    const texts = alternatives.map(plainText);
    if (texts.some((text) => text === null)) {
      return 'a repeated group has alternatives that are not plain text, like (\\w|\\d)+';
    }
    const lower = texts.map((text) => text!.toLowerCase()); // Parley's patterns ignore case
    if (lower.some((a, x) => lower.some((b, y) => x !== y && b.startsWith(a)))) {
      return 'a repeated group has an alternative that starts another one, like (a|ab)+';
    }
    return null;
  }
  const chars = flatten(alternatives[0] ?? []);
  if (chars === null) {
    return 'a repeated group holds a repeated group, like ((ab)+)+';
  }
  return ambiguousSplit(chars) ? 'a repeated group holds something repeated itself, like (a+)+' : null;
}

type CharItem = { source: string; quantifier: Quantifier };

/** The group's characters in order, inner groups opened; null if a group inside repeats or branches. */
function flatten(items: Item[]): CharItem[] | null {
  const chars: CharItem[] = [];
  for (const { atom, quantifier } of items) {
    if (atom.kind === 'char') {
      chars.push({ source: atom.source, quantifier });
    } else if (atom.kind === 'group') {
      const inner = atom.group.alternatives.length === 1 ? flatten(atom.group.alternatives[0]!) : null;
      if (inner === null || quantifier !== ONCE) {
        return null;
      }
      chars.push(...inner);
    }
  }
  return chars;
}

/**
 * Whether the text of several passes can be split between the repeated characters in more than
 * one way. A separator (a character every pass takes that no repeated one matches) fixes where
 * each part ends; between two separators, counting across the end of one pass into the next, at
 * most one repeated character may match any given character.
 */
function ambiguousSplit(chars: CharItem[]): boolean {
  const isRepeated = ({ quantifier }: CharItem) => quantifier.max > quantifier.min && quantifier.max > 1;
  const repeated = chars.filter(isRepeated).map((char) => char.source);
  if (repeated.length === 0) {
    return false;
  }
  const isSeparator = (char: CharItem) =>
    char.quantifier.min >= 1 && !isRepeated(char) && repeated.every((source) => !overlaps(source, char.source));
  const first = chars.findIndex(isSeparator);
  if (first < 0) {
    return true; // a repeated character meets its own copy in the next pass
  }
  const rotated = [...chars.slice(first), ...chars.slice(0, first)];
  let segment: CharItem[] = [];
  for (const char of [...rotated, rotated[0]!]) {
    if (!isSeparator(char)) {
      segment.push(char);
      continue;
    }
    // Two repeated characters that can match the same text, with nothing between them that
    // stops one from running into the other's part, can share it out in many ways.
    for (let x = 0; x < segment.length; x += 1) {
      for (let y = x + 1; y < segment.length; y += 1) {
        const [a, b] = [segment[x]!, segment[y]!];
        const blocked = segment
          .slice(x + 1, y)
          .some((c) => c.quantifier.min >= 1 && !overlaps(c.source, a.source) && !overlaps(c.source, b.source));
        if (isRepeated(a) && isRepeated(b) && !blocked && overlaps(a.source, b.source)) {
          return true;
        }
      }
    }
    segment = [];
  }
  return false;
}

function plainText(items: Item[]): string | null {
  let text = '';
  for (const { atom, quantifier } of items) {
    if (atom.kind !== 'char' || quantifier !== ONCE || !/^(?:\\[^\w]|[^\\.[])$/.test(atom.source)) {
      return null;
    }
    text += atom.source.replace(/^\\/, '');
  }
  return text;
}

// Characters tried to decide whether two one-character matchers can match the same character.
const SAMPLE = [
  '\t',
  '\n',
  ...Array.from({ length: 95 }, (_, index) => String.fromCharCode(32 + index)),
  'é',
  'ß',
  'Ω',
  'ж',
  '中',
  '٣',
];

/** Whether two one-character matchers can match the same character (when unsure: yes). */
function overlaps(a: string, b: string): boolean {
  try {
    const left = new RegExp(`^(?:${a})$`, 'i');
    const right = new RegExp(`^(?:${b})$`, 'i');
    return SAMPLE.some((char) => left.test(char) && right.test(char));
  } catch {
    return true; // a back-reference such as \1, which this does not follow
  }
}

/** A recursive-descent reader of the parts of the syntax that matter here. */
class Parser {
  private at = 0;
  constructor(private readonly pattern: string) {}

  parse(): Group {
    const group = this.group();
    if (this.at !== this.pattern.length) {
      throw new Error('unbalanced )');
    }
    return group;
  }

  private group(): Group {
    const alternatives: Item[][] = [[]];
    while (this.at < this.pattern.length && this.pattern[this.at] !== ')') {
      if (this.pattern[this.at] === '|') {
        this.at += 1;
        alternatives.push([]);
        continue;
      }
      const atom = this.atom();
      alternatives.at(-1)!.push({ atom, quantifier: atom.kind === 'assertion' ? ONCE : this.quantifier() });
    }
    return { alternatives };
  }

  private atom(): Atom {
    const rest = this.pattern.slice(this.at);
    if (rest[0] === '(') {
      const opening = /^\((?:\?(?::|=|!|<=|<!|<[^>=!]+>))?/.exec(rest)![0];
      this.at += opening.length;
      const group = this.group();
      if (this.pattern[this.at] !== ')') {
        throw new Error('unclosed (');
      }
      this.at += 1;
      return /^\(\?(?:=|!|<=|<!)/.test(opening) ? { kind: 'assertion' } : { kind: 'group', group };
    }
    const token =
      /^\\(?:[pPu]\{[^}]*\}|k<[^>]*>|x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|c[A-Za-z]|[\s\S])/.exec(rest)?.[0] ??
      /^\[(?:\\[\s\S]|[^\]\\])*\]/.exec(rest)?.[0] ??
      rest[0]!;
    this.at += token.length;
    if (token === '^' || token === '$' || token === '\\b' || token === '\\B' || /^\\k</.test(token)) {
      return { kind: 'assertion' };
    }
    return { kind: 'char', source: token === '.' ? '[^\\n]' : token };
  }

  private quantifier(): Quantifier {
    const match = /^(?:([*+?])|\{(\d+)(?:(,)(\d*))?\})[?+]?/.exec(this.pattern.slice(this.at));
    if (!match) {
      return ONCE;
    }
    this.at += match[0].length;
    if (match[1]) {
      return { min: match[1] === '+' ? 1 : 0, max: match[1] === '?' ? 1 : Infinity };
    }
    const min = Number(match[2]);
    const max = match[3] === undefined ? min : match[4] === '' ? Infinity : Number(match[4]);
    return { min, max };
  }
}
