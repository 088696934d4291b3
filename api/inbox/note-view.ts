// Notes as the API returns them: author and mentioned members with their names.
import type { TenantDb } from '#db/tenant-db';
import type { Note } from './schemas.ts';

export const noteSelect = {
  id: true,
  conversationId: true,
  body: true,
  authorUserId: true,
  mentionedUserIds: true,
  pinnedAt: true,
  createdAt: true,
} as const;

type NoteRow = {
  id: string;
  conversationId: string;
  body: string;
  authorUserId: string | null;
  mentionedUserIds: string[];
  pinnedAt: Date | null;
  createdAt: Date;
};

/** The notes with the names of everyone they name, in one lookup of the members. */
export async function toNotes(db: TenantDb, rows: NoteRow[]): Promise<Note[]> {
  const names = await memberNames(
    db,
    rows.flatMap((row) => [row.authorUserId ?? [], ...row.mentionedUserIds].flat()),
  );
  const ref = (userId: string) => ({ userId, name: names.get(userId) ?? 'Former member' });
  return rows.map((row) => ({
    id: row.id,
    conversationId: row.conversationId,
    body: row.body,
    author: row.authorUserId ? ref(row.authorUserId) : null,
    mentions: row.mentionedUserIds.map(ref),
    pinnedAt: row.pinnedAt,
    createdAt: row.createdAt,
  }));
}

export async function memberNames(db: TenantDb, userIds: string[]): Promise<Map<string, string>> {
  const unique = [...new Set(userIds)];
  if (unique.length === 0) {
    return new Map();
  }
  const members = await db.membership.findMany({
    where: { userId: { in: unique } },
    select: { userId: true, user: { select: { name: true } } },
  });
  return new Map(members.map((m) => [m.userId, m.user.name]));
}
