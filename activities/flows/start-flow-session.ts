// Creates the FlowSession row (idempotent by sessionId: a retried activity or a replayed start
// finds it) and loads what the session's templates read: the contact, the conversation and the
// workspace's timezone and opening hours. Loaded once, so the workflow never reads the database.
import { ApplicationFailure } from '@temporalio/activity';
import { createTenantDb } from '#db/tenant-db';
import type { SessionContext, TriggerType } from '#workflows/flow-session/state';
import type { ActivityDeps } from '../deps.ts';
import { contactScope, contactScopeSelect } from './contact-scope.ts';

export type StartFlowSessionInput = {
  tenantId: string;
  sessionId: string;
  flowId: string;
  flowVersion: number;
  channelId: string;
  contactId: string;
  workflowId: string;
  triggerType: TriggerType;
  isTest: boolean;
};

export function createStartFlowSessionActivity(deps: ActivityDeps) {
  return async function startFlowSession(input: StartFlowSessionInput): Promise<SessionContext> {
    const db = createTenantDb(deps.prisma, input.tenantId);
    const contact = await db.contact.findUnique({ where: { id: input.contactId }, select: contactScopeSelect });
    if (!contact) {
      throw ApplicationFailure.nonRetryable(`Contact ${input.contactId} does not exist`, 'NotFound');
    }
    // A flow can greet a contact who never wrote on this channel: the conversation is created.
    const conversation = await db.conversation.upsert({
      where: { channelId_contactId: { channelId: input.channelId, contactId: input.contactId } },
      create: {
        tenantId: input.tenantId,
        channelId: input.channelId,
        contactId: input.contactId,
        lastMessageAt: new Date(),
      },
      update: {},
      select: { id: true },
    });
    const settings = await db.settings.findUnique({
      where: { tenantId: input.tenantId },
      select: { timezone: true, businessHours: true },
    });
    await db.transaction(async (tx) => {
      const flow = await tx.flow.count({ where: { id: input.flowId, tenantId: input.tenantId } });
      if (flow === 0) {
        throw ApplicationFailure.nonRetryable(`Flow ${input.flowId} does not exist`, 'NotFound');
      }
      const version =
        input.flowVersion > 0
          ? await tx.flowVersion.findUnique({
              where: { flowId_version: { flowId: input.flowId, version: input.flowVersion } },
              select: { id: true },
            })
          : null;
      await tx.flowSession.upsert({
        where: { id: input.sessionId },
        create: {
          id: input.sessionId,
          tenantId: input.tenantId,
          flowId: input.flowId,
          flowVersionId: version?.id ?? null,
          channelId: input.channelId,
          contactId: input.contactId,
          workflowId: input.workflowId,
          triggerType: input.triggerType,
          isTest: input.isTest,
          status: 'running',
        },
        update: {},
      });
    });
    return {
      contact: contactScope(contact),
      conversationId: conversation.id,
      timezone: settings?.timezone ?? 'UTC',
      businessHours: settings?.businessHours ?? null,
    };
  };
}
