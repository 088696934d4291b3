// Teams as the API accepts and returns them: members with their skills there, the skills every
// conversation of the team needs, and how routing picks a member (docs/routing.md). Shared with
// web/: imports only zod.
import { z } from 'zod';
import { dateTimeSchema, idParamSchema } from '../common/schemas.ts';

/** round_robin: in turn; least_loaded: fewest open conversations; manual: the queue only, people assign. */
export const TEAM_ASSIGNMENTS = ['round_robin', 'least_loaded', 'manual'] as const;
export type TeamAssignment = (typeof TEAM_ASSIGNMENTS)[number];

export const MAX_SKILLS = 20;

/** A skill: lowercase letters, digits, `-` and `_` (typed in any case; stored lowercase). */
export const skillSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9_-]{0,39}$/, 'must be a word of letters, digits, - or _ (at most 40)');

export const skillListSchema = z
  .array(skillSchema)
  .max(MAX_SKILLS)
  .transform((skills) => [...new Set(skills)]);

export const teamMemberSchema = z.object({
  userId: z.uuid(),
  name: z.string(),
  email: z.string(),
  skills: z.array(z.string()),
  lastAssignedAt: dateTimeSchema.nullable(),
  addedAt: dateTimeSchema,
});
export type TeamMember = z.infer<typeof teamMemberSchema>;

export const teamSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  assignment: z.enum(TEAM_ASSIGNMENTS),
  requiredSkills: z.array(z.string()),
  members: z.array(teamMemberSchema),
  createdAt: dateTimeSchema,
  updatedAt: dateTimeSchema,
});
export type Team = z.infer<typeof teamSchema>;
export const teamListSchema = z.object({ items: z.array(teamSchema) });

const teamNameSchema = z.string().trim().min(1, 'is required').max(60);

export const createTeamInputSchema = z.object({
  name: teamNameSchema,
  assignment: z.enum(TEAM_ASSIGNMENTS).default('round_robin'),
  requiredSkills: skillListSchema.default([]),
});
export type CreateTeamInput = z.output<typeof createTeamInputSchema>;

export const updateTeamInputSchema = z
  .object({
    name: teamNameSchema.optional(),
    assignment: z.enum(TEAM_ASSIGNMENTS).optional(),
    requiredSkills: skillListSchema.optional(),
  })
  .refine((input) => Object.values(input).some((value) => value !== undefined), {
    message: 'give name, assignment or requiredSkills',
    path: ['name'],
  });
export type UpdateTeamInput = z.output<typeof updateTeamInputSchema>;

export const teamParamsSchema = idParamSchema('teamId');
export const teamMemberParamsSchema = teamParamsSchema.extend({ userId: z.uuid('is not a valid id') });

export const addTeamMemberInputSchema = z.object({
  userId: z.uuid('is not a valid id'),
  skills: skillListSchema.default([]),
});
export type AddTeamMemberInput = z.output<typeof addTeamMemberInputSchema>;

export const updateTeamMemberInputSchema = z.object({ skills: skillListSchema });
export type UpdateTeamMemberInput = z.output<typeof updateTeamMemberInputSchema>;
