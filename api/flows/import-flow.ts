// Imports an exported document as a new draft flow. Older schemaVersions are migrated step by
// step; anything that is not a flow document, before or after migration, is a 400 naming each
// bad path under `document`.
import { flowDocumentSchema } from '#flow-dsl/document';
import { upgradeFlowDocument } from '#flow-dsl/migrations/index';
import type { TenantContext } from '../context.ts';
import { AppError, type FieldIssue } from '../errors.ts';
import { insertFlow } from './create-flow.ts';
import type { FlowView, ImportFlowInput } from './schemas.ts';

export async function importFlow(
  input: ImportFlowInput,
  ctx: TenantContext,
): Promise<FlowView & { migratedFrom: number | null }> {
  const { upgraded, migratedFrom } = upgradeFlowDocument(input.document);
  const parsed = flowDocumentSchema.safeParse(upgraded);
  if (!parsed.success) {
    const fields: FieldIssue[] = parsed.error.issues.map((issue) => ({
      field: ['document', ...issue.path].join('.'),
      in: 'body',
      message: issue.message,
    }));
    const summary = fields.map((f) => `${f.field}: ${f.message}`).join('; ');
    throw new AppError('VALIDATION_FAILED', `Not a Parley flow document: ${summary}`, { fields });
  }
  const name = input.name ?? (parsed.data.name.trim() || 'Imported flow');
  const flow = await insertFlow(ctx, { name, description: '', document: parsed.data, action: 'flow.imported' });
  return { ...flow, migratedFrom };
}
