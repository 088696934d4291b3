import type { Role } from '#api/roles/schemas';

/** The least powerful sensible default for a new invitee or key: Agent when it can be granted. */
export function defaultRoleId(roles: Role[]): string {
  return (roles.find((r) => r.name === 'Agent') ?? roles.at(-1))?.id ?? '';
}
