// Invite someone by e-mail: a single-use link valid for 7 days, sent through the mailer (the
// outbox when no SMTP is configured). Inviting the same address again replaces the old link.
import { publicUrl } from '#lib/env';
import { randomToken, sha256 } from '#lib/tokens';
import type { Page } from '../common/schemas.ts';
import type { TenantContext } from '../context.ts';
import { AppError } from '../errors.ts';
import { audit } from '../audit/record-audit.ts';
import { pageArgs, toPage, type PageQuery } from '../http/pagination.ts';
import { findGrantableRole } from '../roles/role-guards.ts';
import type { CreatedInvitation, CreateInvitationInput, Invitation } from './schemas.ts';

const INVITATION_TTL_MS = 7 * 86_400_000;
const invitationSelect = {
  id: true,
  email: true,
  expiresAt: true,
  createdAt: true,
  acceptedAt: true,
  revokedAt: true,
  role: { select: { id: true, name: true } },
} as const;

export async function inviteMember(input: CreateInvitationInput, ctx: TenantContext): Promise<CreatedInvitation> {
  const role = await findGrantableRole(ctx, input.roleId);
  const alreadyMember = await ctx.db.membership.findFirst({
    where: { user: { email: input.email } },
    select: { id: true },
  });
  if (alreadyMember) {
    throw AppError.field('email', 'already belongs to a member of this workspace', 'CONFLICT');
  }
  const token = randomToken();
  const invitation = await ctx.db.transaction(async (tx) => {
    await tx.invitation.updateMany({
      where: { tenantId: ctx.db.tenantId, email: input.email, acceptedAt: null, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    return tx.invitation.create({
      data: {
        tenantId: ctx.db.tenantId,
        email: input.email,
        roleId: role.id,
        tokenHash: sha256(token),
        invitedById: ctx.principal.kind === 'user' ? ctx.principal.userId : null,
        expiresAt: new Date(Date.now() + INVITATION_TTL_MS),
      },
      select: invitationSelect,
    });
  });
  const workspace = await ctx.db.tenant.findUniqueOrThrow({ where: { id: ctx.db.tenantId }, select: { name: true } });
  const link = `${publicUrl(ctx.services.env)}/invite/${token}`;
  await ctx.services.mailer.send({
    tenantId: ctx.db.tenantId,
    to: input.email,
    subject: `You are invited to ${workspace.name} on Parley`,
    text: `You have been invited to join ${workspace.name} on Parley as ${role.name}.\n\nAccept the invitation: ${link}\n\nThe link is valid for 7 days.`,
  });
  await audit(ctx, {
    action: 'member.invited',
    targetType: 'invitation',
    targetId: invitation.id,
    metadata: { email: input.email, role: role.name },
  });
  return { ...toInvitation(invitation), inviteUrl: link };
}

export async function listInvitations(query: PageQuery, ctx: TenantContext): Promise<Page<Invitation>> {
  const rows = await ctx.db.invitation.findMany({
    ...pageArgs(query),
    where: { acceptedAt: null },
    select: invitationSelect,
  });
  return toPage(rows, query, toInvitation);
}

export async function revokeInvitation(invitationId: string, ctx: TenantContext): Promise<void> {
  const invitation = await ctx.db.invitation.findUnique({
    where: { id: invitationId },
    select: { email: true, acceptedAt: true },
  });
  if (!invitation) {
    throw AppError.notFound('Invitation');
  }
  if (invitation.acceptedAt) {
    throw new AppError('CONFLICT', 'This invitation was already accepted: remove the member instead');
  }
  await ctx.db.invitation.update({ where: { id: invitationId }, data: { revokedAt: new Date() } });
  await audit(ctx, {
    action: 'invitation.revoked',
    targetType: 'invitation',
    targetId: invitationId,
    metadata: { email: invitation.email },
  });
}

function toInvitation(row: {
  id: string;
  email: string;
  expiresAt: Date;
  createdAt: Date;
  acceptedAt: Date | null;
  revokedAt: Date | null;
  role: { id: string; name: string };
}): Invitation {
  const status = row.acceptedAt
    ? 'accepted'
    : row.revokedAt
      ? 'revoked'
      : row.expiresAt < new Date()
        ? 'expired'
        : 'pending';
  return { id: row.id, email: row.email, role: row.role, status, expiresAt: row.expiresAt, createdAt: row.createdAt };
}
