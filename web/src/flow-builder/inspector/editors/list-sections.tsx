// The options of a list message: sections (titled when there are several) of rows with a title and
// a description, within WhatsApp's limits of 10 sections and 10 rows in all.
import { WHATSAPP_LIMITS } from '#api/whatsapp/limits';
import type { ListData } from '#flow-dsl/nodes/list/schema';
import { AddItemButton } from '../controls/add-item-button.tsx';
import { ItemCard } from '../controls/item-card.tsx';
import { TextField } from '../controls/text-field.tsx';
import { useInspector } from '../inspector-context.ts';
import { DiagnosticList } from '../controls/diagnostic-list.tsx';
import { stableKeys } from '../model/list-ops.ts';
import * as ops from '../model/option-updates.ts';

const L = WHATSAPP_LIMITS.list;
type ListSectionsProps = { data: ListData; onChange: (data: ListData) => void };

export function ListSections({ data, onChange }: ListSectionsProps) {
  const { diagnosticsAt, nodeId } = useInspector();
  const isSeveral = data.sections.length > 1;
  const used = ops.listRowCount(data);
  return (
    <fieldset className="plain-fieldset inspector-group">
      <legend className="field-label">Options</legend>
      <p className="field-hint">
        {used} of {L.rowsTotal} options used. Each option is its own path out of this step.
      </p>
      <DiagnosticList diagnostics={diagnosticsAt('sections')} nodeId={nodeId} />
      {data.sections.map((section, s) => {
        const sectionName = isSeveral ? `Section ${s + 1}` : 'Options';
        const keys = stableKeys(section.rows.map((row) => row.id));
        return (
          <div key={s} className="inspector-list-section" role="group" aria-label={sectionName}>
            {isSeveral && (
              <div className="inspector-section-title-row">
                <TextField
                  label={`Section ${s + 1} title`}
                  path={`sections.${s}.title`}
                  value={section.title}
                  limit={L.sectionTitle}
                  onChange={(title) => onChange(ops.renameListSection(data, s, title))}
                />
                <button
                  type="button"
                  className="btn btn-ghost btn-sm"
                  onClick={() => onChange(ops.removeListSection(data, s))}
                >
                  Remove section<span className="visually-hidden"> {s + 1}</span>
                </button>
              </div>
            )}
            <DiagnosticList diagnostics={diagnosticsAt(`sections.${s}`)} nodeId={nodeId} />
            <ol className="inspector-items">
              {section.rows.map((row, r) => {
                const name = isSeveral ? `Section ${s + 1} option ${r + 1}` : `Option ${r + 1}`;
                return (
                  <ItemCard
                    key={keys[r]}
                    name={name}
                    path={`sections.${s}.rows.${r}`}
                    index={r}
                    count={section.rows.length}
                    onMove={(from, to) => onChange(ops.moveListRow(data, s, from, to))}
                    onRemove={() => onChange(ops.removeListRow(data, s, r))}
                    removeBlocker={used <= 1 ? 'A list needs at least one option.' : null}
                  >
                    <TextField
                      context={name}
                      label="Title"
                      path={`sections.${s}.rows.${r}.title`}
                      value={row.title}
                      limit={L.rowTitle}
                      onChange={(title) => onChange(ops.patchListRow(data, s, r, { title }))}
                    />
                    <TextField
                      context={name}
                      label="Description"
                      path={`sections.${s}.rows.${r}.description`}
                      value={row.description}
                      limit={L.rowDescription}
                      placeholder="Optional"
                      onChange={(description) => onChange(ops.patchListRow(data, s, r, { description }))}
                    />
                  </ItemCard>
                );
              })}
            </ol>
            <AddItemButton
              label={isSeveral ? `Add an option to section ${s + 1}` : 'Add an option'}
              blocker={ops.listAddBlocker(data, 'row')}
              onClick={() => onChange(ops.addListRow(data, s))}
            />
          </div>
        );
      })}
      <AddItemButton
        label="Add a section"
        blocker={ops.listAddBlocker(data, 'section')}
        onClick={() => onChange(ops.addListSection(data))}
      />
    </fieldset>
  );
}
