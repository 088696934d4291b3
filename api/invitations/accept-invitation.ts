// The invitee's side: see what the link is for, then join (creating an account, or proving an
// existing one with its password) and land signed in to the new workspace.
import { createTenantDb } from '#db/tenant-db';
import { sha256 } from '#lib/tokens';
import type { PublicContext } from '../context.ts';
import { AppError } from '../errors.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { finishLogin } from '../auth/login.ts';
import { hashPassword, verifyPassword } from '../auth/passwords.ts';
import { passwordSchema, type Session } from '../auth/schemas.ts';
import type { AcceptInvitationInput, InvitationPreview } from './schemas.ts';

export async function previewInvitation(token: string, ctx: PublicContext): Promise<InvitationPreview> {
  const invitation = await findUsableInvitation(ctx, token);
  const account = await ctx.deps.prisma.user.findUnique({ where: { email: invitation.email }, select: { id: true } });
  return {
    workspaceName: invitation.tenant.name,
    email: invitation.email,
    roleName: invitation.role.name,
    expiresAt: invitation.expiresAt,
    accountExists: account !== null,
  };
}

export async function acceptInvitation(input: AcceptInvitationInput, ctx: PublicContext): Promise<Session> {
  const { deps } = ctx;
  const invitation = await findUsableInvitation(ctx, input.token);
  const userId = await resolveInvitee(ctx, invitation.email, input);
  const claimed = await deps.prisma.invitation.updateMany({
    where: { id: invitation.id, acceptedAt: null, revokedAt: null },
    data: { acceptedAt: new Date() },
  });
  if (claimed.count === 0) {
    throw AppError.field('token', 'has already been used', 'CONFLICT');
  }
  const db = createTenantDb(deps.prisma, invitation.tenantId);
  await db.membership.upsert({
    where: { tenantId_userId: { tenantId: invitation.tenantId, userId } },
    create: { tenantId: invitation.tenantId, userId, roleId: invitation.roleId },
    update: {},
  });
  await recordAudit(db, { userId, label: invitation.email }, ctx.meta, {
    action: 'member.joined',
    targetType: 'user',
    targetId: userId,
    metadata: { email: invitation.email, role: invitation.role.name },
  });
  return finishLogin(ctx, userId, invitation.tenantId, 'invitation');
}

async function resolveInvitee(ctx: PublicContext, email: string, input: AcceptInvitationInput): Promise<string> {
  const existing = await ctx.deps.prisma.user.findUnique({
    where: { email },
    select: { id: true, passwordHash: true },
  });
  if (existing) {
    if (!(await verifyPassword(existing.passwordHash, input.password))) {
      throw AppError.field('password', `is not the password of the existing account ${email}`, 'INVALID_CREDENTIALS');
    }
    return existing.id;
  }
  if (!input.name) {
    throw AppError.field('name', 'is required to create your account');
  }
  const password = passwordSchema.safeParse(input.password);
  if (!password.success) {
    throw AppError.field('password', password.error.issues[0]?.message ?? 'is too weak');
  }
  const user = await ctx.deps.prisma.user.create({
    data: { email, name: input.name, passwordHash: await hashPassword(password.data) },
    select: { id: true },
  });
  return user.id;
}

async function findUsableInvitation(ctx: PublicContext, token: string) {
  const invitation = await ctx.deps.prisma.invitation.findUnique({
    where: { tokenHash: sha256(token) },
    select: {
      id: true,
      tenantId: true,
      email: true,
      roleId: true,
      expiresAt: true,
      acceptedAt: true,
      revokedAt: true,
      role: { select: { name: true } },
      tenant: { select: { name: true, status: true } },
    },
  });
  if (!invitation || invitation.revokedAt || invitation.tenant.status !== 'active') {
    throw AppError.field('token', 'is not a valid invitation link', 'NOT_FOUND');
  }
  if (invitation.acceptedAt) {
    throw AppError.field('token', 'has already been used: sign in instead', 'CONFLICT');
  }
  if (invitation.expiresAt < new Date()) {
    throw AppError.field('token', 'has expired: ask for a new invitation', 'CONFLICT');
  }
  return invitation;
}
