// Workflow starts that the process's own worker may run at once. A client sharing the worker's
// native connection (scripts/lib/platform.ts) can ask for an eager start: the server returns the
// run's first workflow task with the start, and the worker runs it without waiting for a poll.
// That skips a trip through the server's task queue for every new session, where queues formed
// under load (docs/benchmarks.md). Any other client must not ask: the SDK refuses the option.
import { InternalConnectionLikeSymbol, type Client, type InternalConnectionLike } from '@temporalio/client';

export function eagerStartOption(client: Client): { requestEagerStart?: true } {
  const connection = client.connection as InternalConnectionLike;
  return connection[InternalConnectionLikeSymbol]?.supportsEagerStart ? { requestEagerStart: true } : {};
}
