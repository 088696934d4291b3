// The contact's own tags and custom fields, typed as text: `vip, newsletter` and `plan=gold`.
// Applied on Enter or when the field loses focus, since a half-typed value matches nothing.
import { useState } from 'react';
import { withFilters, type FilterParams } from '../filter-params.ts';
import { fieldsFromText, fieldsToText } from './fields-text.ts';

type Props = { filters: FilterParams; onChange: (filters: FilterParams) => void };

export function FieldsFilter({ filters, onChange }: Props) {
  const [tags, setTags] = useState(filters.contactTags ?? '');
  const [fields, setFields] = useState(fieldsToText(filters.fields));
  const parsedFields = fieldsFromText(fields);
  const apply = () => {
    if (parsedFields.ok) {
      onChange(withFilters(filters, { contactTags: tags.replace(/\s*,\s*/g, ','), fields: parsedFields.value }));
    }
  };
  return (
    <fieldset className="inbox-filter">
      <legend>Contact</legend>
      <input
        className="input"
        aria-label="Contact tags"
        placeholder="Contact tags, e.g. vip, newsletter"
        value={tags}
        onChange={(e) => setTags(e.target.value)}
        onBlur={apply}
        onKeyDown={(e) => e.key === 'Enter' && apply()}
      />
      <input
        className="input"
        aria-label="Contact fields"
        placeholder="Custom fields, e.g. plan=gold, city=Lyon"
        value={fields}
        aria-invalid={!parsedFields.ok || undefined}
        onChange={(e) => setFields(e.target.value)}
        onBlur={apply}
        onKeyDown={(e) => e.key === 'Enter' && apply()}
      />
      {!parsedFields.ok && <span className="field-error">{parsedFields.error}</span>}
    </fieldset>
  );
}
