import type { AgentStatusName } from '#api/routing/schemas';
import {
  setMaxConcurrent,
  updateRoutingSettings,
  useAgentStatuses,
  useRoutingSettings,
} from '../../../api/routing-api.ts';
import { Badge, type BadgeTone } from '../../../components/badge.tsx';
import { Card } from '../../../components/card.tsx';
import { ErrorState, LoadingState } from '../../../components/states.tsx';
import { NumberInput } from './number-input.tsx';
import { useRoutingAction } from './use-routing-action.ts';

const TONES: Record<AgentStatusName, BadgeTone> = { online: 'green', busy: 'red', away: 'amber', offline: 'neutral' };

/** Everyone's status and load, each member's maximum of open conversations, and the workspace defaults. */
export function AgentsCard({ canManage }: { canManage: boolean }) {
  const agents = useAgentStatuses();
  const settings = useRoutingSettings();
  const saveSettings = useRoutingAction(updateRoutingSettings, 'Routing settings saved');
  const saveMax = useRoutingAction(
    (input: { userId: string; max: number | null }) => setMaxConcurrent(input.userId, input.max),
    'Maximum saved',
  );
  return (
    <Card
      title="Agents"
      description="Only online agents receive conversations, up to their maximum of open ones."
      flush
    >
      {settings.data && (
        <div className="card-body form-row">
          <label className="field">
            <span className="field-label">Away after inactivity (minutes)</span>
            <NumberInput
              label="Away after inactivity (minutes)"
              value={Math.round(settings.data.autoAwaySeconds / 60)}
              min={1}
              disabled={!canManage}
              onSave={(minutes) => minutes !== null && saveSettings.mutate({ autoAwaySeconds: minutes * 60 })}
            />
          </label>
          <label className="field">
            <span className="field-label">Default maximum of open conversations</span>
            <NumberInput
              label="Default maximum of open conversations"
              value={settings.data.defaultMaxConcurrent}
              min={1}
              disabled={!canManage}
              onSave={(max) => max !== null && saveSettings.mutate({ defaultMaxConcurrent: max })}
            />
          </label>
        </div>
      )}
      {agents.isPending ? (
        <LoadingState />
      ) : agents.error ? (
        <ErrorState error={agents.error} onRetry={() => void agents.refetch()} />
      ) : (
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Member</th>
                <th scope="col">Status</th>
                <th scope="col">Open conversations</th>
                <th scope="col">Maximum</th>
              </tr>
            </thead>
            <tbody>
              {agents.data.items.map((agent) => (
                <tr key={agent.userId}>
                  <td className="cell-strong">{agent.name}</td>
                  <td>
                    <Badge tone={TONES[agent.status]}>{agent.status}</Badge>
                    {agent.isAuto && agent.status !== 'online' && <span className="cell-muted"> (automatic)</span>}
                  </td>
                  <td>{agent.openConversations}</td>
                  <td>
                    <NumberInput
                      label={`Maximum for ${agent.name}`}
                      value={agent.maxConcurrent}
                      placeholder={`Default (${settings.data?.defaultMaxConcurrent ?? 5})`}
                      min={1}
                      disabled={!canManage}
                      onSave={(max) => saveMax.mutate({ userId: agent.userId, max })}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Card>
  );
}
