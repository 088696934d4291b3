// Drafts, edits, submission to Meta and deletion. A draft may be incomplete (only its name,
// language and category must be valid); submitting checks every rule first. Editing a template Meta
// already holds (approved, rejected or paused) sends the edit to Meta at once, which reviews it
// again (contract §9: the name and language are its key, an approved one keeps its category).
import { buffer } from 'node:stream/consumers';
import { isUniqueViolation } from '#db/errors';
import { audit } from '../audit/record-audit.ts';
import { connectedClient } from '../channels/channel-client.ts';
import type { TenantContext } from '../context.ts';
import { AppError } from '../errors.ts';
import { CloudApiError } from '../whatsapp/cloud-api-error.ts';
import type { CreateTemplateRequest } from '../whatsapp/graph-schemas.ts';
import { assertValid, headerMediaOf } from './check-template.ts';
import { ensureTemplateSync } from './sync-schedule.ts';
import { emitTemplateStatus } from './template-events.ts';
import { toMetaComponents } from './meta-components.ts';
import {
  EDITABLE_STATUSES,
  type TemplateDraftInput,
  type TemplateStatus,
  type TemplateView,
  type UpdateTemplateInput,
} from './schemas.ts';
import { validateTemplate, type TemplateRulesInput } from './rule-schemas.ts';
import { getTemplate } from './list-templates.ts';

/** The name, language and category must be right even in a draft (they are its key at Meta). */
function assertKeyFields(input: TemplateRulesInput): void {
  const issues = validateTemplate(input).filter((i) => ['name', 'language', 'category'].includes(i.field));
  if (issues.length > 0) {
    throw new AppError('VALIDATION_FAILED', `${issues[0]!.field}: ${issues[0]!.message}`, { fields: issues });
  }
}

export async function createTemplate(input: TemplateDraftInput, ctx: TenantContext): Promise<TemplateView> {
  assertKeyFields(input);
  const channel = await ctx.db.channel.findUnique({ where: { id: input.channelId }, select: { id: true } });
  if (!channel) {
    throw AppError.field('channelId', 'is not a channel of this workspace', 'NOT_FOUND');
  }
  const row = await ctx.db.messageTemplate
    .create({
      data: {
        tenantId: ctx.db.tenantId,
        channelId: input.channelId,
        name: input.name,
        language: input.language,
        category: input.category,
        parameterFormat: input.parameterFormat,
        components: toMetaComponents(input.definition, input.parameterFormat) as object,
        status: 'draft',
        createdById: ctx.principal.kind === 'user' ? ctx.principal.userId : null,
      },
      select: { id: true },
    })
    .catch((error: unknown) => {
      throw duplicate(error, input);
    });
  await audit(ctx, {
    action: 'template.created',
    targetType: 'template',
    targetId: row.id,
    metadata: { name: input.name },
  });
  return getTemplate(row.id, ctx);
}

export async function updateTemplate(
  id: string,
  input: UpdateTemplateInput,
  ctx: TenantContext,
): Promise<TemplateView> {
  const existing = await getTemplate(id, ctx);
  if (!EDITABLE_STATUSES.includes(existing.status)) {
    throw new AppError(
      'CONFLICT',
      `Template ${existing.name} (${existing.language}) is ${existing.status.replace('_', ' ')}: WhatsApp only allows editing drafts and approved, rejected or paused templates`,
    );
  }
  const next = {
    name: input.name ?? existing.name,
    language: input.language ?? existing.language,
    category: input.category ?? existing.category,
    parameterFormat: input.parameterFormat ?? existing.parameterFormat,
    definition: input.definition ?? existing.definition,
  };
  assertKeyFields(next);
  const atMeta = existing.status !== 'draft';
  if (atMeta) {
    for (const key of ['name', 'language', 'parameterFormat'] as const) {
      if (next[key] !== existing[key]) {
        throw AppError.field(
          key,
          'cannot change once the template is submitted: create a new template instead',
          'CONFLICT',
        );
      }
    }
    if (existing.status === 'approved' && next.category !== existing.category) {
      throw AppError.field('category', "of an approved template cannot change (WhatsApp's rule)", 'CONFLICT');
    }
  }
  if (atMeta) {
    // The edit goes to Meta now and is reviewed again: it must pass every rule first.
    await assertValid(next, ctx);
    const { client, components } = await prepareSubmission(existing.channelId, next, ctx);
    if (!existing.providerTemplateId) {
      throw new AppError('CONFLICT', 'This template has no WhatsApp id yet: sync the templates and try again');
    }
    await callMeta(() =>
      client.editTemplate(existing.providerTemplateId!, {
        components,
        ...(next.category !== existing.category ? { category: next.category.toUpperCase() } : {}),
      }),
    );
  }
  await ctx.db.messageTemplate
    .update({
      where: { id },
      data: {
        name: next.name,
        language: next.language,
        category: next.category,
        parameterFormat: next.parameterFormat,
        components: toMetaComponents(next.definition, next.parameterFormat) as object,
        ...(atMeta ? pendingNow() : {}),
      },
    })
    .catch((error: unknown) => {
      throw duplicate(error, next);
    });
  await audit(ctx, { action: 'template.updated', targetType: 'template', targetId: id, metadata: { name: next.name } });
  published(ctx, id, atMeta ? 'pending' : existing.status);
  return getTemplate(id, ctx);
}

export async function submitTemplate(id: string, ctx: TenantContext): Promise<TemplateView> {
  const existing = await getTemplate(id, ctx);
  if (existing.status !== 'draft' && existing.status !== 'rejected') {
    throw new AppError(
      'CONFLICT',
      `Template ${existing.name} (${existing.language}) is ${existing.status.replace('_', ' ')}: only drafts and rejected templates are submitted (edit an approved or paused one instead)`,
    );
  }
  await assertValid(existing, ctx);
  const channel = await ctx.db.channel.findUniqueOrThrow({
    where: { id: existing.channelId },
    select: { wabaId: true },
  });
  if (!channel.wabaId) {
    throw new AppError('CONFLICT', 'The channel has no WhatsApp Business Account id: templates cannot be submitted');
  }
  const { client, components } = await prepareSubmission(existing.channelId, existing, ctx);
  let providerTemplateId = existing.providerTemplateId;
  if (existing.status === 'rejected' && providerTemplateId) {
    await callMeta(() => client.editTemplate(providerTemplateId!, { components }));
  } else {
    const request: CreateTemplateRequest = {
      name: existing.name,
      language: existing.language,
      category: existing.category.toUpperCase(),
      parameter_format: existing.parameterFormat,
      components,
    };
    const created = await callMeta(() => client.createTemplate(channel.wabaId!, request));
    providerTemplateId = created.id;
  }
  await ctx.db.messageTemplate.update({
    where: { id },
    data: { providerTemplateId, submittedAt: new Date(), ...pendingNow() },
  });
  await audit(ctx, {
    action: 'template.submitted',
    targetType: 'template',
    targetId: id,
    metadata: { name: existing.name, language: existing.language },
  });
  published(ctx, id, 'pending');
  emitTemplateStatus(ctx.services, ctx.db.tenantId, { ...existing, status: 'pending', reason: null });
  await ensureTemplateSync(ctx.services);
  return getTemplate(id, ctx);
}

export async function deleteTemplate(id: string, ctx: TenantContext): Promise<void> {
  const existing = await getTemplate(id, ctx);
  if (existing.providerTemplateId && existing.status !== 'deleted') {
    const { client } = await connectedClient(
      existing.channelId,
      ctx,
      'The channel is not connected: the template cannot be deleted at WhatsApp',
    );
    const channel = await ctx.db.channel.findUniqueOrThrow({
      where: { id: existing.channelId },
      select: { wabaId: true },
    });
    if (channel.wabaId) {
      await callMeta(() => client.deleteTemplate(channel.wabaId!, existing.name, existing.providerTemplateId!)).catch(
        (error: unknown) => {
          // Already gone at Meta (deleted there): delete ours too.
          if (!(error instanceof AppError && error.code === 'UNPROCESSABLE')) {
            throw error;
          }
        },
      );
    }
  }
  await ctx.db.messageTemplate.deleteMany({ where: { id } });
  await audit(ctx, {
    action: 'template.deleted',
    targetType: 'template',
    targetId: id,
    metadata: { name: existing.name, language: existing.language },
  });
}

/** Meta's components with examples; a media header's sample is uploaded for its handle. */
async function prepareSubmission(
  channelId: string,
  template: Pick<TemplateView, 'definition' | 'parameterFormat'>,
  ctx: TenantContext,
) {
  const { client } = await connectedClient(
    channelId,
    ctx,
    'The channel is not connected: templates cannot be submitted until it is reconnected',
  );
  let headerHandle: string | null = null;
  const media = await headerMediaOf(template.definition, ctx);
  if (media?.storageKey) {
    const file = await ctx.services.mediaStore.get(media.storageKey);
    if (!file) {
      throw AppError.field(
        'header.mediaId',
        'the sample file is missing from storage: choose it again',
        'UNPROCESSABLE',
      );
    }
    const data = await buffer(file.stream);
    // `app` addresses the access token's own app (Graph's alias for /<APP_ID>).
    const upload = await callMeta(() =>
      client.uploadResumable('app', { data, mimeType: media.mimeType, filename: media.filename ?? 'sample' }),
    );
    headerHandle = upload.h;
  }
  const components = toMetaComponents(template.definition, template.parameterFormat, { headerHandle });
  return { client, components: components as CreateTemplateRequest['components'] };
}

/** Meta's refusals of the template itself are 422 with its words; outages and auth trouble 502. */
async function callMeta<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (!(error instanceof CloudApiError)) {
      throw error;
    }
    const detail = error.details && !error.message.includes(error.details) ? ` (${error.details})` : '';
    if (error.meaning.category === 'invalid-parameter' || error.meaning.category === 'template') {
      throw new AppError('UNPROCESSABLE', `WhatsApp refused the template: ${error.message}${detail}`, {
        whatsappCode: error.code,
      });
    }
    throw new AppError(
      'BAD_GATEWAY',
      `WhatsApp could not be reached or refused the request: ${error.message}${detail}`,
      {
        whatsappCode: error.code,
      },
    );
  }
}

function pendingNow(): { status: TemplateStatus; rejectionReason: null; statusChangedAt: Date } {
  return { status: 'pending', rejectionReason: null, statusChangedAt: new Date() };
}

function published(ctx: TenantContext, templateId: string, status: string): void {
  ctx.services.realtime.publish(ctx.db.tenantId, 'template.updated', { templateId, status });
}

function duplicate(error: unknown, input: { name: string; language: string }): unknown {
  return isUniqueViolation(error)
    ? AppError.field('name', `a template ${input.name} (${input.language}) already exists on this channel`, 'CONFLICT')
    : error;
}
