// The rules of rule-schemas.ts on the server: the header sample is looked up in the media
// library, and any issue is a 422 listing every field with its message.
import type { TenantContext } from '../context.ts';
import { AppError } from '../errors.ts';
import type { TemplateDefinition } from './schemas.ts';
import { countTemplate, validateTemplate, type TemplateIssue, type TemplateRulesInput } from './rule-schemas.ts';

export async function headerMediaOf(definition: TemplateDefinition, ctx: TenantContext) {
  const header = definition.header;
  if (!header || header.format === 'text' || !header.mediaId) {
    return null;
  }
  const media = await ctx.db.media.findUnique({
    where: { id: header.mediaId },
    select: { id: true, mimeType: true, sizeBytes: true, status: true, storageKey: true, filename: true },
  });
  return media?.status === 'stored' ? media : null;
}

export async function issuesOf(input: TemplateRulesInput, ctx: TenantContext): Promise<TemplateIssue[]> {
  const media = await headerMediaOf(input.definition, ctx);
  const issues = validateTemplate(input, {
    headerMedia: media ? { mimeType: media.mimeType, sizeBytes: media.sizeBytes ?? 0 } : null,
  });
  const header = input.definition.header;
  if (header && header.format !== 'text' && header.mediaId && !media) {
    issues.push({ field: 'header.mediaId', message: 'is not a file of the media library' });
  }
  return issues;
}

export async function assertValid(input: TemplateRulesInput, ctx: TenantContext): Promise<void> {
  const issues = await issuesOf(input, ctx);
  if (issues.length > 0) {
    const first = issues[0]!;
    throw new AppError(
      'UNPROCESSABLE',
      `${first.field}: ${first.message}${issues.length > 1 ? ` (and ${issues.length - 1} more)` : ''}`,
      { fields: issues },
    );
  }
}

export async function validateTemplateInput(input: TemplateRulesInput, ctx: TenantContext) {
  const issues = await issuesOf(input, ctx);
  return { valid: issues.length === 0, issues, counts: countTemplate(input.definition) };
}
