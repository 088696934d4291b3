// A/B split variants (2–5, weighted) and new AI intents: the other nodes whose options are outputs.
import type { AbSplitData, SplitVariant } from '#flow-dsl/nodes/ab_split/schema';
import type { AiIntentData, Intent } from '#flow-dsl/nodes/ai_intent/schema';
import { newHandleId } from './handle-ids.ts';
import { appendItem, patchItem, removeItem } from './list-ops.ts';

export const MIN_VARIANTS = 2;
export const MAX_VARIANTS = 5;
type Random = () => number;

export function variantsAddBlocker(data: AbSplitData): string | null {
  return data.variants.length >= MAX_VARIANTS ? `A split has at most ${MAX_VARIANTS} paths.` : null;
}

export function variantsRemoveBlocker(data: AbSplitData): string | null {
  return data.variants.length <= MIN_VARIANTS ? `A split needs at least ${MIN_VARIANTS} paths.` : null;
}

/** A new path labelled with the next letter and an equal share of the average weight. */
export function addVariant(data: AbSplitData, random?: Random): AbSplitData {
  const { variants } = data;
  const id = newHandleId(
    'path',
    variants.map((v) => v.id),
    random,
  );
  const label = String.fromCharCode(65 + variants.length);
  const average = variants.length > 0 ? variants.reduce((sum, v) => sum + v.weight, 0) / variants.length : 50;
  const variant: SplitVariant = { id, label, weight: Math.round(average) || 1 };
  return { ...data, variants: appendItem(variants, variant, MAX_VARIANTS) };
}

export function removeVariant(data: AbSplitData, index: number): AbSplitData {
  return variantsRemoveBlocker(data) === null ? { ...data, variants: removeItem(data.variants, index) } : data;
}

export function patchVariant(data: AbSplitData, index: number, patch: Partial<Omit<SplitVariant, 'id'>>) {
  const weight = patch.weight === undefined ? {} : { weight: Math.max(0, patch.weight) };
  return { ...data, variants: patchItem(data.variants, index, { ...patch, ...weight }) };
}

/** Whole-number weights adding up to 100, the remainder on the first paths. */
export function splitEvenly(data: AbSplitData): AbSplitData {
  const count = data.variants.length;
  if (count === 0) {
    return data;
  }
  const base = Math.floor(100 / count);
  const extra = 100 - base * count;
  return { ...data, variants: data.variants.map((v, i) => ({ ...v, weight: base + (i < extra ? 1 : 0) })) };
}

/** Each variant's share in percent, rounded to one decimal; all 0 when the weights add up to 0. */
export function variantShares(variants: readonly SplitVariant[]): number[] {
  const total = variants.reduce((sum, v) => sum + v.weight, 0);
  return variants.map((v) => (total > 0 ? Math.round((v.weight / total) * 1000) / 10 : 0));
}

/** A new intent: a fresh id (its output handle), a name and keywords to fill in. */
export function newIntent(intents: AiIntentData['intents'], random?: Random): Intent {
  return {
    id: newHandleId(
      'intent',
      intents.map((i) => i.id),
      random,
    ),
    name: '',
    keywords: [],
  };
}
