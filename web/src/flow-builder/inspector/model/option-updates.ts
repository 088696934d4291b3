// Reply buttons and list rows: WhatsApp's limits (1–3 buttons; at most 10 sections and 10 rows in
// all) hold after every edit, and ids are generated once (handle-ids.ts).
import { WHATSAPP_LIMITS } from '#api/whatsapp/limits';
import type { ButtonsData } from '#flow-dsl/nodes/buttons/schema';
import type { ListData, ListRow, ListSection } from '#flow-dsl/nodes/list/schema';
import { newHandleId } from './handle-ids.ts';
import { appendItem, moveItem, patchItem, removeItem } from './list-ops.ts';

const { buttons: B, list: L } = WHATSAPP_LIMITS;
type Random = () => number;

/** Why no more buttons can be added, or null. */
export function buttonsAddBlocker(data: ButtonsData): string | null {
  return data.buttons.length >= B.max ? `WhatsApp allows at most ${B.max} buttons in one message.` : null;
}

export function addButton(data: ButtonsData, random?: Random): ButtonsData {
  const id = newHandleId(
    'button',
    data.buttons.map((b) => b.id),
    random,
  );
  const title = `Option ${data.buttons.length + 1}`;
  return { ...data, buttons: appendItem(data.buttons, { id, title }, B.max) };
}

/** The last button stays: a buttons message needs one. */
export function removeButton(data: ButtonsData, index: number): ButtonsData {
  return data.buttons.length <= 1 ? data : { ...data, buttons: removeItem(data.buttons, index) };
}

export function moveButton(data: ButtonsData, from: number, to: number): ButtonsData {
  return { ...data, buttons: moveItem(data.buttons, from, to) };
}

/** Only the title changes: the id, and so the output handle and its edge, stay. */
export function renameButton(data: ButtonsData, index: number, title: string): ButtonsData {
  return { ...data, buttons: patchItem(data.buttons, index, { title }) };
}

export function listRowCount(data: ListData): number {
  return data.sections.reduce((total, section) => total + section.rows.length, 0);
}

/** Why no more rows (or sections, which come with a row) can be added, or null. */
export function listAddBlocker(data: ListData, what: 'row' | 'section'): string | null {
  if (listRowCount(data) >= L.rowsTotal) {
    return `WhatsApp allows at most ${L.rowsTotal} options in one list.`;
  }
  return what === 'section' && data.sections.length >= L.sections
    ? `WhatsApp allows at most ${L.sections} sections.`
    : null;
}

function newRow(data: ListData, random?: Random): ListRow {
  const taken = data.sections.flatMap((section) => section.rows.map((row) => row.id));
  return { id: newHandleId('option', taken, random), title: `Option ${taken.length + 1}`, description: '' };
}

export function addListRow(data: ListData, sectionIndex: number, random?: Random): ListData {
  if (listAddBlocker(data, 'row') !== null || data.sections[sectionIndex] === undefined) {
    return data;
  }
  const row = newRow(data, random);
  return withSection(data, sectionIndex, (s) => ({ ...s, rows: [...s.rows, row] }));
}

export function addListSection(data: ListData, random?: Random): ListData {
  if (listAddBlocker(data, 'section') !== null) {
    return data;
  }
  const section: ListSection = { title: `Section ${data.sections.length + 1}`, rows: [newRow(data, random)] };
  // Several sections each need a title (WhatsApp): an untitled one gets its number.
  const titled = data.sections.map((s, i) => (s.title.trim() === '' ? { ...s, title: `Section ${i + 1}` } : s));
  return { ...data, sections: [...titled, section] };
}

/** A section left without rows goes too; the list's last row stays. */
export function removeListRow(data: ListData, sectionIndex: number, rowIndex: number): ListData {
  const section = data.sections[sectionIndex];
  if (section === undefined || listRowCount(data) <= 1) {
    return data;
  }
  if (section.rows.length <= 1) {
    return { ...data, sections: removeItem(data.sections, sectionIndex) };
  }
  return withSection(data, sectionIndex, (s) => ({ ...s, rows: removeItem(s.rows, rowIndex) }));
}

export function removeListSection(data: ListData, sectionIndex: number): ListData {
  return data.sections.length <= 1 ? data : { ...data, sections: removeItem(data.sections, sectionIndex) };
}

export function moveListRow(data: ListData, sectionIndex: number, from: number, to: number): ListData {
  return withSection(data, sectionIndex, (s) => ({ ...s, rows: moveItem(s.rows, from, to) }));
}

export function patchListRow(data: ListData, s: number, r: number, patch: Partial<Omit<ListRow, 'id'>>): ListData {
  return withSection(data, s, (section) => ({ ...section, rows: patchItem<ListRow>(section.rows, r, patch) }));
}

export function renameListSection(data: ListData, sectionIndex: number, title: string): ListData {
  return { ...data, sections: patchItem(data.sections, sectionIndex, { title }) };
}

function withSection(data: ListData, index: number, update: (s: ListSection) => ListSection): ListData {
  return { ...data, sections: data.sections.map((s, i) => (i === index ? update(s) : s)) };
}
