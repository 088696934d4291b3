// The flow's entry point. It holds nothing: the trigger lives on the document.
import { z } from 'zod';

export const startDataSchema = z.object({});
export type StartData = z.output<typeof startDataSchema>;
