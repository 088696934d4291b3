// Choosing the member for one conversation: pure, so the strategies are tested by what they pick.
// Eligible: in the team, online, under their maximum, holding every required skill.
// round_robin: the member whose last conversation from this team is oldest (never first, then by
// when they joined the team). least_loaded: fewest open conversations, then as round_robin.
import type { AgentPool, PoolMember, PoolTeam } from './agent-pool.ts';

export function pickAgent(team: PoolTeam, requiredSkills: string[], online: AgentPool['online']): PoolMember | null {
  const eligible = team.members.filter((member) => {
    const agent = online.get(member.userId);
    return agent !== undefined && agent.load < agent.capacity && requiredSkills.every((s) => member.skills.includes(s));
  });
  const byTurn = (a: PoolMember, b: PoolMember) =>
    time(a.lastAssignedAt) - time(b.lastAssignedAt) ||
    a.addedAt.getTime() - b.addedAt.getTime() ||
    a.userId.localeCompare(b.userId);
  const loadOf = (m: PoolMember) => online.get(m.userId)?.load ?? 0;
  const order =
    team.assignment === 'least_loaded'
      ? (a: PoolMember, b: PoolMember) => loadOf(a) - loadOf(b) || byTurn(a, b)
      : byTurn;
  return eligible.sort(order)[0] ?? null;
}

export function requiredSkillsOf(team: PoolTeam, conversationSkills: string[]): string[] {
  return [...new Set([...team.requiredSkills, ...conversationSkills])];
}

export const STRATEGY_LABELS = { round_robin: 'round-robin', least_loaded: 'least-loaded', manual: 'manual' } as const;

function time(date: Date | null): number {
  return date?.getTime() ?? -Infinity;
}
