// Ends this flow and starts another (its published version) in the same session.
import { z } from 'zod';

export const jumpToFlowDataSchema = z.object({ flowId: z.string().default('') });
export type JumpToFlowData = z.output<typeof jumpToFlowDataSchema>;
