// What the builder's canvas overlay shows: how a published version's sessions went, node by node.
// Shared with web/ (imports only zod).
import { z } from 'zod';

export const flowAnalyticsQuerySchema = z.object({
  /** A published version number; default: the flow's active version. */
  version: z.coerce.number().int().min(1).optional(),
});
export type FlowAnalyticsQuery = z.infer<typeof flowAnalyticsQuerySchema>;

const count = z.number().int().min(0);

export const sessionCountsSchema = z.object({
  started: count,
  completed: count,
  /** running, waiting or handed_off. */
  active: count,
  /** timed_out, failed or cancelled. */
  dropped: count,
});
export type SessionCounts = z.infer<typeof sessionCountsSchema>;

export const nodeAnalyticsSchema = z.object({
  nodeId: z.string(),
  nodeType: z.string(),
  /** Step events at the node (a session passing twice counts twice). */
  entered: count,
  /** Those that left it (by any output, or stopped there by a cancel or a failure). */
  exited: count,
  /** Sessions whose last step is this node and that timed out, failed or were cancelled. */
  dropped: count,
  /** Mean time spent in the node by the events that left it, in milliseconds; null: none left. */
  averageMs: z.number().nullable(),
});
export type NodeAnalytics = z.infer<typeof nodeAnalyticsSchema>;

export const flowAnalyticsSchema = z.object({
  /** The version counted; null for a flow never published. */
  version: z.number().int().nullable(),
  sessions: sessionCountsSchema,
  /** Nodes some session reached; the others have no entry. */
  nodes: z.array(nodeAnalyticsSchema),
});
export type FlowAnalytics = z.infer<typeof flowAnalyticsSchema>;
