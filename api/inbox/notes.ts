// Internal notes on a conversation: agents only, never sent to the customer. @mentioned members
// are notified (the author never notifies themselves) and open inboxes get `note.created`.
import type { TenantContext } from '../context.ts';
import { AppError } from '../errors.ts';
import { pageArgs, toPage } from '../http/pagination.ts';
import type { PageQuery } from '../common/schemas.ts';
import { notifyUsers } from '../notifications/notify-members.ts';
import { actorOf } from './actor.ts';
import { findConversationRef, publishUpdated } from './conversation-access.ts';
import { callerUserId } from './conversation-scope.ts';
import { noteSelect, toNotes } from './note-view.ts';
import type { CreateNoteInput, Note, UpdateNoteInput } from './schemas.ts';

export async function listNotes(conversationId: string, query: PageQuery, ctx: TenantContext) {
  await findConversationRef(ctx, conversationId);
  const rows = await ctx.db.conversationNote.findMany({
    ...pageArgs(query),
    where: { conversationId },
    select: noteSelect,
  });
  const page = toPage(rows, query, (row) => row);
  return { items: await toNotes(ctx.db, page.items), nextCursor: page.nextCursor };
}

export async function createNote(conversationId: string, input: CreateNoteInput, ctx: TenantContext): Promise<Note> {
  const conversation = await findConversationRef(ctx, conversationId);
  const mentioned = [...new Set(input.mentionedUserIds)];
  const members = await ctx.db.membership.findMany({ where: { userId: { in: mentioned } }, select: { userId: true } });
  const known = new Set(members.map((m) => m.userId));
  const missing = input.mentionedUserIds.findIndex((id) => !known.has(id));
  if (missing >= 0) {
    throw AppError.field(`mentionedUserIds.${missing}`, 'is not a member of this workspace', 'NOT_FOUND');
  }
  const authorUserId = callerUserId(ctx);
  const row = await ctx.db.conversationNote.create({
    data: {
      tenantId: ctx.db.tenantId,
      conversationId,
      authorUserId,
      body: input.body,
      mentionedUserIds: mentioned,
      pinnedAt: input.pinned ? new Date() : null,
    },
    select: noteSelect,
  });
  const [note] = await toNotes(ctx.db, [row]);
  const toNotify = mentioned.filter((userId) => userId !== authorUserId);
  if (toNotify.length > 0) {
    const actor = await actorOf(ctx);
    await notifyUsers(ctx.db, ctx.services.realtime, toNotify, {
      kind: 'note.mentioned',
      title: `${actor.label} mentioned you in a note`,
      body: input.body.slice(0, 200),
      link: `/inbox/${conversationId}`,
    });
  }
  ctx.services.realtime.publish(ctx.db.tenantId, 'note.created', {
    noteId: row.id,
    conversationId,
    channelId: conversation.channelId,
    mentionedUserIds: mentioned,
  });
  publishUpdated(ctx, conversation, ['notes']);
  return note!;
}

/** Pins or unpins a note (pinned notes show at the top of the conversation). */
export async function updateNote(
  conversationId: string,
  noteId: string,
  input: UpdateNoteInput,
  ctx: TenantContext,
): Promise<Note> {
  const conversation = await findConversationRef(ctx, conversationId);
  const existing = await ctx.db.conversationNote.findFirst({
    where: { id: noteId, conversationId },
    select: { pinnedAt: true },
  });
  if (!existing) {
    throw AppError.notFound('Note');
  }
  const pinnedAt = input.pinned ? (existing.pinnedAt ?? new Date()) : null;
  const row = await ctx.db.conversationNote.update({ where: { id: noteId }, data: { pinnedAt }, select: noteSelect });
  if ((existing.pinnedAt === null) !== (pinnedAt === null)) {
    publishUpdated(ctx, conversation, ['notes']);
  }
  const [note] = await toNotes(ctx.db, [row]);
  return note!;
}
