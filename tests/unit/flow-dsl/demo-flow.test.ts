// The chatbot `npm start` gives the demo workspace must publish: no errors, and it compiles.
import { compileFlow } from '#flow-dsl/compile';
import { flowDocumentSchema } from '#flow-dsl/document';
import { validateFlow } from '#flow-dsl/validate';
import { demoFlowDocument } from '../../../scripts/lib/demo-flow.ts';

it('[flow-dsl] the demo workspace’s welcome bot has no errors and compiles', () => {
  const errors = validateFlow(demoFlowDocument).filter((d) => d.severity === 'error');
  expect(errors).toEqual([]);
  const program = compileFlow(flowDocumentSchema.parse(demoFlowDocument), { flowId: 'demo', flowVersion: 1 });
  // The start node becomes the program's entry; the other nine are steps.
  expect(program.entry).toBe('greet');
  expect(Object.keys(program.steps)).toHaveLength(9);
});
