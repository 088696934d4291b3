// The program format on its own, without the schemas: the interpreter imports it, and Temporal
// evaluates a workflow's imports for every new session, so building every node schema there
// would cost each session start (docs/benchmarks.md).

/** Bumped only when the interpreter must run programs differently; it branches on this. */
export const PROGRAM_FORMAT = 1 as const;
