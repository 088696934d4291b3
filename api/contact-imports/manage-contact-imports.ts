// Step 3 of an import: the options are checked against the file once more and saved, the row moves
// to `importing` (only from `uploaded`, under a conditional update, so a double click starts one
// import) and the contactImport workflow takes over. Cancelling marks the row; the workflow's
// chunks read it under a row lock and stop before the next chunk.
import type { ContactImportInput } from '#workflows/contact-import/messages';
import { contactImportWorkflowId } from '#workflows/contact-import/messages';
import type { TenantContext } from '../context.ts';
import { AppError } from '../errors.ts';
import { audit } from '../audit/record-audit.ts';
import { contactImportSelect, getContactImportRow, readImportFile, viewContactImport } from './contact-import-view.ts';
import type { StoredMapping } from './contact-import-view.ts';
import { checkImportOptions, loadCustomFields } from './import-targets.ts';
import type { ContactImport, ImportOptions } from './schemas.ts';

export async function startContactImport(
  id: string,
  options: ImportOptions,
  ctx: TenantContext,
): Promise<ContactImport> {
  const row = await getContactImportRow(id, ctx);
  if (row.status !== 'uploaded') {
    throw new AppError('CONFLICT', `This import is already ${row.status}`);
  }
  // The file was read whole at upload (and row by row again by the workflow): its header is enough here.
  const file = await readImportFile(ctx.services.mediaStore, row, 0);
  await checkImportOptions(file.headers, options, await loadCustomFields(ctx.db), ctx.db);
  const mapping: StoredMapping = { columns: options.mapping, defaultCountry: options.defaultCountry };
  const claimed = await ctx.db.contactImport.updateMany({
    where: { id, status: 'uploaded' },
    data: {
      status: 'importing',
      mapping,
      onExisting: options.onExisting,
      tags: [...new Set(options.tags)],
      groupId: options.groupId,
      startedAt: new Date(),
    },
  });
  if (claimed.count === 0) {
    throw new AppError('CONFLICT', 'This import has already started');
  }
  const input: ContactImportInput = { tenantId: ctx.db.tenantId, importId: id };
  try {
    await ctx.services.temporal.workflow.start('contactImportWorkflow', {
      taskQueue: ctx.services.env.TEMPORAL_TASK_QUEUE,
      workflowId: contactImportWorkflowId(id),
      args: [input],
    });
  } catch (error) {
    await ctx.db.contactImport.updateMany({
      where: { id },
      data: { status: 'uploaded', startedAt: null },
    });
    throw error;
  }
  await audit(ctx, {
    action: 'contacts.import_started',
    targetType: 'contactImport',
    targetId: id,
    metadata: { filename: row.filename, rows: row.totalRows, onExisting: options.onExisting, tags: options.tags },
  });
  return viewContactImport(await getContactImportRow(id, ctx), ctx);
}

export async function cancelContactImport(id: string, ctx: TenantContext): Promise<ContactImport> {
  const row = await getContactImportRow(id, ctx);
  if (row.status !== 'uploaded' && row.status !== 'importing') {
    throw new AppError('CONFLICT', `This import is already ${row.status}`);
  }
  const cancelled = await ctx.db.contactImport.updateManyAndReturn({
    where: { id, status: { in: ['uploaded', 'importing'] } },
    data: { status: 'cancelled', completedAt: new Date() },
    select: contactImportSelect,
  });
  if (!cancelled[0]) {
    throw new AppError('CONFLICT', 'This import has just finished');
  }
  await audit(ctx, { action: 'contacts.import_cancelled', targetType: 'contactImport', targetId: id });
  return viewContactImport(cancelled[0], ctx);
}
