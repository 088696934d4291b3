// The file's first rows under a field picker per column. A cell the check found wrong is marked
// and says why; the last column lists each row's problems.
import type { ImportMapping, ImportPreview, RowError } from '#api/contact-imports/schemas';

type PreviewTableProps = {
  preview: ImportPreview;
  mapping: ImportMapping;
  errors: RowError[];
  onMap: (column: string, target: string | null) => void;
};

export function PreviewTable({ preview, mapping, errors, onMap }: PreviewTableProps) {
  const byRow = new Map<number, RowError[]>();
  for (const error of errors) {
    byRow.set(error.row, [...(byRow.get(error.row) ?? []), error]);
  }
  const contactTargets = preview.targets.filter((target) => target.type === 'contact');
  const customTargets = preview.targets.filter((target) => target.type !== 'contact');
  return (
    <div className="table-wrap import-preview">
      <table className="table">
        <thead>
          <tr>
            <th scope="col">Row</th>
            {preview.headers.map((header) => (
              <th scope="col" key={header}>
                <div className="import-column">
                  <span>{header}</span>
                  <select
                    className="input"
                    aria-label={`Field for column ${header}`}
                    value={mapping[header] ?? ''}
                    onChange={(event) => onMap(header, event.target.value || null)}
                  >
                    <option value="">Ignore this column</option>
                    <optgroup label="Contact">
                      {contactTargets.map((target) => (
                        <option key={target.target} value={target.target}>
                          {target.label}
                          {target.required ? ' (required)' : ''}
                        </option>
                      ))}
                    </optgroup>
                    {customTargets.length > 0 && (
                      <optgroup label="Custom fields">
                        {customTargets.map((target) => (
                          <option key={target.target} value={target.target}>
                            {target.label} ({target.type.replace('_', '-')}){target.required ? ' (required)' : ''}
                          </option>
                        ))}
                      </optgroup>
                    )}
                  </select>
                </div>
              </th>
            ))}
            <th scope="col">Problems</th>
          </tr>
        </thead>
        <tbody>
          {preview.rows.map((cells, index) => {
            const row = index + 2;
            const problems = byRow.get(row) ?? [];
            return (
              <tr key={row} className={problems.length ? 'is-invalid' : undefined} data-row={row}>
                <td className="cell-muted">{row}</td>
                {cells.map((cell, column) => {
                  const problem = problems.find((p) => p.column === preview.headers[column]);
                  return (
                    <td key={column} className={problem ? 'import-cell-error' : undefined} title={problem?.message}>
                      {cell}
                    </td>
                  );
                })}
                <td className="import-row-problems">{problems.map((p) => p.message).join('; ')}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
