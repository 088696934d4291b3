// Runs a few representative sessions and saves their histories as replay fixtures
// (RECORD_FLOW_HISTORIES=1 npx jest tests/workflows/flow-session/replay). Re-record only on purpose:
// the point of the fixtures is that today's histories keep replaying after the interpreter changes.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { temporal } from '@temporalio/proto';
import { cancelSessionUpdate, handBackSignal } from '#workflows/flow-session/messages';
import type { TestApp } from '../../support/test-app.ts';
import type { FakeServices } from './fake-services.ts';
import { createFlowRow, program, said, seedCustomer, startSession, waitingAt, type SessionHandle } from './harness.ts';

export const HISTORIES_DIR = path.join(import.meta.dirname, '..', '..', 'fixtures', 'histories', 'flow-session');

/**
 * Protobuf bytes, not Temporal's JSON history format: historyToJSON/historyFromJSON fail under Jest
 * (two protobufjs copies, so an instanceof check fails); the binary form round-trips everywhere.
 */
export type HistoryFixture = { format: 'temporal-history-proto-base64'; data: string };

export function readHistoryFixture(fixture: HistoryFixture) {
  return temporal.api.history.v1.History.decode(Buffer.from(fixture.data, 'base64'));
}

export async function recordHistories(app: TestApp, fake: FakeServices): Promise<void> {
  const customer = await seedCustomer(app);
  const flowId = await createFlowRow(app, customer.tenant.tenantId);
  const save = async (name: string, handle: SessionHandle) => {
    await handle.result().catch(() => undefined);
    const bytes = temporal.api.history.v1.History.encode(await handle.fetchHistory()).finish();
    const fixture: HistoryFixture = {
      format: 'temporal-history-proto-base64',
      data: Buffer.from(bytes).toString('base64'),
    };
    writeFileSync(path.join(HISTORIES_DIR, `${name}.json`), `${JSON.stringify(fixture, null, 2)}\n`);
  };

  const questions = program(flowId, {
    ask: {
      type: 'ask_question',
      data: {
        prompt: 'How many?',
        inputType: 'number',
        validation: { min: 10 },
        saveAs: 'n',
        retryPrompt: 'Ten or more',
      },
      next: { answered: 'pick' },
    },
    pick: {
      type: 'buttons',
      data: { body: 'Sure?', buttons: [{ id: 'y', title: 'Yes' }], timeoutSeconds: 1 },
      next: { timeout: 'bye' },
    },
    bye: { type: 'send_text', data: { text: 'Got {{vars.n}}' } },
  });
  const q = await startSession(app, customer, questions);
  await waitingAt(app, q.handle, 'ask');
  await q.handle.signal('inboundMessage', said('3'));
  await q.handle.signal('inboundMessage', said('12'));
  await save('questions-retry-and-timeout', q.handle);

  fake.failuresLeft.flaky = 1;
  const logic = program(flowId, {
    set: { type: 'set_variable', data: { assignments: [{ name: 'x', value: 'y' }] }, next: { next: 'split' } },
    split: {
      type: 'ab_split',
      data: {
        variants: [
          { id: 'a', weight: 1 },
          { id: 'b', weight: 1 },
        ],
      },
      next: { 'variant:a': 'wait', 'variant:b': 'wait' },
    },
    wait: { type: 'delay', data: { amount: 1, unit: 'seconds' }, next: { next: 'call' } },
    call: {
      type: 'http_request',
      data: { url: `${fake.url}/flaky`, responseMapping: [{ variable: 'item', path: 'data.items.0.name' }] },
      next: { success: 'check' },
    },
    check: {
      type: 'condition',
      data: {
        conditions: { op: 'and', conditions: [{ left: { source: 'var', key: 'item' }, operator: 'is_not_empty' }] },
      },
      next: { true: 'tag' },
    },
    tag: { type: 'add_tag', data: { tags: ['replayed'] }, next: { next: 'say' } },
    say: { type: 'send_text', data: { text: '{{vars.item}}' } },
  });
  await save('logic-delay-http', (await startSession(app, customer, logic, { maxStepsPerRun: 4 })).handle);

  const handoff = program(flowId, {
    agent: { type: 'handoff', data: { message: 'An agent is coming' }, next: { returned: 'bye' } },
    bye: { type: 'close_conversation', data: { message: 'Bye' } },
  });
  const h = await startSession(app, customer, handoff);
  await waitingAt(app, h.handle, 'agent', 'handed_off');
  await h.handle.signal(handBackSignal, {});
  await save('handoff-and-back', h.handle);

  const cancel = program(flowId, { ask: { type: 'ask_question', data: { prompt: 'Name?' } } });
  const c = await startSession(app, customer, cancel);
  await waitingAt(app, c.handle, 'ask');
  await c.handle.executeUpdate(cancelSessionUpdate, { args: [{}] });
  await save('cancelled', c.handle);

  const tenantId = customer.tenant.tenantId;
  const targetId = await createFlowRow(app, tenantId, 'Jump target');
  const target = program(targetId, { hello: { type: 'send_text', data: { text: 'In B' } } }, 1);
  const version = await app.prisma.flowVersion.create({
    data: { tenantId, flowId: targetId, version: 1, document: {}, program: target, hash: target.hash },
  });
  await app.prisma.flow.update({ where: { id: targetId }, data: { activeVersionId: version.id, isActive: true } });
  const jump = program(flowId, { go: { type: 'jump_to_flow', data: { flowId: targetId } } });
  await save('jump', (await startSession(app, customer, jump)).handle);
}
