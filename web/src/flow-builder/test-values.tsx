// What the test customer is: a name, values for the flow's variables, and contact fields
// (`{{contact.fields.plan}}`), set before the test starts.
import { useState } from 'react';
import { Button } from '../components/button.tsx';

export type TestSetup = {
  contactName: string;
  variables: Record<string, unknown>;
  contactFields: Record<string, unknown>;
};

export function TestValues({ setup, onChange }: { setup: TestSetup; onChange: (setup: TestSetup) => void }) {
  const [fieldKey, setFieldKey] = useState('');
  return (
    <details className="fb-test-values" open>
      <summary>Test values</summary>
      <div className="form-stack">
        <label className="field-label" htmlFor="fb-test-name">
          Customer name
        </label>
        <input
          id="fb-test-name"
          className="input"
          value={setup.contactName}
          maxLength={60}
          onChange={(e) => onChange({ ...setup, contactName: e.target.value })}
        />
        {Object.entries(setup.variables).map(([name, value]) => (
          <div key={name} className="field">
            <label className="field-label" htmlFor={`fb-test-var-${name}`}>
              {`{{vars.${name}}}`}
            </label>
            <input
              id={`fb-test-var-${name}`}
              className="input"
              value={String(value ?? '')}
              onChange={(e) => onChange({ ...setup, variables: { ...setup.variables, [name]: e.target.value } })}
            />
          </div>
        ))}
        {Object.entries(setup.contactFields).map(([key, value]) => (
          <div key={key} className="field">
            <label className="field-label" htmlFor={`fb-test-field-${key}`}>
              {`{{contact.fields.${key}}}`}
            </label>
            <input
              id={`fb-test-field-${key}`}
              className="input"
              value={String(value ?? '')}
              onChange={(e) => onChange({ ...setup, contactFields: { ...setup.contactFields, [key]: e.target.value } })}
            />
          </div>
        ))}
        <div className="fb-row">
          <input
            className="input"
            aria-label="New contact field"
            placeholder="Contact field, e.g. plan"
            value={fieldKey}
            onChange={(e) => setFieldKey(e.target.value.replace(/[^\w]/g, ''))}
          />
          <Button
            size="sm"
            disabled={!fieldKey}
            onClick={() => {
              onChange({ ...setup, contactFields: { ...setup.contactFields, [fieldKey]: '' } });
              setFieldKey('');
            }}
          >
            Add field
          </Button>
        </div>
      </div>
    </details>
  );
}
