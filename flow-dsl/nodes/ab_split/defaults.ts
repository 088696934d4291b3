import type { AbSplitData } from './schema.ts';

export const abSplitDefaults = {
  variants: [
    { id: 'a', label: 'A', weight: 50 },
    { id: 'b', label: 'B', weight: 50 },
  ],
} satisfies AbSplitData;
