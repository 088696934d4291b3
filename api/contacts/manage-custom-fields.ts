// The workspace's custom contact fields. The key is fixed at creation (values live under it in
// Contact.fields), so renaming the label keeps every value; deleting needs the key repeated as
// confirmation, removes the values from every contact and is audited.
import { isUniqueViolation } from '#db/errors';
import { audit } from '../audit/record-audit.ts';
import type { TenantContext } from '../context.ts';
import { AppError } from '../errors.ts';
import {
  MAX_AGENT_VISIBLE_FIELDS,
  MAX_CUSTOM_FIELDS,
  type CustomFieldInput,
  type CustomFieldType,
  type CustomFieldUpdate,
} from './custom-field-schemas.ts';
import type { CustomFieldView } from './schemas.ts';

const select = {
  id: true,
  key: true,
  label: true,
  type: true,
  options: true,
  required: true,
  agentVisible: true,
  position: true,
  createdAt: true,
  updatedAt: true,
} as const;

export async function listCustomFields(ctx: TenantContext): Promise<{ items: CustomFieldView[] }> {
  const rows = await ctx.db.customField.findMany({ orderBy: [{ position: 'asc' }, { createdAt: 'asc' }], select });
  return { items: rows.map(toView) };
}

export async function createCustomField(input: CustomFieldInput, ctx: TenantContext): Promise<CustomFieldView> {
  const [count, visible, last] = await Promise.all([
    ctx.db.customField.count(),
    ctx.db.customField.count({ where: { agentVisible: true } }),
    ctx.db.customField.findFirst({ orderBy: { position: 'desc' }, select: { position: true } }),
  ]);
  if (count >= MAX_CUSTOM_FIELDS) {
    throw AppError.field('key', `A workspace can have at most ${MAX_CUSTOM_FIELDS} custom fields`, 'UNPROCESSABLE');
  }
  if (input.agentVisible && visible >= MAX_AGENT_VISIBLE_FIELDS) {
    throw tooManyVisible();
  }
  const row = await ctx.db.customField
    .create({ data: { tenantId: ctx.db.tenantId, ...input, position: (last?.position ?? -1) + 1 }, select })
    .catch((error: unknown) => {
      throw isUniqueViolation(error) ? AppError.field('key', `"${input.key}" is already a field`, 'CONFLICT') : error;
    });
  return toView(row);
}

export async function updateCustomField(
  id: string,
  input: CustomFieldUpdate,
  ctx: TenantContext,
): Promise<CustomFieldView> {
  const current = await findField(id, ctx);
  if (input.options !== undefined) {
    checkOptions(current.type as CustomFieldType, input.options);
  }
  if (input.agentVisible && !current.agentVisible) {
    const visible = await ctx.db.customField.count({ where: { agentVisible: true } });
    if (visible >= MAX_AGENT_VISIBLE_FIELDS) {
      throw tooManyVisible();
    }
  }
  const row = await ctx.db.customField.update({ where: { id }, data: input, select });
  if (input.label !== undefined && input.label !== current.label) {
    await audit(ctx, {
      action: 'customField.renamed',
      targetType: 'customField',
      targetId: id,
      metadata: { key: current.key, from: current.label, to: input.label },
    });
  }
  return toView(row);
}

/** Deletes the field and its values on every contact; `confirm` must repeat the field's key. */
export async function deleteCustomField(
  id: string,
  confirm: string | undefined,
  ctx: TenantContext,
): Promise<{ key: string; contactsCleared: number }> {
  const field = await findField(id, ctx);
  if (confirm !== field.key) {
    throw AppError.field(
      'confirm',
      `Deleting removes "${field.label}" from every contact: repeat its key (confirm=${field.key}) to confirm`,
    );
  }
  const tenantId = ctx.db.tenantId;
  const contactsCleared = await ctx.db.transaction(async (tx) => {
    const cleared = await tx.$executeRaw`UPDATE "Contact" SET fields = fields - ${field.key}, "updatedAt" = now()
      WHERE "tenantId" = ${tenantId}::uuid AND (fields -> ${field.key}) IS NOT NULL`;
    await tx.customField.delete({ where: { id } });
    return cleared;
  });
  await audit(ctx, {
    action: 'customField.deleted',
    targetType: 'customField',
    targetId: id,
    metadata: { key: field.key, label: field.label, type: field.type, contactsCleared },
  });
  return { key: field.key, contactsCleared };
}

async function findField(id: string, ctx: TenantContext) {
  const row = await ctx.db.customField.findFirst({ where: { id }, select });
  if (!row) {
    throw AppError.notFound('Custom field');
  }
  return row;
}

function checkOptions(type: CustomFieldType, options: string[]): void {
  const hasChoices = type === 'dropdown' || type === 'multi_select';
  if (hasChoices && options.length === 0) {
    throw AppError.field('options', 'A dropdown or multi-select needs at least one option');
  }
  if (!hasChoices && options.length > 0) {
    throw AppError.field('options', `A ${type} field has no options`);
  }
  const lower = options.map((option) => option.toLowerCase());
  const twice = lower.findIndex((option, index) => lower.indexOf(option) !== index);
  if (twice >= 0) {
    throw AppError.field(`options.${twice}`, `"${options[twice]}" is listed twice`);
  }
}

function tooManyVisible(): AppError {
  return AppError.field(
    'agentVisible',
    `At most ${MAX_AGENT_VISIBLE_FIELDS} fields can be shown to agents; hide another one first`,
    'UNPROCESSABLE',
  );
}

function toView(row: {
  id: string;
  key: string;
  label: string;
  type: string;
  options: string[];
  required: boolean;
  agentVisible: boolean;
  position: number;
  createdAt: Date;
  updatedAt: Date;
}): CustomFieldView {
  return { ...row, type: row.type as CustomFieldType };
}
