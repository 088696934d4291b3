// Sign-up, login, sessions, workspaces and two-factor authentication.
import {
  loginResultSchema,
  recoveryCodesSchema,
  sessionSchema,
  totpEnrollmentSchema,
  type LoginInput,
  type SignUpInput,
} from '#api/auth/schemas';
import { invitationPreviewSchema, type AcceptInvitationInput } from '#api/invitations/schemas';
import { apiRequest } from './client.ts';

export const signUp = (body: SignUpInput) =>
  apiRequest('/api/auth/signup', { method: 'POST', body, schema: sessionSchema, auth: false });

export const logIn = (body: LoginInput) =>
  apiRequest('/api/auth/login', { method: 'POST', body, schema: loginResultSchema, auth: false });

export const logInWithCode = (mfaToken: string, code: string) =>
  apiRequest('/api/auth/login/mfa', { method: 'POST', body: { mfaToken, code }, schema: sessionSchema, auth: false });

export const logOut = () => apiRequest('/api/auth/logout', { method: 'POST', auth: false });

export const fetchSession = () => apiRequest('/api/auth/session', { schema: sessionSchema });

export const switchTenant = (tenantId: string) =>
  apiRequest('/api/auth/switch-tenant', { method: 'POST', body: { tenantId }, schema: sessionSchema });

export const createWorkspace = (name: string) =>
  apiRequest('/api/workspaces', { method: 'POST', body: { name }, schema: sessionSchema });

export const startTotpEnrollment = () =>
  apiRequest('/api/auth/2fa/enrollment', { method: 'POST', schema: totpEnrollmentSchema });

export const confirmTotpEnrollment = (code: string) =>
  apiRequest('/api/auth/2fa/enrollment/confirm', { method: 'POST', body: { code }, schema: recoveryCodesSchema });

export const regenerateRecoveryCodes = (code: string) =>
  apiRequest('/api/auth/2fa/recovery-codes', { method: 'POST', body: { code }, schema: recoveryCodesSchema });

export const disableTotp = (password: string, code: string) =>
  apiRequest('/api/auth/2fa/disable', { method: 'POST', body: { password, code } });

export const previewInvitation = (token: string) =>
  apiRequest('/api/invitations/preview', {
    method: 'POST',
    body: { token },
    schema: invitationPreviewSchema,
    auth: false,
  });

export const acceptInvitation = (body: AcceptInvitationInput) =>
  apiRequest('/api/invitations/accept', { method: 'POST', body, schema: sessionSchema, auth: false });
