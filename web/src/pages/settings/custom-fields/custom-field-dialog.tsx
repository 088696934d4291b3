// Create or edit a custom field. The key is chosen once (values are stored under it); the label,
// options, required and agent-visible flags can change later. Server errors show on their input.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { CUSTOM_FIELD_TYPES, type CustomFieldType } from '#api/contacts/custom-field-schemas';
import type { CustomFieldView } from '#api/contacts/schemas';
import { ApiError } from '../../../api/api-error.ts';
import { createCustomField, customFieldsKey, updateCustomField } from '../../../api/contacts-api.ts';
import { Button } from '../../../components/button.tsx';
import { Modal, ModalFooter } from '../../../components/modal.tsx';

export const FIELD_TYPE_LABELS: Record<CustomFieldType, string> = {
  text: 'Text',
  number: 'Number',
  date: 'Date',
  dropdown: 'Dropdown',
  multi_select: 'Multi-select',
  checkbox: 'Checkbox',
};

type Props = { existing: CustomFieldView | null; canShowToAgents: boolean; onClose: () => void };

export function CustomFieldDialog({ existing, canShowToAgents, onClose }: Props) {
  const [label, setLabel] = useState(existing?.label ?? '');
  const [key, setKey] = useState(existing?.key ?? '');
  const [keyTouched, setKeyTouched] = useState(false);
  const [type, setType] = useState<CustomFieldType>(existing?.type ?? 'text');
  const [options, setOptions] = useState(existing?.options.join('\n') ?? '');
  const [required, setRequired] = useState(existing?.required ?? false);
  const [agentVisible, setAgentVisible] = useState(existing?.agentVisible ?? false);
  const queryClient = useQueryClient();
  const hasChoices = type === 'dropdown' || type === 'multi_select';
  const optionList = options
    .split('\n')
    .map((option) => option.trim())
    .filter((option) => option !== '');
  const save = useMutation({
    mutationFn: () => {
      const common = {
        label,
        required,
        agentVisible,
        ...(hasChoices || existing ? { options: hasChoices ? optionList : [] } : {}),
      };
      return existing
        ? updateCustomField(existing.id, common)
        : createCustomField({ ...common, key, type, options: hasChoices ? optionList : [] });
    },
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: customFieldsKey });
      onClose();
    },
  });
  const errorFor = (field: string) =>
    save.error instanceof ApiError
      ? save.error.fields.find((f) => f.field === field || f.field.startsWith(`${field}.`))?.message
      : undefined;
  const error = (field: string) => errorFor(field) && <p className="field-error">{errorFor(field)}</p>;
  return (
    <Modal title={existing ? `Edit ${existing.label}` : 'New custom field'} onClose={onClose}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          save.mutate();
        }}
      >
        <div className="field">
          <label className="field-label" htmlFor="field-label">
            Label
          </label>
          <input
            id="field-label"
            className="input"
            value={label}
            onChange={(e) => {
              setLabel(e.target.value);
              if (!existing && !keyTouched) {
                setKey(toKey(e.target.value));
              }
            }}
          />
          {error('label')}
        </div>
        <div className="field">
          <label className="field-label" htmlFor="field-key">
            Key
          </label>
          <input
            id="field-key"
            className="input"
            value={key}
            disabled={existing !== null}
            onChange={(e) => {
              setKeyTouched(true);
              setKey(e.target.value);
            }}
          />
          {errorFor('key') ? (
            error('key')
          ) : (
            <p className="field-hint">Used as {`{{contact.fields.${key || 'key'}}}`}; it cannot change later.</p>
          )}
        </div>
        <div className="field">
          <label className="field-label" htmlFor="field-type">
            Type
          </label>
          <select
            id="field-type"
            className="input"
            value={type}
            disabled={existing !== null}
            onChange={(e) => setType(e.target.value as CustomFieldType)}
          >
            {CUSTOM_FIELD_TYPES.map((value) => (
              <option key={value} value={value}>
                {FIELD_TYPE_LABELS[value]}
              </option>
            ))}
          </select>
        </div>
        {hasChoices && (
          <div className="field">
            <label className="field-label" htmlFor="field-options">
              Options, one per line
            </label>
            <textarea
              id="field-options"
              className="input"
              rows={4}
              value={options}
              onChange={(e) => setOptions(e.target.value)}
            />
            {error('options')}
          </div>
        )}
        <label className="contact-check">
          <input type="checkbox" checked={required} onChange={(e) => setRequired(e.target.checked)} />
          Required when a contact is created
        </label>
        <label className="contact-check">
          <input
            type="checkbox"
            checked={agentVisible}
            disabled={!agentVisible && !canShowToAgents}
            onChange={(e) => setAgentVisible(e.target.checked)}
          />
          Show to agents in the inbox{!agentVisible && !canShowToAgents ? ' (3 fields already are)' : ''}
        </label>
        {error('agentVisible')}
        {save.error && !(save.error instanceof ApiError && save.error.fields.length > 0) && (
          <p className="field-error">{save.error.message}</p>
        )}
        <ModalFooter>
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="primary" isPending={save.isPending}>
            Save
          </Button>
        </ModalFooter>
      </form>
    </Modal>
  );
}

function toKey(label: string): string {
  const key = label
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^[^a-z]+|_+$/g, '')
    .slice(0, 40);
  return key;
}
