// The member's own availability for new conversations, in the top bar: online, busy, away or
// offline. Changes apply at once (routing moves conversations accordingly) and show live.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { AGENT_STATUSES, type AgentStatusName } from '#api/routing/schemas';
import { errorMessage } from '../api/api-error.ts';
import { agentStatusesKey, setMyStatus, useAgentStatuses } from '../api/routing-api.ts';
import { useCan, useSession } from '../auth/use-session.ts';
import { useToast } from '../components/toast-context.ts';
import { useActivityHeartbeat } from './use-activity-heartbeat.ts';

const LABELS: Record<AgentStatusName, string> = { online: 'Online', busy: 'Busy', away: 'Away', offline: 'Offline' };
const COLORS: Record<AgentStatusName, string> = {
  online: 'var(--color-success, #16a34a)',
  busy: 'var(--color-danger, #dc2626)',
  away: 'var(--color-warning, #d97706)',
  offline: 'var(--color-muted, #94a3b8)',
};

export function AgentStatusSwitch() {
  const can = useCan();
  const isAgent = can('inbox.view');
  useActivityHeartbeat(isAgent);
  const { user } = useSession();
  const statuses = useAgentStatuses(isAgent);
  const queryClient = useQueryClient();
  const toast = useToast();
  const change = useMutation({
    mutationFn: setMyStatus,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: agentStatusesKey }),
    onError: (error) => toast.show(errorMessage(error), 'error'),
  });
  if (!isAgent || !statuses.data) {
    return null;
  }
  const mine = statuses.data.items.find((item) => item.userId === user.id)?.status ?? 'offline';
  const shown = change.isPending ? change.variables : mine;
  return (
    <span className="inline-select" title="Your availability for new conversations">
      <span
        aria-hidden="true"
        style={{
          display: 'inline-block',
          width: 8,
          height: 8,
          borderRadius: 4,
          marginRight: 6,
          background: COLORS[shown],
        }}
      />
      <select
        className="input select input-sm"
        aria-label="My status"
        value={shown}
        disabled={change.isPending}
        onChange={(event) => change.mutate(event.target.value as AgentStatusName)}
      >
        {AGENT_STATUSES.map((status) => (
          <option key={status} value={status}>
            {LABELS[status]}
          </option>
        ))}
      </select>
    </span>
  );
}
