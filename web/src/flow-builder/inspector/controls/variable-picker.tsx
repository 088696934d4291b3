// "Insert a variable": contact name and phone, a custom field by key, the flow's variables, the
// last reply and the HTTP status. The chosen reference goes in where the caret was.
import { useId, useState, type KeyboardEvent } from 'react';
import { Popover } from '../../../components/popover.tsx';
import { useInspector } from '../inspector-context.ts';
import { toIdentifier } from '../model/names.ts';
import { customFieldToken, pickerTokens, type PickerToken } from '../model/template-insert.ts';

type VariablePickerProps = { fieldLabel: string; onInsert: (token: string) => void };

const GROUPS: ReadonlyArray<PickerToken['group']> = ['Contact', 'Variables', 'Conversation'];

export function VariablePicker({ fieldLabel, onInsert }: VariablePickerProps) {
  const { variables, readOnly } = useInspector();
  if (readOnly) {
    return null;
  }
  const tokens = pickerTokens(variables);
  // Escape closes the panel (Popover): the keyboard goes back to the button that opened it.
  const returnFocus = (event: KeyboardEvent<HTMLDivElement>) => {
    const trigger = event.currentTarget.closest('.popover')?.querySelector<HTMLButtonElement>('button[aria-expanded]');
    if (event.key === 'Escape') {
      requestAnimationFrame(() => trigger?.focus());
    }
  };
  return (
    <Popover
      label={`Insert a variable into ${fieldLabel}`}
      trigger={<span aria-hidden="true">{'{x}'}</span>}
      triggerClassName="inspector-picker-trigger"
      align="end"
    >
      {(close) => (
        <div className="menu inspector-picker" onKeyDown={returnFocus}>
          {GROUPS.map((group, groupIndex) => (
            <div key={group} className="menu-section" role="group" aria-label={group}>
              <p className="menu-label">{group}</p>
              {tokens
                .filter((token) => token.group === group)
                .map((token, index) => (
                  <button
                    key={token.token}
                    type="button"
                    className="menu-item"
                    autoFocus={groupIndex === 0 && index === 0}
                    onClick={() => {
                      close();
                      onInsert(token.token);
                    }}
                  >
                    <span className="menu-item-text">{token.label}</span>
                    <code className="inspector-token">{token.token}</code>
                  </button>
                ))}
              {group === 'Variables' && tokens.every((token) => token.group !== 'Variables') && (
                <p className="inspector-picker-empty">No variables yet: save an answer or set one first.</p>
              )}
              {group === 'Contact' && (
                <CustomFieldInsert
                  onInsert={(token) => {
                    close();
                    onInsert(token);
                  }}
                />
              )}
            </div>
          ))}
        </div>
      )}
    </Popover>
  );
}

function CustomFieldInsert({ onInsert }: { onInsert: (token: string) => void }) {
  const id = useId();
  const [key, setKey] = useState('');
  const insert = () => {
    if (key !== '') {
      onInsert(customFieldToken(key));
    }
  };
  return (
    <div className="inspector-picker-custom">
      <label htmlFor={id} className="menu-item-sub">
        Custom field key
      </label>
      <div className="inspector-inline">
        <input
          id={id}
          className="input input-sm"
          value={key}
          placeholder="plan"
          onChange={(event) => setKey(toIdentifier(event.target.value))}
          onKeyDown={(event) => {
            if (event.key === 'Enter') {
              event.preventDefault();
              insert();
            }
          }}
        />
        <button type="button" className="btn btn-secondary btn-sm" disabled={key === ''} onClick={insert}>
          Insert
        </button>
      </div>
    </div>
  );
}
