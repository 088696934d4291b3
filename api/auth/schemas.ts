// Request and response shapes of sign-up, login, sessions and two-factor authentication,
// shared by the API and the web app.
import { z } from 'zod';
import { ALL_PERMISSIONS } from './permissions.ts';

export const emailSchema = z.string().trim().toLowerCase().pipe(z.email('is not a valid e-mail address').max(254));
export const passwordSchema = z
  .string()
  .min(10, 'must be at least 10 characters')
  .max(200, 'must be at most 200 characters');
export const personNameSchema = z.string().trim().min(1, 'is required').max(100);
export const workspaceNameSchema = z.string().trim().min(2, 'must be at least 2 characters').max(80);
const totpCodeSchema = z
  .string()
  .trim()
  .min(6, 'must be a 6-digit code or a recovery code')
  .max(32, 'must be a 6-digit code or a recovery code');

export const signUpInputSchema = z.object({
  name: personNameSchema,
  email: emailSchema,
  password: passwordSchema,
  workspaceName: workspaceNameSchema,
});
export type SignUpInput = z.infer<typeof signUpInputSchema>;

export const loginInputSchema = z.object({
  email: emailSchema,
  password: z.string().min(1, 'is required').max(200),
  tenantId: z.uuid().optional(),
});
export type LoginInput = z.infer<typeof loginInputSchema>;

export const loginMfaInputSchema = z.object({ mfaToken: z.string().min(1).max(2000), code: totpCodeSchema });
export type LoginMfaInput = z.infer<typeof loginMfaInputSchema>;

export const tenantSummarySchema = z.object({
  id: z.uuid(),
  name: z.string(),
  slug: z.string(),
  role: z.string(),
});
export type TenantSummary = z.infer<typeof tenantSummarySchema>;

export const sessionSchema = z.object({
  status: z.literal('authenticated'),
  accessToken: z.string(),
  expiresInSeconds: z.number().int(),
  user: z.object({ id: z.uuid(), email: z.string(), name: z.string(), totpEnabled: z.boolean() }),
  tenant: tenantSummarySchema.extend({
    permissions: z.array(z.enum(ALL_PERMISSIONS)),
    require2fa: z.boolean(),
  }),
  tenants: z.array(tenantSummarySchema),
  /** The workspace requires 2FA and this user must enrol before doing anything else. */
  mfaEnrollmentRequired: z.boolean(),
});
export type Session = z.infer<typeof sessionSchema>;

export const mfaChallengeSchema = z.object({ status: z.literal('mfa_required'), mfaToken: z.string() });

export const loginResultSchema = z.discriminatedUnion('status', [sessionSchema, mfaChallengeSchema]);
export type LoginResult = z.infer<typeof loginResultSchema>;

export const switchTenantInputSchema = z.object({ tenantId: z.uuid() });

export const createWorkspaceInputSchema = z.object({ name: workspaceNameSchema });

export const totpEnrollmentSchema = z.object({
  secret: z.string(),
  otpauthUrl: z.string(),
  qrCodeDataUrl: z.string(),
});
export type TotpEnrollment = z.infer<typeof totpEnrollmentSchema>;

export const totpCodeInputSchema = z.object({ code: totpCodeSchema });
export const recoveryCodesSchema = z.object({ recoveryCodes: z.array(z.string()) });
export const disableTotpInputSchema = z.object({
  password: z.string().min(1, 'is required').max(200),
  code: totpCodeSchema,
});
