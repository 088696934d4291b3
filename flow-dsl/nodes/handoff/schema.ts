// Hands the conversation to people: a team, an agent or the shared queue. The session waits until
// an agent hands it back (`returned`) or `waitHours` pass (`timeout`).
import { z } from 'zod';
import { templateText } from '../shared/fields.ts';

export const handoffTargetSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('team'), teamId: z.string().default('') }),
  z.object({ type: z.literal('agent'), userId: z.string().default('') }),
  z.object({ type: z.literal('unassigned') }),
]);
export type HandoffTarget = z.output<typeof handoffTargetSchema>;

export const handoffDataSchema = z.object({
  target: handoffTargetSchema.default(() => ({ type: 'unassigned' as const })),
  /** Sent to the customer when the handoff happens; blank sends nothing. */
  message: templateText,
  waitHours: z.number().min(0.01).max(720).default(24),
});
export type HandoffData = z.output<typeof handoffDataSchema>;
