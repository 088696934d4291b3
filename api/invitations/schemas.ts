import { z } from 'zod';
import { emailSchema, passwordSchema, personNameSchema } from '../auth/schemas.ts';
import { dateTimeSchema, idParamSchema, pageSchema } from '../common/schemas.ts';

export const invitationSchema = z.object({
  id: z.uuid(),
  email: z.string(),
  role: z.object({ id: z.uuid(), name: z.string() }),
  status: z.enum(['pending', 'accepted', 'revoked', 'expired']),
  expiresAt: dateTimeSchema,
  createdAt: dateTimeSchema,
});
export type Invitation = z.infer<typeof invitationSchema>;
export const invitationPageSchema = pageSchema(invitationSchema);
export const invitationParamsSchema = idParamSchema('invitationId');

/** The creation response also carries the link, for inviters who share it another way. */
export const createdInvitationSchema = invitationSchema.extend({ inviteUrl: z.url() });
export type CreatedInvitation = z.infer<typeof createdInvitationSchema>;

export const createInvitationInputSchema = z.object({ email: emailSchema, roleId: z.uuid('is not a valid role id') });
export type CreateInvitationInput = z.infer<typeof createInvitationInputSchema>;

const invitationTokenSchema = z
  .string()
  .min(20, 'is not a valid invitation link')
  .max(100, 'is not a valid invitation link');

export const invitationTokenInputSchema = z.object({ token: invitationTokenSchema });

export const invitationPreviewSchema = z.object({
  workspaceName: z.string(),
  email: z.string(),
  roleName: z.string(),
  expiresAt: dateTimeSchema,
  accountExists: z.boolean(),
});
export type InvitationPreview = z.infer<typeof invitationPreviewSchema>;

/** New users give a name and choose a password; existing users confirm theirs. */
export const acceptInvitationInputSchema = z.object({
  token: invitationTokenSchema,
  name: personNameSchema.optional(),
  password: passwordSchema.or(z.string().min(1).max(200)),
});
export type AcceptInvitationInput = z.infer<typeof acceptInvitationInputSchema>;
