// Deleting a contact erases everything about them (GDPR): conversations, messages, notes, tags,
// assignment history, scheduled messages, flow sessions and their steps, group memberships (all by
// cascade from Contact), the files they sent (rows and bytes in media storage), notifications
// about their conversations, personal data in earlier audit entries, platform events about them
// (with their webhook deliveries), stored idempotent answers and request-log paths naming their
// number or name. Their live flow sessions and scheduled sends are stopped first. One audit entry
// remains: the contact's id and counts, no phone, name or text. Files the business sent (media
// library) are the business's and stay.
import { WorkflowNotFoundError } from '@temporalio/client';
import { Prisma } from '#db/client';
import { mediaKey } from '#lib/media-store';
import { scheduledMessageWorkflowId } from '#workflows/scheduled-message/messages';
import { audit } from '../audit/record-audit.ts';
import type { TenantContext } from '../context.ts';
import { getVisibleContactRow } from './contact-view.ts';
import type { EraseResult } from './schemas.ts';

const LIVE_SESSIONS = ['running', 'waiting', 'handed_off'];

export async function eraseContact(
  contactId: string,
  ctx: TenantContext,
  action: 'contact.deleted' | 'contact.erased',
): Promise<EraseResult> {
  const { row } = await getVisibleContactRow(contactId, ctx);
  const db = ctx.db;
  const conversations = await db.conversation.findMany({ where: { contactId }, select: { id: true } });
  const conversationIds = conversations.map((conversation) => conversation.id);
  await stopWorkflows(contactId, conversationIds, ctx);
  const messages = await db.message.count({ where: { contactId } });
  const media = await ownMedia(contactId, ctx);
  const personal = [row.phone, row.waId, row.name, row.profileName, row.email].filter(
    (value): value is string => !!value && value.length >= 3,
  );
  const personalPatterns = personal.map(likePattern);
  const patterns = [likePattern(contactId), ...personalPatterns];
  const links = conversationIds.map((id) => `/inbox/${id}`);
  await db.transaction(async (tx) => {
    await tx.notification.deleteMany({ where: { tenantId: db.tenantId, link: { in: links } } });
    await tx.$executeRaw`DELETE FROM "Notification" WHERE "tenantId" = ${db.tenantId}::uuid
      AND (title ILIKE ANY(${patterns}::text[]) OR body ILIKE ANY(${patterns}::text[]))`;
    await tx.$executeRaw`UPDATE "AuditLog" SET metadata = '{}'::jsonb,
        "targetId" = CASE WHEN "targetId" = ${contactId} THEN NULL ELSE "targetId" END
      WHERE "tenantId" = ${db.tenantId}::uuid AND ("targetId" = ${contactId} OR metadata::text ILIKE ANY(${patterns}::text[]))`;
    // Platform events about them (their webhook deliveries and attempts go by cascade), answers kept
    // for idempotent retries, and request-log paths that name them (the route pattern stays).
    await tx.$executeRaw`DELETE FROM "TenantEvent" WHERE "tenantId" = ${db.tenantId}::uuid
      AND payload::text ILIKE ANY(${patterns}::text[])`;
    await tx.$executeRaw`DELETE FROM "IdempotencyKey" WHERE "tenantId" = ${db.tenantId}::uuid
      AND "responseBody"::text ILIKE ANY(${patterns}::text[])`;
    await tx.$executeRaw`UPDATE "ApiRequestLog" SET path = route WHERE "tenantId" = ${db.tenantId}::uuid
      AND path ILIKE ANY(${personalPatterns}::text[])`;
    await tx.contact.delete({ where: { id: contactId } });
    await tx.media.deleteMany({ where: { tenantId: db.tenantId, id: { in: media.map((file) => file.id) } } });
  });
  const result = { contactId, conversations: conversationIds.length, messages, mediaFiles: media.length };
  await audit(ctx, { action, targetType: 'contact', targetId: contactId, metadata: { ...result } });
  for (const file of media) {
    await ctx.services.mediaStore.delete(file.storageKey ?? mediaKey(db.tenantId, file.id)).catch((error: unknown) => {
      ctx.services.logger.warn({ err: error, mediaId: file.id }, 'could not delete an erased contact’s media file');
    });
  }
  return result;
}

function likePattern(value: string): string {
  return `%${value.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** Files the contact sent (inbound) that no other contact's message uses. */
async function ownMedia(contactId: string, ctx: TenantContext) {
  return ctx.db.transaction((tx) =>
    tx.$queryRaw<Array<{ id: string; storageKey: string | null }>>(Prisma.sql`
      SELECT DISTINCT md.id, md."storageKey" FROM "Media" md
      JOIN "Message" m ON m."mediaId" = md.id AND m."contactId" = ${contactId}::uuid AND m.direction = 'inbound'
      WHERE md."tenantId" = ${ctx.db.tenantId}::uuid AND NOT EXISTS (
        SELECT 1 FROM "Message" o WHERE o."mediaId" = md.id AND o."contactId" <> ${contactId}::uuid)`),
  );
}

/** Live flow sessions and pending scheduled sends would otherwise write about the contact again. */
async function stopWorkflows(contactId: string, conversationIds: string[], ctx: TenantContext): Promise<void> {
  const [sessions, scheduled] = await Promise.all([
    ctx.db.flowSession.findMany({
      where: { contactId, status: { in: LIVE_SESSIONS } },
      select: { workflowId: true },
    }),
    ctx.db.scheduledMessage.findMany({
      where: { conversationId: { in: conversationIds }, status: 'scheduled' },
      select: { id: true },
    }),
  ]);
  const workflowIds = [
    ...sessions.map((session) => session.workflowId),
    ...scheduled.map((message) => scheduledMessageWorkflowId(message.id)),
  ];
  for (const workflowId of workflowIds) {
    try {
      await ctx.services.temporal.workflow.getHandle(workflowId).terminate('The contact was erased');
    } catch (error) {
      if (!(error instanceof WorkflowNotFoundError)) {
        throw error;
      }
    }
  }
}
