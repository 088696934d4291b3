// Who is in a team and with which skills there. Adding someone (or their skills) can make them
// the agent a waiting conversation needs, so the queue runs after each change.
import type { TenantContext } from '../context.ts';
import { AppError } from '../errors.ts';
import { audit } from '../audit/record-audit.ts';
import { requestRouting } from '../routing/request-routing.ts';
import { getTeam } from './manage-teams.ts';
import type { AddTeamMemberInput, Team } from './schemas.ts';

export async function addTeamMember(teamId: string, input: AddTeamMemberInput, ctx: TenantContext): Promise<Team> {
  const team = await getTeam(teamId, ctx);
  const member = await ctx.db.membership.findFirst({ where: { userId: input.userId }, select: { id: true } });
  if (!member) {
    throw AppError.field('userId', 'is not a member of this workspace', 'NOT_FOUND');
  }
  if (team.members.some((m) => m.userId === input.userId)) {
    throw AppError.field('userId', 'is already in this team', 'CONFLICT');
  }
  await ctx.db.teamMember.create({
    data: { tenantId: ctx.db.tenantId, teamId, userId: input.userId, skills: input.skills },
  });
  await audit(ctx, {
    action: 'team.member_added',
    targetType: 'team',
    targetId: teamId,
    metadata: { userId: input.userId, skills: input.skills },
  });
  await requestRouting(ctx.db, ctx.services);
  return getTeam(teamId, ctx);
}

export async function setMemberSkills(
  teamId: string,
  userId: string,
  skills: string[],
  ctx: TenantContext,
): Promise<Team> {
  await findTeamMember(ctx, teamId, userId);
  await ctx.db.teamMember.update({ where: { teamId_userId: { teamId, userId } }, data: { skills } });
  await audit(ctx, {
    action: 'team.member_skills_changed',
    targetType: 'team',
    targetId: teamId,
    metadata: { userId, skills },
  });
  await requestRouting(ctx.db, ctx.services);
  return getTeam(teamId, ctx);
}

/** Their conversations stay theirs; they just get no more from this team. */
export async function removeTeamMember(teamId: string, userId: string, ctx: TenantContext): Promise<void> {
  await findTeamMember(ctx, teamId, userId);
  await ctx.db.teamMember.delete({ where: { teamId_userId: { teamId, userId } } });
  await audit(ctx, { action: 'team.member_removed', targetType: 'team', targetId: teamId, metadata: { userId } });
}

async function findTeamMember(ctx: TenantContext, teamId: string, userId: string): Promise<void> {
  await getTeam(teamId, ctx); // 404 for another tenant's team before anything else
  const row = await ctx.db.teamMember.findUnique({
    where: { teamId_userId: { teamId, userId } },
    select: { userId: true },
  });
  if (!row) {
    throw AppError.notFound('Team member');
  }
}
