// Create or edit a contact: phone, name, e-mail, language, time zone, opt-in, tags and every
// custom field by its type. The server's field errors (a duplicate phone, a value that does not
// fit its field) show next to their inputs.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { OPT_IN_STATUSES, type ContactView, type OptInStatus } from '#api/contacts/schemas';
import { ApiError } from '../../api/api-error.ts';
import {
  contactsKey,
  createContact,
  customFieldsKey,
  listCustomFields,
  updateContact,
} from '../../api/contacts-api.ts';
import { Button } from '../../components/button.tsx';
import { Modal, ModalFooter } from '../../components/modal.tsx';
import { ErrorState, LoadingState } from '../../components/states.tsx';
import { CustomFieldInput, fromDraft, toDraft, type FieldDraft } from './custom-field-input.tsx';

export const OPT_IN_LABELS: Record<OptInStatus, string> = {
  opted_in: 'Opted in',
  opted_out: 'Opted out',
  unknown: 'Unknown',
};

type Props = { existing: ContactView | null; onClose: () => void; onSaved?: (contact: ContactView) => void };

export function ContactFormDialog({ existing, onClose, onSaved }: Props) {
  const fields = useQuery({ queryKey: customFieldsKey, queryFn: listCustomFields });
  const [values, setValues] = useState({
    phone: existing?.phone ?? '',
    name: existing?.name ?? '',
    email: existing?.email ?? '',
    language: existing?.language ?? '',
    timeZone: existing?.timeZone ?? '',
    optInStatus: existing?.optInStatus ?? ('unknown' as OptInStatus),
    tags: existing?.tags.join(', ') ?? '',
  });
  const [drafts, setDrafts] = useState<Record<string, FieldDraft>>({});
  const queryClient = useQueryClient();
  const save = useMutation({
    mutationFn: () => {
      const definitions = fields.data?.items ?? [];
      const fieldValues = Object.fromEntries(
        definitions
          .filter((field) => !existing || field.key in drafts)
          .map((field) => [field.key, fromDraft(field, draftOf(field.key))]),
      );
      const common = {
        phone: values.phone,
        name: values.name || null,
        email: values.email.trim() || null,
        language: values.language.trim() || null,
        timeZone: values.timeZone.trim() || null,
        tags: values.tags
          .split(',')
          .map((tag) => tag.trim())
          .filter((tag) => tag !== ''),
        fields: fieldValues,
      };
      if (existing) {
        return updateContact(existing.id, {
          ...common,
          ...(values.optInStatus !== existing.optInStatus ? { optInStatus: values.optInStatus } : {}),
        });
      }
      return createContact({ ...common, optInStatus: values.optInStatus });
    },
    onSuccess: async (contact) => {
      await queryClient.invalidateQueries({ queryKey: contactsKey });
      onSaved?.(contact);
      onClose();
    },
  });
  const draftOf = (key: string): FieldDraft => {
    const field = fields.data?.items.find((f) => f.key === key);
    return drafts[key] ?? (field ? toDraft(field, existing?.fields[key]) : '');
  };
  const errorFor = (name: string) =>
    save.error instanceof ApiError ? save.error.fields.find((f) => f.field === name)?.message : undefined;
  const set = (name: keyof typeof values) => (event: { target: { value: string } }) =>
    setValues((current) => ({ ...current, [name]: event.target.value }));
  const input = (name: 'phone' | 'name' | 'email' | 'language' | 'timeZone' | 'tags', label: string, hint?: string) => (
    <div className="field">
      <label className="field-label" htmlFor={`contact-${name}`}>
        {label}
      </label>
      <input
        id={`contact-${name}`}
        className="input"
        value={values[name]}
        onChange={set(name)}
        aria-invalid={errorFor(name) ? true : undefined}
      />
      {errorFor(name) ? <p className="field-error">{errorFor(name)}</p> : hint && <p className="field-hint">{hint}</p>}
    </div>
  );
  const shown = [
    'phone',
    'name',
    'email',
    'language',
    'timeZone',
    'tags',
    ...(fields.data?.items ?? []).map((f) => `fields.${f.key}`),
  ];
  const otherError =
    save.error && !(save.error instanceof ApiError && save.error.fields.every((f) => shown.includes(f.field)))
      ? save.error.message
      : null;
  return (
    <Modal title={existing ? 'Edit contact' : 'New contact'} onClose={onClose} size="lg">
      <form
        className="contact-form"
        onSubmit={(event) => {
          event.preventDefault();
          save.mutate();
        }}
      >
        <div className="contact-form-grid">
          {input('phone', 'Phone', 'With the country code, e.g. +44 7911 123456')}
          {input('name', 'Name')}
          {input('email', 'E-mail')}
          {input('language', 'Language', 'A language code such as en or pt_BR')}
          {input('timeZone', 'Time zone', 'e.g. Europe/Lisbon; empty uses the workspace’s')}
          <div className="field">
            <label className="field-label" htmlFor="contact-optInStatus">
              Marketing opt-in
            </label>
            <select id="contact-optInStatus" className="input" value={values.optInStatus} onChange={set('optInStatus')}>
              {OPT_IN_STATUSES.map((status) => (
                <option key={status} value={status}>
                  {OPT_IN_LABELS[status]}
                </option>
              ))}
            </select>
          </div>
        </div>
        {input('tags', 'Tags', 'Separated by commas')}
        {fields.isPending ? (
          <LoadingState label="Loading custom fields…" />
        ) : fields.error ? (
          <ErrorState error={fields.error} onRetry={() => void fields.refetch()} />
        ) : (
          fields.data.items.length > 0 && (
            <fieldset className="contact-custom-fields">
              <legend className="field-label">Custom fields</legend>
              <div className="contact-form-grid">
                {fields.data.items.map((field) => (
                  <CustomFieldInput
                    key={field.id}
                    field={field}
                    value={draftOf(field.key)}
                    error={errorFor(`fields.${field.key}`)}
                    onChange={(value) => setDrafts((current) => ({ ...current, [field.key]: value }))}
                  />
                ))}
              </div>
            </fieldset>
          )
        )}
        {otherError && <p className="field-error">{otherError}</p>}
        <ModalFooter>
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="primary" isPending={save.isPending} disabled={fields.isPending}>
            {existing ? 'Save' : 'Create contact'}
          </Button>
        </ModalFooter>
      </form>
    </Modal>
  );
}
