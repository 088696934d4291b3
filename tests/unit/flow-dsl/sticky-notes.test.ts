// Sticky notes are builder-only annotations in the document: parsed with defaults, kept by
// migration on read, and invisible to the validator and the compiler (the program hash does not
// move when notes change).
import { compileFlow } from '#flow-dsl/compile';
import { flowDocumentSchema } from '#flow-dsl/document';
import { migrateFlowDocument } from '#flow-dsl/migrations/index';
import { validateFlow } from '#flow-dsl/validate';
import { goldenFlow } from './flow-builders.ts';

const golden = goldenFlow('bike-shop-10-nodes');
const options = { flowId: 'f-notes', flowVersion: 1 };

function withNotes(notes: unknown[]): Record<string, unknown> {
  return { ...structuredClone(golden), notes };
}

describe('[flow-dsl] sticky notes', () => {
  it('parses notes with defaults, and a document without notes has none', () => {
    expect(flowDocumentSchema.parse(golden).notes).toEqual([]);
    const parsed = flowDocumentSchema.parse(withNotes([{ id: 'n1', position: { x: 10, y: -20 } }]));
    expect(parsed.notes).toEqual([{ id: 'n1', position: { x: 10, y: -20 }, text: '', color: 'yellow' }]);
    const sized = flowDocumentSchema.parse(
      withNotes([{ id: 'n2', position: { x: 0, y: 0 }, text: 'Ask Ana', color: 'pink', width: 240, height: 120 }]),
    );
    expect(sized.notes[0]).toEqual({
      id: 'n2',
      position: { x: 0, y: 0 },
      text: 'Ask Ana',
      color: 'pink',
      width: 240,
      height: 120,
    });
  });

  it('refuses a note without id or position, an unknown colour and text over 2,000 characters', () => {
    const bad = [
      { position: { x: 0, y: 0 } },
      { id: '', position: { x: 0, y: 0 } },
      { id: 'n' },
      { id: 'n', position: { x: 0, y: 0 }, color: 'orange' },
      { id: 'n', position: { x: 0, y: 0 }, text: 'x'.repeat(2001) },
      { id: 'n', position: { x: 0, y: 0 }, width: 'wide' },
    ];
    for (const note of bad) {
      const result = flowDocumentSchema.safeParse(withNotes([note]));
      expect({ note, success: result.success }).toEqual({ note, success: false });
      expect(result.error?.issues[0]?.path.slice(0, 2)).toEqual(['notes', 0]);
    }
    expect(
      flowDocumentSchema.safeParse(withNotes([{ id: 'n', position: { x: 0, y: 0 }, text: 'x'.repeat(2000) }])),
    ).toMatchObject({ success: true });
  });

  it('keeps notes when a stored document is read (migrated) again', () => {
    const notes = [{ id: 'n1', position: { x: 5, y: 5 }, text: 'Pricing lives in the sheet', color: 'blue' }];
    expect(migrateFlowDocument(withNotes(notes)).document.notes).toEqual(notes);
  });

  it('changes neither the diagnostics nor the program nor its hash', () => {
    const plain = compileFlow(golden, options);
    const noted = compileFlow(
      withNotes([
        { id: 'n1', position: { x: 0, y: 0 }, text: 'First note' },
        { id: 'n2', position: { x: 300, y: 40 }, text: 'Second', color: 'green', width: 200 },
      ]),
      options,
    );
    const edited = compileFlow(
      withNotes([{ id: 'n1', position: { x: 80, y: 90 }, text: 'Edited', color: 'pink' }]),
      options,
    );
    expect(noted.hash).toBe(plain.hash);
    expect(edited.hash).toBe(plain.hash);
    expect(noted).toEqual(plain);
    expect(JSON.stringify(noted)).not.toContain('First note');
    // Notes are not nodes: one whose id clashes with a node's is no duplicate id, and none is unreachable.
    const clashing = withNotes([
      { id: 'start', position: { x: 0, y: 0 } },
      { id: 'start', position: { x: 1, y: 1 } },
    ]);
    expect(validateFlow(clashing, options)).toEqual(validateFlow(golden, options));
  });
});
