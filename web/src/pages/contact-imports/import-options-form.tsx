// How the import treats phone numbers already in the workspace, tags for the whole batch, a group
// to add the contacts to, and the country of numbers written without a country code.
import { useQuery } from '@tanstack/react-query';
import { listImportGroups } from '../../api/contact-imports-api.ts';

export type ImportSettings = { onExisting: 'update' | 'skip'; tags: string; groupId: string; defaultCountry: string };

export function ImportOptionsForm({
  settings,
  onChange,
}: {
  settings: ImportSettings;
  onChange: (settings: ImportSettings) => void;
}) {
  const groups = useQuery({ queryKey: ['contact-groups'], queryFn: listImportGroups });
  const set = (change: Partial<ImportSettings>) => onChange({ ...settings, ...change });
  return (
    <div className="form-row">
      <fieldset className="field plain-fieldset">
        <legend className="field-label">Phone numbers already in your contacts</legend>
        <label>
          <input
            type="radio"
            name="onExisting"
            checked={settings.onExisting === 'update'}
            onChange={() => set({ onExisting: 'update' })}
          />{' '}
          Update them with the file&apos;s values
        </label>
        <label>
          <input
            type="radio"
            name="onExisting"
            checked={settings.onExisting === 'skip'}
            onChange={() => set({ onExisting: 'skip' })}
          />{' '}
          Skip them (leave as they are)
        </label>
      </fieldset>
      <label className="field">
        <span className="field-label">Tags for every imported contact</span>
        <input
          className="input"
          value={settings.tags}
          placeholder="spring-fair, lead"
          onChange={(event) => set({ tags: event.target.value })}
        />
        <span className="field-hint">Separate tags with commas.</span>
      </label>
      <label className="field">
        <span className="field-label">Add to group</span>
        <select className="input" value={settings.groupId} onChange={(event) => set({ groupId: event.target.value })}>
          <option value="">No group</option>
          {groups.data?.items.map((group) => (
            <option key={group.id} value={group.id}>
              {group.name}
            </option>
          ))}
        </select>
        {groups.error && <span className="field-error">Groups could not be loaded.</span>}
      </label>
      <label className="field">
        <span className="field-label">Default country code</span>
        <input
          className="input"
          value={settings.defaultCountry}
          maxLength={2}
          placeholder="US"
          onChange={(event) => set({ defaultCountry: event.target.value })}
        />
        <span className="field-hint">For numbers written without +country code (two letters, like US or BR).</span>
      </label>
    </div>
  );
}
