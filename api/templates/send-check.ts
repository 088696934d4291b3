// The one check every template send path makes before a template leaves Parley: the stored
// template of that channel, name and language must be approved (template-status.ts words the
// refusal). The inbox, the REST API and scheduled messages check it in queueOutboundMessage's
// transaction; flows, whose sends are plain SQL on the pool, with templateRefusalOnPool.
import type { Pool } from 'pg';
import type { Prisma } from '#db/client';
import { AppError } from '../errors.ts';
import { templateSendRefusal } from './template-status.ts';

type TemplateContent = { name: string; language: { code: string } };

/** Throws a 422 naming the template when it is stored and not approved (inside a tenant transaction). */
export async function assertTemplateSendable(
  db: Pick<Prisma.TransactionClient, 'messageTemplate'>,
  channelId: string,
  template: TemplateContent,
): Promise<void> {
  const stored = await db.messageTemplate.findUnique({
    where: { channelId_name_language: { channelId, name: template.name, language: template.language.code } },
    select: { status: true, rejectionReason: true },
  });
  const refusal = templateSendRefusal(stored, { name: template.name, language: template.language.code });
  if (refusal) {
    throw AppError.field('content.template.name', refusal, 'UNPROCESSABLE');
  }
}

/** The refusal for a send written in plain SQL (the tenant is filtered explicitly), or null. */
export async function templateRefusalOnPool(
  pool: Pick<Pool, 'query'>,
  target: { tenantId: string; channelId: string },
  template: TemplateContent,
): Promise<string | null> {
  const { rows } = await pool.query<{ status: string; rejectionReason: string | null }>(
    `SELECT status, "rejectionReason" FROM "MessageTemplate"
      WHERE "tenantId" = $1 AND "channelId" = $2 AND name = $3 AND language = $4`,
    [target.tenantId, target.channelId, template.name, template.language.code],
  );
  return templateSendRefusal(rows[0] ?? null, { name: template.name, language: template.language.code });
}
