import type { Page } from '../common/schemas.ts';
import type { TenantContext } from '../context.ts';
import { pageArgs, toPage, type PageQuery } from '../http/pagination.ts';
import { isPermission } from '../auth/permissions.ts';
import type { Role } from './schemas.ts';

export const roleSelect = {
  id: true,
  name: true,
  description: true,
  permissions: true,
  isSystem: true,
  createdAt: true,
  _count: { select: { memberships: true } },
} as const;

export async function listRoles(query: PageQuery, ctx: TenantContext): Promise<Page<Role>> {
  const rows = await ctx.db.role.findMany({
    ...pageArgs(query),
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    select: roleSelect,
  });
  return toPage(rows, query, toRole);
}

export function toRole(row: {
  id: string;
  name: string;
  description: string;
  permissions: string[];
  isSystem: boolean;
  createdAt: Date;
  _count: { memberships: number };
}): Role {
  const { _count, ...rest } = row;
  return { ...rest, permissions: row.permissions.filter(isPermission), memberCount: _count.memberships };
}
