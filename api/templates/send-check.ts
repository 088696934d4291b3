// The one check every template send path makes before a template leaves Parley: the stored
// template of that channel, name and language must be approved (template-status.ts words the
// refusal). The inbox, the REST API and scheduled messages check it in queueOutboundMessage's
// transaction; flows and automations, whose sends are plain SQL on the pool, with
// checkTemplateOnPool. Both give back the template to send, with its own header file when it has
// a media header and the send names none (header-media.ts).
import type { Pool } from 'pg';
import type { Prisma } from '#db/client';
import { AppError } from '../errors.ts';
import type { OutboundContent } from '../whatsapp/schemas.ts';
import { withDefaultHeader } from './header-media.ts';
import { templateSendRefusal } from './template-status.ts';

type TemplateContent = Extract<OutboundContent, { type: 'template' }>['template'];

/**
 * Throws a 422 naming the template when it is stored and not approved (inside a tenant
 * transaction); else the template to send.
 */
export async function assertTemplateSendable(
  db: Pick<Prisma.TransactionClient, 'messageTemplate'>,
  channelId: string,
  template: TemplateContent,
): Promise<TemplateContent> {
  const stored = await db.messageTemplate.findUnique({
    where: { channelId_name_language: { channelId, name: template.name, language: template.language.code } },
    select: { status: true, rejectionReason: true, components: true },
  });
  const refusal = templateSendRefusal(stored, { name: template.name, language: template.language.code });
  if (refusal) {
    throw AppError.field('content.template.name', refusal, 'UNPROCESSABLE');
  }
  return withDefaultHeader(template, stored?.components);
}

/** For a send written in plain SQL (the tenant is filtered explicitly): the refusal, or the template to send. */
export async function checkTemplateOnPool(
  pool: Pick<Pool, 'query'>,
  target: { tenantId: string; channelId: string },
  template: TemplateContent,
): Promise<{ refusal: string; template?: never } | { refusal: null; template: TemplateContent }> {
  const { rows } = await pool.query<{ status: string; rejectionReason: string | null; components: unknown }>(
    `SELECT status, "rejectionReason", components FROM "MessageTemplate"
      WHERE "tenantId" = $1 AND "channelId" = $2 AND name = $3 AND language = $4`,
    [target.tenantId, target.channelId, template.name, template.language.code],
  );
  const refusal = templateSendRefusal(rows[0] ?? null, { name: template.name, language: template.language.code });
  return refusal ? { refusal } : { refusal: null, template: withDefaultHeader(template, rows[0]?.components) };
}
