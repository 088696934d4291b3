// Self-service sign-up: a new user and their own workspace, signed in once the workspace is ready.
import type { PublicContext } from '../context.ts';
import { AppError } from '../errors.ts';
import { provisionWorkspace } from '../workspace/provision-workspace.ts';
import { finishLogin } from './login.ts';
import { hashPassword } from './passwords.ts';
import type { Session, SignUpInput } from './schemas.ts';

export async function signUp(input: SignUpInput, ctx: PublicContext): Promise<Session> {
  const { deps } = ctx;
  const existing = await deps.prisma.user.findUnique({ where: { email: input.email }, select: { id: true } });
  if (existing) {
    throw AppError.field('email', 'is already registered: sign in instead', 'CONFLICT');
  }
  const user = await deps.prisma.user.create({
    data: { email: input.email, name: input.name, passwordHash: await hashPassword(input.password) },
    select: { id: true },
  });
  const { tenantId } = await provisionWorkspace(deps, { name: input.workspaceName, ownerUserId: user.id });
  return finishLogin(ctx, user.id, tenantId, 'sign-up');
}
