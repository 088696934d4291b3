import { compileFlow, FlowCompileError, programHash } from '#flow-dsl/compile';
import { flowProgramSchema, parseFlowProgram } from '#flow-dsl/program';
import { chain, edge, flowDocument, goldenFlow, text } from './flow-builders.ts';

const options = { flowId: 'flow-bikes', flowVersion: 3 };

describe('[flow-dsl] compiler', () => {
  const golden = goldenFlow('bike-shop-10-nodes');
  const program = compileFlow(golden, options);

  it('compiles the golden flow: entry after start, every output mapped, variables listed', () => {
    expect(program).toMatchObject({ format: 1, flowId: 'flow-bikes', flowVersion: 3, entry: 'greet' });
    expect(program.name).toBe('Bike shop: repairs, hours and a person');
    expect(Object.keys(program.steps)).toEqual([
      'greet',
      'menu',
      'ask_email',
      'lookup',
      'is_ready',
      'ready_msg',
      'hours_msg',
      'handoff',
      'end',
    ]);
    expect(program.steps.menu?.next).toEqual({
      'button:repair': 'ask_email',
      'button:hours': 'hours_msg',
      'button:human': 'handoff',
      invalid: null,
      timeout: null,
    });
    expect(program.steps.ask_email?.next).toEqual({ answered: 'lookup', invalid: 'handoff', timeout: null });
    expect(program.steps.end?.next).toEqual({});
    expect(program.variables).toEqual(['api_base', 'choice', 'email', 'ready_date', 'status']);
  });

  it('drops positions and unreachable nodes and applies defaults', () => {
    const document = chain({ id: 'q', type: 'ask_question', data: { prompt: 'Name?', saveAs: 'name' } });
    document.nodes.push({ id: 'orphan', type: 'send_text', data: { text: 'never' }, position: { x: 0, y: 0 } });
    const compiled = compileFlow(document, options);
    expect(Object.keys(compiled.steps)).toEqual(['q']);
    expect(compiled.steps.q).not.toHaveProperty('position');
    expect(compiled.steps.q?.data).toMatchObject({ inputType: 'text', maxAttempts: 3, timeoutSeconds: 3600 });
  });

  it('sends an edge back into start to the entry, and compiles an empty flow to no entry', () => {
    const menu = chain({
      id: 'menu',
      type: 'buttons',
      data: { body: 'Again?', buttons: [{ id: 'yes', title: 'Yes' }] },
    });
    menu.edges.push(edge('menu', 'start', 'button:yes'));
    expect(compileFlow(menu, options).steps.menu?.next['button:yes']).toBe('menu');
    const empty = compileFlow(flowDocument([{ id: 'start', type: 'start' }], []), options);
    expect(empty).toMatchObject({ entry: null, steps: {} });
  });

  it('deep-freezes the program and hashes it stably', () => {
    expect(Object.isFrozen(program)).toBe(true);
    expect(Object.isFrozen(program.steps.menu?.data)).toBe(true);
    expect(program.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(programHash(program)).toBe(program.hash);
    const moved = structuredClone(golden) as { nodes: Array<{ position: { x: number } }> };
    moved.nodes.forEach((node) => (node.position.x += 100));
    expect(compileFlow(moved, options).hash).toBe(program.hash);
    expect(compileFlow(golden, { ...options, flowVersion: 4 }).hash).not.toBe(program.hash);
  });

  it('round-trips through JSON and flowProgramSchema, as the database stores it', () => {
    const stored = JSON.parse(JSON.stringify(program)) as unknown;
    expect(parseFlowProgram(stored)).toEqual(program);
    expect(flowProgramSchema.safeParse({ ...program, format: 2 }).success).toBe(false);
  });

  it('refuses a flow with errors, carrying the error diagnostics', () => {
    const broken = chain(text('blank', ''));
    let thrown: unknown;
    try {
      compileFlow(broken, options);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(FlowCompileError);
    expect((thrown as FlowCompileError).diagnostics).toEqual([
      expect.objectContaining({ code: 'missing_field', nodeId: 'blank', severity: 'error' }),
    ]);
    const selfJump = chain({ id: 'j', type: 'jump_to_flow', data: { flowId: options.flowId } });
    expect(() => compileFlow(selfJump, options)).toThrow(FlowCompileError);
  });
});
