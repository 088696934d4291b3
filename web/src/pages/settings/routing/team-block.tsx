import { useState } from 'react';
import type { AgentStatus } from '#api/routing/schemas';
import { TEAM_ASSIGNMENTS, type Team, type TeamAssignment } from '#api/teams/schemas';
import {
  addTeamMember,
  deleteTeam,
  removeTeamMember,
  setTeamMemberSkills,
  updateTeam,
} from '../../../api/routing-api.ts';
import { Button } from '../../../components/button.tsx';
import { parseSkills, useRoutingAction } from './use-routing-action.ts';

export const ASSIGNMENT_LABELS: Record<TeamAssignment, string> = {
  round_robin: 'Round-robin',
  least_loaded: 'Least loaded',
  manual: 'Manual (queue only)',
};

export function TeamBlock({ team, people, canManage }: { team: Team; people: AgentStatus[]; canManage: boolean }) {
  const update = useRoutingAction((body: Parameters<typeof updateTeam>[1]) => updateTeam(team.id, body), 'Team saved');
  const remove = useRoutingAction(() => deleteTeam(team.id), `Team ${team.name} deleted`);
  const add = useRoutingAction((userId: string) => addTeamMember(team.id, userId, []), 'Member added');
  const outsiders = people.filter((person) => !team.members.some((m) => m.userId === person.userId));
  return (
    <section aria-label={`Team ${team.name}`} className="card">
      <header className="card-header">
        <h3 className="card-title">{team.name}</h3>
        {canManage && (
          <div className="card-actions form-row">
            <select
              className="input select input-sm"
              aria-label={`How ${team.name} assigns`}
              value={team.assignment}
              onChange={(event) => update.mutate({ assignment: event.target.value as TeamAssignment })}
            >
              {TEAM_ASSIGNMENTS.map((a) => (
                <option key={a} value={a}>
                  {ASSIGNMENT_LABELS[a]}
                </option>
              ))}
            </select>
            <SkillsInput
              label={`Skills every ${team.name} conversation needs`}
              skills={team.requiredSkills}
              onSave={(requiredSkills) => update.mutate({ requiredSkills })}
            />
            <Button
              size="sm"
              variant="ghost"
              onClick={() => remove.mutate(undefined)}
              aria-label={`Delete ${team.name}`}
            >
              Delete
            </Button>
          </div>
        )}
      </header>
      <div className="table-wrap">
        <table className="table">
          <thead>
            <tr>
              <th scope="col">Member</th>
              <th scope="col">Skills</th>
              <th scope="col">Last assigned</th>
              {canManage && (
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {team.members.map((member) => (
              <MemberRow key={member.userId} teamId={team.id} member={member} canManage={canManage} />
            ))}
          </tbody>
        </table>
      </div>
      {canManage && outsiders.length > 0 && (
        <div className="card-body">
          <select
            className="input select input-sm"
            aria-label={`Add a member to ${team.name}`}
            value=""
            onChange={(event) => event.target.value && add.mutate(event.target.value)}
          >
            <option value="">Add a member…</option>
            {outsiders.map((person) => (
              <option key={person.userId} value={person.userId}>
                {person.name}
              </option>
            ))}
          </select>
        </div>
      )}
    </section>
  );
}

function MemberRow({
  teamId,
  member,
  canManage,
}: {
  teamId: string;
  member: Team['members'][number];
  canManage: boolean;
}) {
  const skills = useRoutingAction((next: string[]) => setTeamMemberSkills(teamId, member.userId, next), 'Skills saved');
  const remove = useRoutingAction(
    () => removeTeamMember(teamId, member.userId),
    `${member.name} removed from the team`,
  );
  return (
    <tr>
      <td className="cell-strong">{member.name}</td>
      <td>
        {canManage ? (
          <SkillsInput
            label={`Skills of ${member.name}`}
            skills={member.skills}
            onSave={(next) => skills.mutate(next)}
          />
        ) : (
          member.skills.join(', ') || '—'
        )}
      </td>
      <td className="cell-muted">{member.lastAssignedAt ? member.lastAssignedAt.toLocaleString() : 'Never'}</td>
      {canManage && (
        <td className="cell-actions">
          <Button
            size="sm"
            variant="ghost"
            aria-label={`Remove ${member.name}`}
            onClick={() => remove.mutate(undefined)}
          >
            Remove
          </Button>
        </td>
      )}
    </tr>
  );
}

/** Comma-separated skills, saved when the field is left (only if they changed). */
export function SkillsInput({
  label,
  skills,
  onSave,
}: {
  label: string;
  skills: string[];
  onSave: (skills: string[]) => void;
}) {
  const [text, setText] = useState(skills.join(', '));
  return (
    <input
      className="input input-sm"
      aria-label={label}
      placeholder="skills, comma-separated"
      value={text}
      onChange={(event) => setText(event.target.value)}
      onBlur={() => {
        const next = parseSkills(text);
        if (next.join(',') !== skills.join(',')) {
          onSave(next);
        }
      }}
    />
  );
}
