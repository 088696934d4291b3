// The contactImport workflow's guarantees: a retried (or duplicated) import activity resumes where
// the import's progress stands and counts every chunk once; a cancel stops it before the next
// chunk; a file that can no longer be read fails the import with its reason instead of retrying.
import { MockActivityEnvironment } from '@temporalio/testing';
import { createContactImportActivities, IMPORT_CHUNK_ROWS } from '#activities/contact-imports/import-contacts';
import { writeChunk } from '#activities/contact-imports/write-chunk';
import type { StoredMapping } from '#api/contact-imports/contact-import-view';
import { contactImportWorkflow } from '#workflows/contact-import/workflow';
import { contactImportWorkflowId } from '#workflows/contact-import/messages';
import { startTestApp, type TestApp } from '../../support/test-app.ts';
import { signUpTenant, type SeededTenant } from '../../support/seed/tenant.ts';

jest.setTimeout(90_000);

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.stop());

const ROWS = IMPORT_CHUNK_ROWS * 2 + 10;

/** An uploaded file of ROWS contacts, marked as importing without a workflow (the test plays it). */
async function importingFile(tenant: SeededTenant): Promise<string> {
  const lines = ['phone,name'];
  for (let index = 0; index < ROWS; index += 1) {
    lines.push(`+1415${String(6_000_000 + index)},Row ${index}`);
  }
  const form = new FormData();
  form.set('file', new Blob([lines.join('\n')], { type: 'text/csv' }), 'retry.csv');
  const response = await fetch(`${app.url}/api/contact-imports`, {
    method: 'POST',
    body: form,
    headers: { authorization: `Bearer ${tenant.token}` },
  });
  const { import: created } = (await response.json()) as { import: { id: string } };
  const mapping: StoredMapping = { columns: { phone: 'phone', name: 'name' }, defaultCountry: null };
  await app.prisma.contactImport.update({
    where: { id: created.id },
    data: { status: 'importing', mapping, tags: ['retried'], startedAt: new Date() },
  });
  return created.id;
}

function counts(importId: string) {
  return app.prisma.contactImport.findUniqueOrThrow({
    where: { id: importId },
    select: { status: true, processedRows: true, createdCount: true, updatedCount: true, rejectedCount: true },
  });
}

describe('[workflows] contactImport', () => {
  it('a retried or duplicated import activity resumes at the recorded progress and counts each chunk once', async () => {
    const tenant = await signUpTenant(app.http);
    const importId = await importingFile(tenant);
    const activities = createContactImportActivities({ ...app.deps, prisma: app.prisma });
    const input = { tenantId: tenant.tenantId, importId };
    const firstChunk = {
      ...input,
      start: 0,
      end: IMPORT_CHUNK_ROWS,
      contacts: [{ waId: '14155551000', phone: '+14155551000', name: 'Early', tags: [], fields: {} }].map((c) => ({
        ...c,
        email: null,
        language: null,
        timeZone: null,
        optInStatus: null,
      })),
      rejected: IMPORT_CHUNK_ROWS - 1,
      onExisting: 'update' as const,
      groupId: null,
    };
    // An earlier attempt wrote the first chunk, then its worker died.
    expect(await writeChunk(app.deps.pool, firstChunk)).toBe('written');
    expect(await writeChunk(app.deps.pool, firstChunk)).toBe('done');
    expect(await counts(importId)).toMatchObject({ processedRows: IMPORT_CHUNK_ROWS, createdCount: 1 });

    const retry = await new MockActivityEnvironment().run(activities.importContactChunks, input);
    expect(retry).toEqual({ status: 'completed' });
    const duplicate = await new MockActivityEnvironment().run(activities.importContactChunks, input);
    expect(duplicate).toEqual({ status: 'completed' });
    expect(await counts(importId)).toEqual({
      status: 'importing',
      processedRows: ROWS,
      createdCount: 1 + ROWS - IMPORT_CHUNK_ROWS,
      updatedCount: 0,
      rejectedCount: IMPORT_CHUNK_ROWS - 1,
    });
    // The rows of the first chunk were never written by the retry: the earlier attempt owned them.
    expect(await app.prisma.contact.count({ where: { tenantId: tenant.tenantId } })).toBe(1 + ROWS - IMPORT_CHUNK_ROWS);
  });

  it('stops before the next chunk once the import is cancelled', async () => {
    const tenant = await signUpTenant(app.http);
    const importId = await importingFile(tenant);
    await app.prisma.contactImport.update({ where: { id: importId }, data: { status: 'cancelled' } });
    const activities = createContactImportActivities({ ...app.deps, prisma: app.prisma });
    const outcome = await new MockActivityEnvironment().run(activities.importContactChunks, {
      tenantId: tenant.tenantId,
      importId,
    });
    expect(outcome).toEqual({ status: 'cancelled' });
    expect(await counts(importId)).toMatchObject({ status: 'cancelled', processedRows: 0 });
    expect(await app.prisma.contact.count({ where: { tenantId: tenant.tenantId } })).toBe(0);
  });

  it('fails the import with its reason when the stored file can no longer be read, writing nothing', async () => {
    const tenant = await signUpTenant(app.http);
    const importId = await importingFile(tenant);
    const row = await app.prisma.contactImport.findUniqueOrThrow({ where: { id: importId } });
    await app.deps.mediaStore.delete(row.fileKey);
    const result = await app.deps.temporal.workflow.execute(contactImportWorkflow, {
      taskQueue: app.deps.env.TEMPORAL_TASK_QUEUE,
      workflowId: contactImportWorkflowId(importId),
      args: [{ tenantId: tenant.tenantId, importId }],
    });
    expect(result).toEqual({ status: 'failed' });
    expect(await app.prisma.contactImport.findUniqueOrThrow({ where: { id: importId } })).toMatchObject({
      status: 'failed',
      error: 'The uploaded file is no longer stored: upload it again',
      processedRows: 0,
      completedAt: expect.any(Date),
    });
    expect(await app.prisma.contact.count({ where: { tenantId: tenant.tenantId } })).toBe(0);
  });
});
