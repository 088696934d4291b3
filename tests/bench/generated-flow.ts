// A valid flow of `size` nodes for the builder benchmark: a chain of messages, questions, buttons
// and conditions with branches, laid out left to right the way the builder's tidy-up would.
export function generatedFlow(size: number) {
  const nodes: Array<Record<string, unknown>> = [{ id: 'start', type: 'start', position: { x: 0, y: 0 }, data: {} }];
  const edges: Array<Record<string, unknown>> = [];
  let previous = { id: 'start', handle: 'next' };
  for (let i = 1; i < size; i++) {
    const id = `n${i}`;
    const position = { x: (i % 25) * 340, y: Math.floor(i / 25) * 260 };
    const kind = i % 4;
    const node =
      kind === 0
        ? { id, type: 'send_text', position, data: { text: `Message ${i}: thanks, {{contact.name | "friend"}}!` } }
        : kind === 1
          ? {
              id,
              type: 'buttons',
              position,
              data: {
                body: `Question ${i}: what next?`,
                buttons: [
                  { id: 'a', title: 'Go on' },
                  { id: 'b', title: 'Stop' },
                  { id: 'c', title: 'Talk to us' },
                ],
                saveAs: `choice_${i}`,
              },
            }
          : kind === 2
            ? {
                id,
                type: 'condition',
                position,
                data: {
                  conditions: {
                    op: 'and',
                    conditions: [
                      { left: { source: 'var', key: `choice_${i - 1}` }, operator: 'equals', value: 'Go on' },
                    ],
                  },
                },
              }
            : {
                id,
                type: 'ask_question',
                position,
                data: { prompt: `Step ${i}: your e-mail?`, inputType: 'email', saveAs: `email_${i}` },
              };
    nodes.push(node);
    edges.push({ id: `e${i}`, source: previous.id, sourceHandle: previous.handle, target: id });
    previous = { id, handle: kind === 1 ? 'button:a' : kind === 2 ? 'true' : kind === 3 ? 'answered' : 'next' };
  }
  return {
    schemaVersion: 2,
    name: `Generated ${size}-node flow`,
    trigger: { type: 'manual' },
    variables: [],
    nodes,
    edges,
  };
}
