import { useState } from 'react';
import { useChannels } from '../../../api/channels-api.ts';
import { createRule, deleteRule, updateRule, useRules, useTeams } from '../../../api/routing-api.ts';
import { Button } from '../../../components/button.tsx';
import { Card } from '../../../components/card.tsx';
import { EmptyState, ErrorState, LoadingState } from '../../../components/states.tsx';
import { useRoutingAction } from './use-routing-action.ts';

/** Channel → team: the first enabled rule matching a new conversation's channel picks its team. */
export function RulesCard({ canManage }: { canManage: boolean }) {
  const rules = useRules();
  const teams = useTeams();
  const channels = useChannels();
  const [channelId, setChannelId] = useState('');
  const [teamId, setTeamId] = useState('');
  const create = useRoutingAction(createRule, 'Rule added');
  const toggle = useRoutingAction((rule: { id: string; isEnabled: boolean }) =>
    updateRule(rule.id, { isEnabled: rule.isEnabled }),
  );
  const remove = useRoutingAction(deleteRule, 'Rule deleted');
  const teamName = teams.data?.items.find((t) => t.id === teamId)?.name;
  const channelName = channels.items.find((c) => c.id === channelId)?.name ?? 'Every channel';
  return (
    <Card
      title="Assignment rules"
      description="New conversations on a channel join a team's queue; the team's strategy picks the agent. The first matching rule wins."
      flush
    >
      {rules.isPending ? (
        <LoadingState />
      ) : rules.error ? (
        <ErrorState error={rules.error} onRetry={() => void rules.refetch()} />
      ) : rules.data.items.length === 0 ? (
        <EmptyState
          icon="list"
          title="No rules"
          description="Without a rule, only conversations handed to a team are routed."
        />
      ) : (
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Rule</th>
                <th scope="col">Channel</th>
                <th scope="col">Team</th>
                <th scope="col">On</th>
                {canManage && (
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {rules.data.items.map((rule) => (
                <tr key={rule.id}>
                  <td className="cell-strong">{rule.name}</td>
                  <td>{rule.channel?.name ?? 'Every channel'}</td>
                  <td>{rule.team.name}</td>
                  <td>
                    <input
                      type="checkbox"
                      role="switch"
                      className="switch"
                      aria-label={`${rule.name} is on`}
                      checked={rule.isEnabled}
                      disabled={!canManage}
                      onChange={(event) => toggle.mutate({ id: rule.id, isEnabled: event.target.checked })}
                    />
                  </td>
                  {canManage && (
                    <td className="cell-actions">
                      <Button
                        size="sm"
                        variant="ghost"
                        aria-label={`Delete ${rule.name}`}
                        onClick={() => remove.mutate(rule.id)}
                      >
                        Delete
                      </Button>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {canManage && (
        <form
          className="card-body form-row"
          onSubmit={(event) => {
            event.preventDefault();
            create.mutate({ name: `${channelName} to ${teamName}`, channelId: channelId || null, teamId });
          }}
        >
          <select
            className="input select input-sm"
            aria-label="Channel"
            value={channelId}
            onChange={(e) => setChannelId(e.target.value)}
          >
            <option value="">Every channel</option>
            {channels.items.map((channel) => (
              <option key={channel.id} value={channel.id}>
                {channel.name}
              </option>
            ))}
          </select>
          <select
            className="input select input-sm"
            aria-label="Team"
            value={teamId}
            onChange={(e) => setTeamId(e.target.value)}
          >
            <option value="">Choose a team…</option>
            {teams.data?.items.map((team) => (
              <option key={team.id} value={team.id}>
                {team.name}
              </option>
            ))}
          </select>
          <Button size="sm" variant="primary" icon="plus" type="submit" disabled={!teamId} isPending={create.isPending}>
            Add rule
          </Button>
        </form>
      )}
    </Card>
  );
}
