import { useState } from 'react';
import { createTeam, useAgentStatuses, useTeams } from '../../../api/routing-api.ts';
import { Button } from '../../../components/button.tsx';
import { Card } from '../../../components/card.tsx';
import { EmptyState, ErrorState, LoadingState } from '../../../components/states.tsx';
import { TeamBlock } from './team-block.tsx';
import { useRoutingAction } from './use-routing-action.ts';

/** Teams, their strategy and required skills, members and their skills. */
export function TeamsCard({ canManage }: { canManage: boolean }) {
  const teams = useTeams();
  const people = useAgentStatuses();
  const [name, setName] = useState('');
  const create = useRoutingAction(
    (teamName: string) => createTeam({ name: teamName, assignment: 'round_robin', requiredSkills: [] }),
    'Team created',
  );
  return (
    <Card
      title="Teams"
      description="Who receives conversations, how they are shared out, and the skills each member brings."
      actions={
        canManage && (
          <form
            className="form-row"
            onSubmit={(event) => {
              event.preventDefault();
              create.mutate(name.trim(), { onSuccess: () => setName('') });
            }}
          >
            <input
              className="input input-sm"
              aria-label="New team name"
              placeholder="New team name"
              value={name}
              onChange={(event) => setName(event.target.value)}
            />
            <Button
              size="sm"
              variant="primary"
              icon="plus"
              type="submit"
              disabled={!name.trim()}
              isPending={create.isPending}
            >
              Add team
            </Button>
          </form>
        )
      }
    >
      {teams.isPending ? (
        <LoadingState />
      ) : teams.error ? (
        <ErrorState error={teams.error} onRetry={() => void teams.refetch()} />
      ) : teams.data.items.length === 0 ? (
        <EmptyState
          icon="users"
          title="No teams yet"
          description="Create a team, add members, then send a channel to it."
        />
      ) : (
        <div className="form-stack">
          {teams.data.items.map((team) => (
            <TeamBlock key={team.id} team={team} people={people.data?.items ?? []} canManage={canManage} />
          ))}
        </div>
      )}
    </Card>
  );
}
