// `npm run bench:contacts` (import part): a BENCH_IMPORT_ROWS-row CSV (default 100,000; phone,
// name, e-mail, tags and three custom fields, 0.5% of rows with a bad value) imported end to end
// through the HTTP API on `npm start`'s stack (embedded PostgreSQL, Temporal dev server, one Node
// process for API + worker) on a fresh data folder: upload, check the whole file, start, then
// poll the import until the contactImport workflow completes. Then the same file again with
// "update existing", where every valid row updates a contact.
//
// Target (issue "Contacts"): 100,000 rows imported in under 60 s on this machine.
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startStack } from '../start-stack.ts';
import { call } from '../bench-api.ts';

const ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 100_000);
const TARGET_MS = 60_000;

export async function benchContactImport(): Promise<void> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'parley-import-'));
  chmodSync(dataDir, 0o755);
  const stack = await startStack(
    dataDir,
    { SEED_DEMO: 'false', RATE_LIMIT_TENANT_PER_MINUTE: '1000000' },
    { apiOnly: true },
  );
  try {
    const base = `http://127.0.0.1:${stack.port}`;
    const token = await setUpWorkspace(base);
    const csv = generateCsv(ROWS);
    console.log(`CSV: ${ROWS.toLocaleString('en')} rows, ${(csv.length / 1024 / 1024).toFixed(1)} MB`);
    const first = await importFile(base, token, csv, 'skip');
    report('new contacts', first);
    const second = await importFile(base, token, csv, 'update');
    report('re-import, updating them', second);
  } finally {
    await stack.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

type Timing = { uploadMs: number; validateMs: number; importMs: number; totalMs: number; counts: string };

async function importFile(base: string, token: string, csv: string, onExisting: 'update' | 'skip'): Promise<Timing> {
  const started = Date.now();
  const form = new FormData();
  form.set('file', new Blob([csv], { type: 'text/csv' }), 'bench.csv');
  const uploaded = await call(base, 'POST', '/api/contact-imports', token, form);
  const uploadMs = Date.now() - started;
  const id = (uploaded.import as { id: string }).id;
  const options = { mapping: uploaded.suggestedMapping, onExisting, tags: ['bench'] };
  const validateStarted = Date.now();
  const validation = await call(base, 'POST', `/api/contact-imports/${id}/validate`, token, options);
  const validateMs = Date.now() - validateStarted;
  if (validation.rejectedRows !== Math.floor(ROWS / 200)) {
    throw new Error(
      `expected ${Math.floor(ROWS / 200)} rejected rows, the check found ${String(validation.rejectedRows)}`,
    );
  }
  const importStarted = Date.now();
  await call(base, 'POST', `/api/contact-imports/${id}/start`, token, options);
  for (;;) {
    const current = await call(base, 'GET', `/api/contact-imports/${id}`, token);
    if (current.status !== 'importing') {
      if (current.status !== 'completed') {
        throw new Error(`the import ended ${String(current.status)}: ${String(current.error)}`);
      }
      const importMs = Date.now() - importStarted;
      const counts = `created ${String(current.createdCount)}, updated ${String(current.updatedCount)}, rejected ${String(current.rejectedCount)}`;
      return { uploadMs, validateMs, importMs, totalMs: Date.now() - started, counts };
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function report(what: string, timing: Timing): void {
  const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  const verdict = timing.totalMs < TARGET_MS ? 'under' : 'OVER';
  console.log(
    `import ${ROWS.toLocaleString('en')} rows (${what}): ${seconds(timing.totalMs)} end to end (${verdict} the ${TARGET_MS / 1000} s target) = upload ${seconds(timing.uploadMs)} + check ${seconds(timing.validateMs)} + workflow ${seconds(timing.importMs)}; ${timing.counts}`,
  );
}

/** Rows of plausible contacts; every 200th row has a number that is not one (rejected). */
function generateCsv(rows: number): string {
  const plans = ['Gold', 'Silver', 'Bronze'];
  const lines = ['Phone,Name,Email,Tags,Plan,Visits,Joined'];
  for (let index = 0; index < rows; index += 1) {
    const visits = index % 200 === 199 ? 'many' : String(index % 37);
    const day = String((index % 28) + 1).padStart(2, '0');
    lines.push(
      `+1415${String(2_000_000 + index).padStart(7, '0')},Person ${index},person${index}@example.com,"lead;bench-${index % 10}",${plans[index % 3]},${visits},2025-03-${day}`,
    );
  }
  return `${lines.join('\n')}\n`;
}

async function setUpWorkspace(base: string): Promise<string> {
  const owner = await call(base, 'POST', '/api/auth/signup', undefined, {
    name: 'Bench Owner',
    email: `import-bench-${randomBytes(4).toString('hex')}@example.com`,
    password: 'bench password 123',
    workspaceName: 'Import bench',
  });
  const token = owner.accessToken as string;
  for (const field of [
    { key: 'plan', label: 'Plan', type: 'dropdown', options: ['Gold', 'Silver', 'Bronze'] },
    { key: 'visits', label: 'Visits', type: 'number' },
    { key: 'joined', label: 'Joined', type: 'date' },
  ]) {
    await call(base, 'POST', '/api/custom-fields', token, field);
  }
  return token;
}
