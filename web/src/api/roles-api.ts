import { useQuery } from '@tanstack/react-query';
import { rolePageSchema, roleSchema, type CreateRoleInput, type Role, type UpdateRoleInput } from '#api/roles/schemas';
import { useSession } from '../auth/use-session.ts';
import { apiRequest } from './client.ts';

export const rolesKey = ['roles'];

/** Every role of the workspace: workspaces have a handful, so one page of 100 holds them all. */
export function useRoles() {
  return useQuery({
    queryKey: rolesKey,
    queryFn: () => apiRequest('/api/roles', { query: { limit: 100 }, schema: rolePageSchema }),
    select: (page) => page.items,
  });
}

/** The roles the user may hand out: the server refuses any role with a permission they lack. */
export function useGrantableRoles(): { roles: Role[]; isPending: boolean; error: Error | null } {
  const { tenant } = useSession();
  const query = useRoles();
  const roles = (query.data ?? []).filter((role) => role.permissions.every((p) => tenant.permissions.includes(p)));
  return { roles, isPending: query.isPending, error: query.error };
}

export const createRole = (body: CreateRoleInput) =>
  apiRequest('/api/roles', { method: 'POST', body, schema: roleSchema });

export const updateRole = (roleId: string, body: UpdateRoleInput) =>
  apiRequest(`/api/roles/${roleId}`, { method: 'PATCH', body, schema: roleSchema });

export const deleteRole = (roleId: string) => apiRequest(`/api/roles/${roleId}`, { method: 'DELETE' });
