// Create or edit a contact group: its name, where it sits in the tree and which roles see it.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { ContactGroupView } from '#api/contacts/schemas';
import type { Role } from '#api/roles/schemas';
import { ApiError } from '../../api/api-error.ts';
import { contactGroupsKey, contactsKey, createContactGroup, updateContactGroup } from '../../api/contacts-api.ts';
import { Button } from '../../components/button.tsx';
import { Modal, ModalFooter } from '../../components/modal.tsx';
import { groupOptions } from './group-tree.ts';

type Props = {
  existing: ContactGroupView | null;
  parentId: string | null;
  groups: ContactGroupView[];
  roles: Role[];
  onClose: () => void;
};

export function GroupDialog({ existing, parentId, groups, roles, onClose }: Props) {
  const [name, setName] = useState(existing?.name ?? '');
  const [parent, setParent] = useState(parentId ?? '');
  const [roleIds, setRoleIds] = useState<string[]>(existing?.roleIds ?? []);
  const queryClient = useQueryClient();
  const save = useMutation({
    mutationFn: () => {
      const input = { name, parentId: parent || null, roleIds };
      return existing ? updateContactGroup(existing.id, input) : createContactGroup(input);
    },
    onSuccess: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: contactGroupsKey }),
        queryClient.invalidateQueries({ queryKey: contactsKey }),
      ]);
      onClose();
    },
  });
  const errorFor = (field: string) =>
    save.error instanceof ApiError
      ? save.error.fields.find((f) => f.field === field || f.field.startsWith(`${field}.`))?.message
      : undefined;
  const parents = groupOptions(groups).filter((option) => option.id !== existing?.id);
  return (
    <Modal title={existing ? 'Edit group' : 'New group'} onClose={onClose}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          save.mutate();
        }}
      >
        <div className="field">
          <label className="field-label" htmlFor="group-name">
            Name
          </label>
          <input id="group-name" className="input" value={name} onChange={(e) => setName(e.target.value)} />
          {errorFor('name') && <p className="field-error">{errorFor('name')}</p>}
        </div>
        <div className="field">
          <label className="field-label" htmlFor="group-parent">
            Inside
          </label>
          <select id="group-parent" className="input" value={parent} onChange={(e) => setParent(e.target.value)}>
            <option value="">(top level)</option>
            {parents.map((option) => (
              <option key={option.id} value={option.id}>
                {option.label}
              </option>
            ))}
          </select>
          {errorFor('parentId') && <p className="field-error">{errorFor('parentId')}</p>}
        </div>
        <fieldset className="field">
          <legend className="field-label">Roles that see its contacts</legend>
          {roles.length === 0 ? (
            <p className="field-hint">Only members who manage roles can restrict a group.</p>
          ) : (
            roles.map((role) => (
              <label key={role.id} className="contact-check">
                <input
                  type="checkbox"
                  checked={roleIds.includes(role.id)}
                  onChange={(e) =>
                    setRoleIds((ids) => (e.target.checked ? [...ids, role.id] : ids.filter((id) => id !== role.id)))
                  }
                />
                {role.name}
              </label>
            ))
          )}
          <p className="field-hint">None ticked: every role that can see contacts. Owners and admins always see all.</p>
          {errorFor('roleIds') && <p className="field-error">{errorFor('roleIds')}</p>}
        </fieldset>
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
