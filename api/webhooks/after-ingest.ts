// Follow-up work once a webhook is stored and answered: live updates to the tenant's room, a
// durable download for each new media file, flow routing (a session's next input or a trigger)
// and, for conversations nobody has, assignment routing; and the platform events (ingest-events.ts).
// Failures here are logged, never surfaced to Meta.
import type { AppDeps } from '../context.ts';
import { routeInbound } from '../flows/routing/route-inbound.ts';
import { routedMessagesOf } from '../flows/routing/routed-message.ts';
import { routeAfterIngest } from '../routing/route-after-ingest.ts';
import type { AppliedStatus } from './apply-statuses.ts';
import { emitIngestEvents } from './ingest-events.ts';
import type { StoredInbound } from './store-inbound.ts';

export type IngestResult = { tenantId: string; channelId: string; inbound: StoredInbound[]; statuses: AppliedStatus[] };

export function afterIngest(deps: AppDeps, result: IngestResult): void {
  const { tenantId, channelId } = result;
  emitIngestEvents(deps, result);
  for (const message of result.inbound) {
    deps.realtime.publish(tenantId, 'message.created', {
      messageId: message.messageId,
      conversationId: message.conversationId,
      channelId,
      direction: 'inbound',
      // Known from ingestion already: lets each agent's browser decide on an alert without a fetch.
      assigneeUserId: message.conversation.assigneeUserId,
      conversationIsNew: message.conversation.isNew,
    });
    deps.realtime.publish(tenantId, 'conversation.updated', { conversationId: message.conversationId, channelId });
  }
  for (const status of result.statuses) {
    deps.realtime.publish(tenantId, 'message.updated', {
      messageId: status.messageId,
      conversationId: status.conversationId,
      channelId,
      status: status.status,
    });
  }
  for (const mediaId of new Set(result.inbound.flatMap((m) => (m.mediaId ? [m.mediaId] : [])))) {
    deps.temporal.workflow
      .start('downloadMediaWorkflow', {
        taskQueue: deps.env.TEMPORAL_TASK_QUEUE,
        workflowId: `media-download-${mediaId}`,
        args: [{ tenantId, mediaId }],
      })
      .catch((error: unknown) => {
        // Already started (a redelivered webhook) is fine; anything else leaves the media pending.
        if ((error as { name?: string }).name !== 'WorkflowExecutionAlreadyStartedError') {
          deps.logger.error({ err: error, mediaId }, 'could not start the media download');
        }
      });
  }
  const flowRouting = routeInbound(deps, { tenantId, messages: routedMessagesOf(channelId, result.inbound) });
  routeAfterIngest(deps, tenantId, result.inbound, flowRouting);
}
