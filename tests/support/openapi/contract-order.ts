// The order the contract test calls operations in, so no call destroys what a later one needs:
// reads and creations first, then changes that could lock the caller out or break the channel,
// then deletions (children before parents), and last the caller's own membership, the channel
// and the session.
import { allRoutes } from '#api/routes';

export type OperationEntry = { method: 'get' | 'post' | 'put' | 'patch' | 'delete'; path: string };

/** Late: they may turn on 2FA, demote the owner, replace the channel's credentials or erase data. */
const LATE = [
  'patch /api/channels/{channelId}',
  'patch /api/members/{memberId}',
  'post /api/contacts/{contactId}/erase',
  'post /api/auth/2fa/enrollment',
  'post /api/auth/2fa/enrollment/confirm',
  'post /api/auth/2fa/recovery-codes',
  'post /api/auth/2fa/disable',
];
/** Last of all, in this order. */
const FINAL = [
  'patch /api/workspace',
  'delete /api/members/{memberId}',
  'delete /api/api-keys/{apiKeyId}',
  'delete /api/channels/{channelId}',
  'post /api/auth/logout',
];

export function contractOrder(): OperationEntry[] {
  const entries = allRoutes.map((r) => ({ method: r.spec.method, path: r.spec.path.replace(/:(\w+)/g, '{$1}') }));
  const rank = (e: OperationEntry): number => {
    const label = `${e.method} ${e.path}`;
    if (FINAL.includes(label)) {
      return 3 + FINAL.indexOf(label) / 10;
    }
    if (e.method === 'delete') {
      // Deeper paths first: a table's rows before the table, a team's members before the team.
      return 2 + (1 - e.path.split('/').length / 100);
    }
    return LATE.includes(label) ? 1 : 0;
  };
  // A stable sort: within a phase, the route table's order (creations before their sub-resources).
  return entries
    .map((e, i) => ({ e, i }))
    .sort((x, y) => rank(x.e) - rank(y.e) || x.i - y.i)
    .map(({ e }) => e);
}
