import { useId, useState, type FormEvent } from 'react';
import type { AuditFilters as Filters } from '../../../api/audit-api.ts';
import { Button } from '../../../components/button.tsx';

// Prefixes ending in "." match every action of an area; the server also takes exact actions.
const ACTION_PREFIXES = ['auth.', 'member.', 'invitation.', 'role.', 'apiKey.', 'workspace.'];

export function AuditFilters({ onApply }: { onApply: (filters: Filters) => void }) {
  const id = useId();
  const [action, setAction] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const isBackwards = from !== '' && to !== '' && from > to;

  const apply = (event: FormEvent) => {
    event.preventDefault();
    if (isBackwards) {
      return;
    }
    onApply({
      action: action.trim() || undefined,
      // Whole local days: from midnight on the first day to the last millisecond of the last one.
      from: from ? new Date(`${from}T00:00:00`).toISOString() : undefined,
      to: to ? new Date(`${to}T23:59:59.999`).toISOString() : undefined,
    });
  };
  const reset = () => {
    setAction('');
    setFrom('');
    setTo('');
    onApply({});
  };

  return (
    <form className="filters" onSubmit={apply} noValidate>
      <div className="field">
        <label className="field-label" htmlFor={`${id}-action`}>
          Action
        </label>
        <input
          id={`${id}-action`}
          className="input"
          list={`${id}-actions`}
          placeholder="e.g. member."
          value={action}
          onChange={(event) => setAction(event.target.value)}
        />
        <datalist id={`${id}-actions`}>
          {ACTION_PREFIXES.map((prefix) => (
            <option key={prefix} value={prefix} />
          ))}
        </datalist>
      </div>
      <div className="field">
        <label className="field-label" htmlFor={`${id}-from`}>
          From
        </label>
        <input id={`${id}-from`} className="input" type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
      </div>
      <div className="field">
        <label className="field-label" htmlFor={`${id}-to`}>
          To
        </label>
        <input
          id={`${id}-to`}
          className="input"
          type="date"
          value={to}
          aria-invalid={isBackwards || undefined}
          onChange={(e) => setTo(e.target.value)}
        />
      </div>
      <div className="filters-actions">
        <Button type="submit" variant="primary" disabled={isBackwards}>
          Apply filters
        </Button>
        <Button variant="ghost" onClick={reset}>
          Reset
        </Button>
      </div>
      {isBackwards && <p className="field-error filters-error">“To” must be on or after “From”.</p>}
    </form>
  );
}
