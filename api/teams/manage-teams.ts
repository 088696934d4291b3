// Teams: list, create, rename or change how routing assigns, delete. Every change is audited;
// a change that can free or add agents runs the waiting queue.
import type { TenantContext } from '../context.ts';
import { AppError } from '../errors.ts';
import { audit } from '../audit/record-audit.ts';
import { requestRouting } from '../routing/request-routing.ts';
import { ensureRoutingSweep } from '../routing/sweep-schedule.ts';
import type { Prisma } from '#db/client';
import type { CreateTeamInput, Team, TeamAssignment, UpdateTeamInput } from './schemas.ts';

export const teamSelect = {
  id: true,
  name: true,
  assignment: true,
  requiredSkills: true,
  createdAt: true,
  updatedAt: true,
  members: {
    orderBy: [{ createdAt: 'asc' as const }, { userId: 'asc' as const }],
    select: {
      userId: true,
      skills: true,
      lastAssignedAt: true,
      createdAt: true,
      membership: { select: { user: { select: { name: true, email: true } } } },
    },
  },
} satisfies Prisma.TeamSelect;

type TeamRow = {
  id: string;
  name: string;
  assignment: string;
  requiredSkills: string[];
  createdAt: Date;
  updatedAt: Date;
  members: Array<{
    userId: string;
    skills: string[];
    lastAssignedAt: Date | null;
    createdAt: Date;
    membership: { user: { name: string; email: string } };
  }>;
};

export async function listTeams(ctx: TenantContext): Promise<{ items: Team[] }> {
  const rows = await ctx.db.team.findMany({ orderBy: [{ name: 'asc' }, { id: 'asc' }], select: teamSelect });
  return { items: rows.map(toTeam) };
}

export async function getTeam(teamId: string, ctx: TenantContext): Promise<Team> {
  const row = await ctx.db.team.findUnique({ where: { id: teamId }, select: teamSelect });
  if (!row) {
    throw AppError.notFound('Team');
  }
  return toTeam(row);
}

export async function createTeam(input: CreateTeamInput, ctx: TenantContext): Promise<Team> {
  await assertNameFree(ctx, input.name);
  await ensureRoutingSweep(ctx.services);
  const row = await ctx.db.team.create({ data: { tenantId: ctx.db.tenantId, ...input }, select: teamSelect });
  await audit(ctx, { action: 'team.created', targetType: 'team', targetId: row.id, metadata: { name: row.name } });
  return toTeam(row);
}

export async function updateTeam(teamId: string, input: UpdateTeamInput, ctx: TenantContext): Promise<Team> {
  const team = await getTeam(teamId, ctx);
  if (input.name !== undefined && input.name.toLowerCase() !== team.name.toLowerCase()) {
    await assertNameFree(ctx, input.name);
  }
  const row = await ctx.db.team.update({ where: { id: teamId }, data: input, select: teamSelect });
  await audit(ctx, { action: 'team.updated', targetType: 'team', targetId: teamId, metadata: { ...input } });
  await requestRouting(ctx.db, ctx.services);
  return toTeam(row);
}

/** Its conversations keep their agents and leave the team (the team's queue empties into the shared one). */
export async function deleteTeam(teamId: string, ctx: TenantContext): Promise<void> {
  const team = await getTeam(teamId, ctx);
  await ctx.db.team.delete({ where: { id: teamId } });
  await audit(ctx, { action: 'team.deleted', targetType: 'team', targetId: teamId, metadata: { name: team.name } });
}

export function toTeam(row: TeamRow): Team {
  return {
    id: row.id,
    name: row.name,
    assignment: row.assignment as TeamAssignment,
    requiredSkills: row.requiredSkills,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    members: row.members.map((m) => ({
      userId: m.userId,
      name: m.membership.user.name,
      email: m.membership.user.email,
      skills: m.skills,
      lastAssignedAt: m.lastAssignedAt,
      addedAt: m.createdAt,
    })),
  };
}

async function assertNameFree(ctx: TenantContext, name: string): Promise<void> {
  const clash = await ctx.db.team.findFirst({
    where: { name: { equals: name, mode: 'insensitive' } },
    select: { id: true },
  });
  if (clash) {
    throw AppError.field('name', `a team named "${name}" already exists`, 'CONFLICT');
  }
}
