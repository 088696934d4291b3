// "Send test request" in the HTTP node's inspector: the node's own fields plus values for its
// `{{vars.x}}` templates, and what came back. Shared with web/ (imports only zod and flow-dsl).
import { z } from 'zod';
import { httpRequestDataSchema } from '#flow-dsl/nodes/http_request/schema';
import { variableNameSchema } from '#flow-dsl/variables';

/** The http_request node's data (same method, headers, body, timeout and mapping rules), URL required. */
export const testRequestInputSchema = httpRequestDataSchema.extend({
  /** A template rendered with url escaping, as the node renders it. */
  url: z.string().trim().min(1, 'is required').max(4000),
  /** Values for `{{vars.<name>}}`; other templates (contact, last_input, http) render as empty. */
  variables: z.record(variableNameSchema, z.unknown()).default({}),
});
export type TestRequestInput = z.infer<typeof testRequestInputSchema>;

const durationMs = z.number().int().min(0);

export const testRequestResultSchema = z.discriminatedUnion('ok', [
  z.object({
    /** The server answered, with any status: a session takes `success` for 2xx, else `failure`. */
    ok: z.literal(true),
    status: z.number().int(),
    durationMs,
    /** Parsed JSON, else the text; null when empty or over 64 KB (what `{{http.body}}` would hold). */
    body: z.unknown(),
    /** Each mapping's variable and the value at its path (null: nothing there). */
    mapped: z.record(z.string(), z.unknown()),
  }),
  z.object({
    /** No answer: timeout, DNS, refused connection, or a response over 1 MB. */
    ok: z.literal(false),
    error: z.string(),
    durationMs,
  }),
]);
export type TestRequestResult = z.infer<typeof testRequestResultSchema>;
