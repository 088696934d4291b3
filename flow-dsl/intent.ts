// The AI nodes without a model: keyword intent matching and a knowledge lookup by word overlap.
// Deterministic, so a flow behaves the same in tests and for workspaces without an AI account.
import { normalizeText } from './text.ts';

export type KeywordIntent = { id: string; keywords: readonly string[] };

/** Share of the question's words a paragraph must contain to count as its answer. */
export const KNOWLEDGE_MATCH_THRESHOLD = 0.5;

const STOP_WORDS = new Set(
  'a an and are as at be can do does for from have how i in is it me my of on or please the there this to was we what when where which who why will with you your'.split(
    ' ',
  ),
);

/**
 * The id of the intent with the most keywords found in the text (whole words or phrases, case and
 * accents ignored); the first intent wins a tie; null when none matches.
 */
export function classifyByKeywords(intents: readonly KeywordIntent[], text: string): string | null {
  const padded = ` ${words(text).join(' ')} `;
  let best: { id: string; hits: number } | null = null;
  for (const intent of intents) {
    const hits = intent.keywords.filter((keyword) => {
      const phrase = words(keyword).join(' ');
      return phrase !== '' && padded.includes(` ${phrase} `);
    }).length;
    if (hits > 0 && (best === null || hits > best.hits)) {
      best = { id: intent.id, hits };
    }
  }
  return best?.id ?? null;
}

/**
 * The answer in the knowledge text (Q/A paragraphs separated by blank lines) that shares the most
 * words with the question, if it shares at least KNOWLEDGE_MATCH_THRESHOLD of them; else null.
 * A paragraph's `A:` line is the answer; without one, the whole paragraph is.
 */
export function answerFromKnowledge(knowledge: string, question: string): string | null {
  const asked = new Set(keywordsOf(question));
  if (asked.size === 0) {
    return null;
  }
  let best: { paragraph: string; score: number } | null = null;
  for (const paragraph of knowledge
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean)) {
    const known = new Set(keywordsOf(paragraph));
    const score = [...asked].filter((word) => known.has(word)).length / asked.size;
    if (score >= KNOWLEDGE_MATCH_THRESHOLD && (best === null || score > best.score)) {
      best = { paragraph, score };
    }
  }
  return best === null ? null : answerPart(best.paragraph);
}

function answerPart(paragraph: string): string {
  const match = /^\s*a\s*:\s*([\s\S]*)$/im.exec(paragraph);
  return (match?.[1] ?? paragraph).trim();
}

function words(text: string): string[] {
  return normalizeText(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/** Content words, crudely stemmed so "opening"/"open" and "hours"/"hour" meet. */
function keywordsOf(text: string): string[] {
  return words(text)
    .filter((word) => !STOP_WORDS.has(word) && !/^[qa]$/.test(word))
    .map((word) => word.replace(/(ing|ed|es|s)$/, (suffix) => (word.length - suffix.length >= 3 ? '' : suffix)));
}
