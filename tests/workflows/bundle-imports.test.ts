// Temporal evaluates the workflow bundle's modules for every new workflow (each flow session), so
// what the interpreter imports is paid at every session start. zod (and the node schemas built on
// it) cost several milliseconds there and the interpreter needs none of it: flow-dsl keeps what
// workflows run in zod-free modules (answers, condition-eval, open-at, program-format, delay units).
import { readFileSync } from 'node:fs';
import { testInfrastructure } from '../support/test-env.ts';

it('[flows] the workflow bundle carries no zod and no node schemas', () => {
  const bundle = readFileSync(testInfrastructure().workflowBundlePath, 'utf8');
  const modules = [...bundle.matchAll(/"\.\/((?:node_modules|flow-dsl)\/[^"]+)"/g)].map((m) => m[1]!);
  expect(modules.length).toBeGreaterThan(0);
  expect(modules.filter((m) => m.startsWith('node_modules/zod') || m.includes('/schema.ts'))).toEqual([]);
});
