// Create or edit one canned response. The server's field errors (a shortcut already used in the
// scope, a missing title) show next to their inputs.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { CANNED_VARIABLES, type CannedResponseView, type CannedScope } from '#api/canned-responses/schemas';
import { ApiError } from '../../../api/api-error.ts';
import { cannedResponsesKey, createCannedResponse, updateCannedResponse } from '../../../api/canned-responses-api.ts';
import { Button } from '../../../components/button.tsx';
import { Modal, ModalFooter } from '../../../components/modal.tsx';

type Props = { existing: CannedResponseView | null; canShare: boolean; onClose: () => void };

export function CannedResponseDialog({ existing, canShare, onClose }: Props) {
  const [values, setValues] = useState({
    scope: existing?.scope ?? ('personal' as CannedScope),
    shortcut: existing?.shortcut ?? '',
    title: existing?.title ?? '',
    category: existing?.category ?? '',
    body: existing?.body ?? '',
  });
  const queryClient = useQueryClient();
  const save = useMutation({
    mutationFn: () => {
      const fields = {
        shortcut: values.shortcut,
        title: values.title,
        category: values.category || null,
        body: values.body,
      };
      return existing
        ? updateCannedResponse(existing.id, fields)
        : createCannedResponse({ ...fields, scope: values.scope });
    },
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: cannedResponsesKey });
      onClose();
    },
  });
  const fieldError = (name: string) =>
    save.error instanceof ApiError ? save.error.fields.find((f) => f.field === name)?.message : undefined;
  const set = (name: keyof typeof values) => (event: { target: { value: string } }) =>
    setValues((current) => ({ ...current, [name]: event.target.value }));
  const field = (name: 'shortcut' | 'title' | 'category', label: string, hint?: string) => (
    <div className="field">
      <label className="field-label" htmlFor={`canned-${name}`}>
        {label}
      </label>
      <input id={`canned-${name}`} className="input" value={values[name]} onChange={set(name)} />
      {fieldError(name) ? (
        <p className="field-error">{fieldError(name)}</p>
      ) : (
        hint && <p className="field-hint">{hint}</p>
      )}
    </div>
  );
  return (
    <Modal title={existing ? 'Edit canned response' : 'New canned response'} onClose={onClose}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          save.mutate();
        }}
      >
        {!existing && (
          <div className="field">
            <label className="field-label" htmlFor="canned-scope">
              Who can use it
            </label>
            <select id="canned-scope" className="input" value={values.scope} onChange={set('scope')}>
              <option value="personal">Only me</option>
              {canShare && <option value="shared">Everyone in the workspace</option>}
            </select>
          </div>
        )}
        {field('shortcut', 'Shortcut', 'Type /shortcut in the composer, e.g. /greeting')}
        {field('title', 'Title')}
        {field('category', 'Category (optional)')}
        <div className="field">
          <label className="field-label" htmlFor="canned-body">
            Text
          </label>
          <textarea id="canned-body" className="input" rows={5} value={values.body} onChange={set('body')} />
          {fieldError('body') ? (
            <p className="field-error">{fieldError('body')}</p>
          ) : (
            <p className="field-hint">Variables: {CANNED_VARIABLES.map((v) => `{{${v}}}`).join(', ')}</p>
          )}
        </div>
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
