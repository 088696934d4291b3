// GDPR access: everything the workspace holds about one contact, as one JSON document. The
// contact, its custom fields (with their definitions), tags, groups, conversations with their
// messages, notes, tags and assignment history, flow sessions with their steps, scheduled
// messages and the metadata of media files exchanged.
import type { TenantContext } from '../context.ts';
import { loadFieldDefinitions } from './contact-fields.ts';
import { fieldsOf, getVisibleContactRow, toContactView } from './contact-view.ts';

export async function exportContactData(
  contactId: string,
  ctx: TenantContext,
): Promise<{ filename: string; content: string }> {
  const { row, visibility } = await getVisibleContactRow(contactId, ctx);
  const db = ctx.db;
  const conversations = await db.conversation.findMany({ where: { contactId }, orderBy: { createdAt: 'asc' } });
  const conversationIds = conversations.map((conversation) => conversation.id);
  const inConversations = { conversationId: { in: conversationIds } };
  const [messages, notes, conversationTags, assignments, scheduledMessages, sessions, definitions] = await Promise.all([
    db.message.findMany({ where: { contactId }, orderBy: { createdAt: 'asc' } }),
    db.conversationNote.findMany({ where: inConversations, orderBy: { createdAt: 'asc' } }),
    db.conversationTag.findMany({ where: inConversations, select: { conversationId: true, tag: true } }),
    db.conversationAssignment.findMany({ where: inConversations, orderBy: { createdAt: 'asc' } }),
    db.scheduledMessage.findMany({ where: inConversations, orderBy: { createdAt: 'asc' } }),
    db.flowSession.findMany({ where: { contactId }, orderBy: { startedAt: 'asc' } }),
    loadFieldDefinitions(db),
  ]);
  const mediaIds = [...new Set(messages.map((message) => message.mediaId).filter((id): id is string => id !== null))];
  const [media, steps] = await Promise.all([
    db.media.findMany({
      where: { id: { in: mediaIds } },
      select: {
        id: true,
        mimeType: true,
        sizeBytes: true,
        filename: true,
        sha256: true,
        status: true,
        createdAt: true,
      },
    }),
    db.flowStepEvent.findMany({
      where: { sessionId: { in: sessions.map((session) => session.id) } },
      orderBy: [{ sessionId: 'asc' }, { seq: 'asc' }],
    }),
  ]);
  const fields = fieldsOf(row.fields);
  const document = {
    exportedAt: new Date().toISOString(),
    contact: toContactView(row, visibility),
    customFields: Object.entries(fields).map(([key, value]) => {
      const definition = definitions.find((field) => field.key === key);
      return { key, label: definition?.label ?? null, type: definition?.type ?? null, value };
    }),
    tags: row.tags,
    groups: row.groups.map((member) => member.group),
    conversations: conversations.map((conversation) => ({
      ...conversation,
      tags: conversationTags.filter((t) => t.conversationId === conversation.id).map((t) => t.tag.name),
      assignments: assignments.filter((a) => a.conversationId === conversation.id),
    })),
    messages,
    notes,
    flowSessions: sessions.map((session) => ({ ...session, steps: steps.filter((s) => s.sessionId === session.id) })),
    scheduledMessages,
    media,
  };
  return { filename: `contact-${contactId}.json`, content: JSON.stringify(document, null, 2) };
}
