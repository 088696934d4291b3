// Invites someone through the API and accepts from the e-mail in the outbox, as the invitee would.
import type { PrismaClient } from '#db/client';
import type { HttpClient } from '../http-client.ts';
import { roleId } from './tenant.ts';

export async function inviteAndJoin(
  http: HttpClient,
  prisma: PrismaClient,
  ownerToken: string,
  roleName: string,
  email: string,
): Promise<{ token: string; memberUserId: string }> {
  const invited = await http.post(
    '/api/invitations',
    { email, roleId: await roleId(http, ownerToken, roleName) },
    { token: ownerToken },
  );
  if (invited.status !== 201) {
    throw new Error(`invitation failed: ${invited.status} ${JSON.stringify(invited.body)}`);
  }
  const link = await invitationLink(prisma, email);
  const joined = await http.post('/api/invitations/accept', {
    token: link,
    name: `Member ${roleName}`,
    password: 'member password 123',
  });
  if (joined.status !== 200) {
    throw new Error(`accepting failed: ${joined.status} ${JSON.stringify(joined.body)}`);
  }
  return { token: joined.body.accessToken, memberUserId: joined.body.user.id };
}

/** The token of the newest invitation e-mail sent to `email`. */
export async function invitationLink(prisma: PrismaClient, email: string): Promise<string> {
  const message = await prisma.outboundEmail.findFirstOrThrow({ where: { to: email }, orderBy: { createdAt: 'desc' } });
  const token = /\/invite\/([\w-]+)/.exec(message.text)?.[1];
  if (!token) {
    throw new Error(`no invitation link in: ${message.text}`);
  }
  return token;
}
