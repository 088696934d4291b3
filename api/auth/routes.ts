// Sign-up, login (with the 2FA step), session refresh, logout, workspace switching and 2FA setup.
import { publicRoute, userRoute, type Route } from '../http/define-route.ts';
import { completeMfaLogin } from './complete-mfa-login.ts';
import { describeSession } from './describe-session.ts';
import { login } from './login.ts';
import { logout } from './logout.ts';
import { refreshSession } from './refresh-session.ts';
import {
  disableTotpInputSchema,
  loginInputSchema,
  loginMfaInputSchema,
  loginResultSchema,
  recoveryCodesSchema,
  sessionSchema,
  signUpInputSchema,
  switchTenantInputSchema,
  totpCodeInputSchema,
  totpEnrollmentSchema,
} from './schemas.ts';
import { signUp } from './sign-up.ts';
import { switchTenant } from './switch-tenant.ts';
import {
  confirmTotpEnrollment,
  disableTotp,
  regenerateRecoveryCodes,
  startTotpEnrollment,
} from './two-factor/manage-totp.ts';

const tag = 'Authentication';

export const authRoutes: Route[] = [
  publicRoute({
    method: 'post',
    path: '/api/auth/signup',
    tag,
    summary: 'Create an account and its workspace',
    description: 'Answers once the workspace is provisioned, with a session (and the refresh cookie).',
    body: signUpInputSchema,
    response: sessionSchema,
    successStatus: 201,
    example: {
      body: {
        name: 'Ada Lovelace',
        email: 'ada@example.com',
        password: 'correct horse battery',
        workspaceName: 'Acme Support',
      },
    },
    handler: ({ body }, ctx) => signUp(body, ctx),
  }),
  publicRoute({
    method: 'post',
    path: '/api/auth/login',
    tag,
    summary: 'Sign in with e-mail and password',
    description:
      'Users with two-factor authentication get `{ status: "mfa_required", mfaToken }`: finish with /api/auth/login/mfa. Repeated failures are throttled (429 with Retry-After).',
    body: loginInputSchema,
    response: loginResultSchema,
    handler: ({ body }, ctx) => login(body, ctx),
  }),
  publicRoute({
    method: 'post',
    path: '/api/auth/login/mfa',
    tag,
    summary: 'Finish a login with a TOTP or recovery code',
    body: loginMfaInputSchema,
    response: sessionSchema,
    handler: ({ body }, ctx) => completeMfaLogin(body, ctx),
  }),
  publicRoute({
    method: 'post',
    path: '/api/auth/refresh',
    tag,
    summary: 'Rotate the refresh cookie and get a new access token',
    response: sessionSchema,
    handler: (_input, ctx) => refreshSession(ctx),
  }),
  publicRoute({
    method: 'post',
    path: '/api/auth/logout',
    tag,
    summary: 'End the session of the refresh cookie',
    handler: (_input, ctx) => logout(ctx),
  }),
  userRoute({
    method: 'get',
    path: '/api/auth/session',
    tag,
    summary: 'The signed-in user, the current workspace and the workspaces to switch to',
    response: sessionSchema,
    handler: (_input, { deps, principal }) => describeSession(deps, principal),
  }),
  userRoute({
    method: 'post',
    path: '/api/auth/switch-tenant',
    tag,
    summary: 'Switch the session to another workspace',
    body: switchTenantInputSchema,
    response: sessionSchema,
    handler: ({ body }, ctx) => switchTenant(body.tenantId, ctx),
  }),
  userRoute({
    method: 'post',
    path: '/api/auth/2fa/enrollment',
    tag,
    summary: 'Start TOTP enrolment: a secret and a QR code for an authenticator app',
    response: totpEnrollmentSchema,
    handler: (_input, ctx) => startTotpEnrollment(ctx),
  }),
  userRoute({
    method: 'post',
    path: '/api/auth/2fa/enrollment/confirm',
    tag,
    summary: 'Confirm enrolment with a first code; returns single-use recovery codes (shown once)',
    body: totpCodeInputSchema,
    response: recoveryCodesSchema,
    handler: ({ body }, ctx) => confirmTotpEnrollment(body.code, ctx),
  }),
  userRoute({
    method: 'post',
    path: '/api/auth/2fa/recovery-codes',
    tag,
    summary: 'Replace the recovery codes (needs a current code)',
    body: totpCodeInputSchema,
    response: recoveryCodesSchema,
    handler: ({ body }, ctx) => regenerateRecoveryCodes(body.code, ctx),
  }),
  userRoute({
    method: 'post',
    path: '/api/auth/2fa/disable',
    tag,
    summary: 'Turn two-factor authentication off (needs the password and a code)',
    body: disableTotpInputSchema,
    handler: ({ body }, ctx) => disableTotp(body, ctx),
  }),
];
