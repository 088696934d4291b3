// Ends the session on purpose (an output without an edge ends it too, with a warning).
import { z } from 'zod';

export const endDataSchema = z.object({});
export type EndData = z.output<typeof endDataSchema>;
