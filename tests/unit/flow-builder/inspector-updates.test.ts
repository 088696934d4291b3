// Every edit the inspector makes, applied to a node type's defaults (what the palette drops), gives
// data its schema still parses, and WhatsApp's limits and unique ids hold however edits combine.
import fc from 'fast-check';
import { NODE_DATA_SCHEMAS, NODE_DEFAULTS, type NodeData, type NodeType } from '#flow-dsl/catalogue';
import { validateFlow } from '#flow-dsl/validate';
import * as options from '../../../web/src/flow-builder/inspector/model/option-updates.ts';
import * as split from '../../../web/src/flow-builder/inspector/model/split-updates.ts';
import { flowDocument } from '../flow-dsl/flow-builders.ts';

const parses = <T extends NodeType>(type: T, data: NodeData<T>) => {
  const result = NODE_DATA_SCHEMAS[type].safeParse(data);
  expect(result.success ? null : result.error.issues).toBeNull();
};
/** Diagnostics of one node of this data, beside a start node. */
const diagnosticsOf = (type: NodeType, data: unknown) =>
  validateFlow(
    flowDocument(
      [
        { id: 'start', type: 'start' },
        { id: 'n', type, data: data as Record<string, unknown> },
      ],
      [],
    ),
  );
const codes = (type: NodeType, data: unknown) => diagnosticsOf(type, data).map((d) => d.code);
const clone = <T>(value: T): T => structuredClone(value);

describe('[builder] buttons', () => {
  const start = () => clone(NODE_DEFAULTS.buttons) as NodeData<'buttons'>;

  it('adds up to three buttons, each with its own id, then says why not', () => {
    let data = start();
    expect(options.buttonsAddBlocker(data)).toBeNull();
    for (let i = 0; i < 5; i += 1) {
      data = options.addButton(data);
    }
    expect(data.buttons).toHaveLength(3);
    expect(new Set(data.buttons.map((b) => b.id)).size).toBe(3);
    expect(options.buttonsAddBlocker(data)).toMatch(/at most 3/);
    parses('buttons', data);
    expect(codes('buttons', { ...data, body: 'Pick' })).not.toContain('whatsapp_limit');
  });

  it('keeps the id (the output handle) when the title changes', () => {
    const data = options.addButton(start());
    const renamed = options.renameButton(data, 1, 'Talk to sales');
    expect(renamed.buttons[1]).toEqual({ id: data.buttons[1]!.id, title: 'Talk to sales' });
    parses('buttons', renamed);
  });

  it('reorders and removes, keeping the last button', () => {
    let data = options.addButton(options.addButton(start()));
    const ids = data.buttons.map((b) => b.id);
    data = options.moveButton(data, 2, 0);
    expect(data.buttons.map((b) => b.id)).toEqual([ids[2], ids[0], ids[1]]);
    expect(options.moveButton(data, 0, -1)).toEqual(data);
    data = options.removeButton(options.removeButton(options.removeButton(data, 0), 0), 0);
    expect(data.buttons.map((b) => b.id)).toEqual([ids[1]]);
    parses('buttons', data);
  });
});

describe('[builder] list', () => {
  const start = () => clone(NODE_DEFAULTS.list) as NodeData<'list'>;

  it('stops at ten rows in all, across sections, and says why', () => {
    let data = options.addListSection(start());
    for (let i = 0; i < 12; i += 1) {
      data = options.addListRow(data, i % 2);
    }
    expect(options.listRowCount(data)).toBe(10);
    expect(options.listAddBlocker(data, 'row')).toMatch(/at most 10/);
    expect(options.addListSection(data)).toEqual(data);
    parses('list', data);
    expect(codes('list', { ...data, body: 'Pick' })).not.toContain('whatsapp_limit');
    expect(codes('list', data)).not.toContain('duplicate_handle_id');
  });

  it('removes a section with its last row, never the list’s last row', () => {
    let data = options.addListSection(start());
    data = options.removeListRow(data, 1, 0);
    expect(data.sections).toHaveLength(1);
    expect(options.removeListRow(data, 0, 0)).toEqual(data);
    expect(options.removeListSection(data, 0)).toEqual(data);
    parses('list', data);
  });

  it('edits rows and section titles in place', () => {
    let data = options.addListRow(start(), 0);
    const id = data.sections[0]!.rows[1]!.id;
    data = options.patchListRow(data, 0, 1, { title: 'Returns', description: 'Send something back' });
    data = options.moveListRow(data, 0, 1, 0);
    data = options.renameListSection(data, 0, 'Help');
    expect(data.sections[0]).toMatchObject({ title: 'Help', rows: [{ id, title: 'Returns' }, {}] });
    parses('list', data);
  });

  it('holds WhatsApp’s limits under any sequence of edits', () => {
    const edit = fc.oneof(
      fc.record({ op: fc.constant('row' as const), at: fc.nat(12) }),
      fc.record({ op: fc.constant('section' as const), at: fc.nat(12) }),
      fc.record({ op: fc.constant('remove' as const), at: fc.nat(12), row: fc.nat(12) }),
      fc.record({ op: fc.constant('dropSection' as const), at: fc.nat(12) }),
    );
    fc.assert(
      fc.property(fc.array(edit, { maxLength: 40 }), (edits) => {
        const data = edits.reduce((current, e) => {
          switch (e.op) {
            case 'row':
              return options.addListRow(current, e.at % current.sections.length);
            case 'section':
              return options.addListSection(current);
            case 'remove':
              return options.removeListRow(current, e.at % current.sections.length, e.row);
            default:
              return options.removeListSection(current, e.at % current.sections.length);
          }
        }, start());
        const rows = data.sections.flatMap((s) => s.rows);
        return (
          rows.length >= 1 &&
          rows.length <= 10 &&
          data.sections.every((s) => s.rows.length > 0) &&
          new Set(rows.map((r) => r.id)).size === rows.length &&
          NODE_DATA_SCHEMAS.list.safeParse(data).success
        );
      }),
    );
  });
});

describe('[builder] A/B split and intents', () => {
  it('keeps 2 to 5 paths and shows each share', () => {
    let data = clone(NODE_DEFAULTS.ab_split) as NodeData<'ab_split'>;
    expect(split.variantsRemoveBlocker(data)).toMatch(/at least 2/);
    expect(split.removeVariant(data, 0)).toEqual(data);
    for (let i = 0; i < 6; i += 1) {
      data = split.addVariant(data);
    }
    expect(data.variants.map((v) => v.label)).toEqual(['A', 'B', 'C', 'D', 'E']);
    expect(split.variantsAddBlocker(data)).toMatch(/at most 5/);
    data = split.splitEvenly(split.removeVariant(split.removeVariant(data, 4), 3));
    expect(data.variants.map((v) => v.weight)).toEqual([34, 33, 33]);
    expect(split.variantShares(data.variants)).toEqual([34, 33, 33]);
    data = split.patchVariant(data, 0, { weight: -5, label: 'Control' });
    expect(data.variants[0]).toMatchObject({ weight: 0, label: 'Control' });
    expect(split.variantShares([{ id: 'a', label: 'A', weight: 0 }])).toEqual([0]);
    parses('ab_split', data);
    expect(codes('ab_split', data)).not.toContain('invalid_weights');
  });

  it('gives each new intent its own id', () => {
    const first = split.newIntent([]);
    const intents = [{ ...first, name: 'Prices', keywords: ['price'] }, split.newIntent([first])];
    expect(intents[1]!.id).not.toBe(first.id);
    expect(first.id).toMatch(/^intent_[a-z0-9]{6}$/);
    const data = { ...NODE_DEFAULTS.ai_intent, intents: [intents[0]!] };
    parses('ai_intent', data);
    expect(codes('ai_intent', data)).not.toContain('missing_field');
  });
});
