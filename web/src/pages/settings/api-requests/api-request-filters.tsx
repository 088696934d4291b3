import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { API_REQUEST_METHODS } from '#api/api-requests/schemas';
import { useApiKeys } from '../../../api/api-keys-api.ts';
import type { ApiRequestFilters } from '../../../api/api-requests-api.ts';
import { useCan } from '../../../auth/use-session.ts';
import { Button } from '../../../components/button.tsx';

const STATUS_PATTERN = /^[1-5](\d\d|xx)$/i;
const EMPTY = { apiKeyId: '', method: '', path: '', status: '', from: '', to: '' };

export function ApiRequestFiltersForm({ onApply }: { onApply: (filters: ApiRequestFilters) => void }) {
  const id = useId();
  const can = useCan();
  // Only key managers can list the keys; others still filter by the other fields.
  const keys = useApiKeys(can('apiKeys.manage'));
  const [values, setValues] = useState(EMPTY);
  const set = (name: keyof typeof EMPTY) => (event: { target: { value: string } }) =>
    setValues((current) => ({ ...current, [name]: event.target.value }));
  const isBackwards = values.from !== '' && values.to !== '' && values.from > values.to;
  const isBadStatus = values.status.trim() !== '' && !STATUS_PATTERN.test(values.status.trim());

  const apply = (event: FormEvent) => {
    event.preventDefault();
    if (isBackwards || isBadStatus) {
      return;
    }
    onApply({
      apiKeyId: values.apiKeyId || undefined,
      method: values.method || undefined,
      path: values.path.trim() || undefined,
      status: values.status.trim() || undefined,
      // Whole local days: from midnight on the first day to the last millisecond of the last one.
      from: values.from ? new Date(`${values.from}T00:00:00`).toISOString() : undefined,
      to: values.to ? new Date(`${values.to}T23:59:59.999`).toISOString() : undefined,
    });
  };
  const reset = () => {
    setValues(EMPTY);
    onApply({});
  };
  const field = (name: keyof typeof EMPTY, label: string, control: ReactNode) => (
    <div className="field">
      <label className="field-label" htmlFor={`${id}-${name}`}>
        {label}
      </label>
      {control}
    </div>
  );

  return (
    <form className="filters" onSubmit={apply} noValidate aria-label="Filter API requests">
      {can('apiKeys.manage') &&
        field(
          'apiKeyId',
          'API key',
          <select id={`${id}-apiKeyId`} className="input" value={values.apiKeyId} onChange={set('apiKeyId')}>
            <option value="">Any caller</option>
            {keys.items.map((key) => (
              <option key={key.id} value={key.id}>
                {key.name}
              </option>
            ))}
          </select>,
        )}
      {field(
        'method',
        'Method',
        <select id={`${id}-method`} className="input" value={values.method} onChange={set('method')}>
          <option value="">Any</option>
          {API_REQUEST_METHODS.map((method) => (
            <option key={method}>{method}</option>
          ))}
        </select>,
      )}
      {field(
        'path',
        'Path contains',
        <input
          id={`${id}-path`}
          className="input"
          placeholder="/api/contacts"
          value={values.path}
          onChange={set('path')}
        />,
      )}
      {field(
        'status',
        'Status',
        <input
          id={`${id}-status`}
          className="input"
          placeholder="4xx or 429"
          value={values.status}
          aria-invalid={isBadStatus || undefined}
          onChange={set('status')}
        />,
      )}
      {field(
        'from',
        'From',
        <input id={`${id}-from`} className="input" type="date" value={values.from} onChange={set('from')} />,
      )}
      {field(
        'to',
        'To',
        <input
          id={`${id}-to`}
          className="input"
          type="date"
          value={values.to}
          aria-invalid={isBackwards || undefined}
          onChange={set('to')}
        />,
      )}
      <div className="filters-actions">
        <Button type="submit" variant="primary" disabled={isBackwards || isBadStatus}>
          Apply filters
        </Button>
        <Button variant="ghost" onClick={reset}>
          Reset
        </Button>
      </div>
      {isBackwards && <p className="field-error filters-error">“To” must be on or after “From”.</p>}
      {isBadStatus && <p className="field-error filters-error">Status is a code such as 404 or a class such as 4xx.</p>}
    </form>
  );
}
