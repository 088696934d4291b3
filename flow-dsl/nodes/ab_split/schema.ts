// Sends each session down one of 2–5 variants at random, by weight (split.ts pickVariant).
import { z } from 'zod';
import { handleIdSchema } from '../shared/fields.ts';

export const splitVariantSchema = z.object({
  id: handleIdSchema,
  label: z.string().default(''),
  weight: z.number().min(0).default(1),
});
export type SplitVariant = z.output<typeof splitVariantSchema>;

export const abSplitDataSchema = z.object({ variants: z.array(splitVariantSchema).default(() => []) });
export type AbSplitData = z.output<typeof abSplitDataSchema>;
