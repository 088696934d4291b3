import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { createApiKeyInputSchema, type CreatedApiKey } from '#api/api-keys/schemas';
import type { Role } from '#api/roles/schemas';
import { apiKeysKey, createApiKey } from '../../../api/api-keys-api.ts';
import { useGrantableRoles } from '../../../api/roles-api.ts';
import { Button } from '../../../components/button.tsx';
import { Modal, ModalFooter } from '../../../components/modal.tsx';
import { ErrorState, LoadingState } from '../../../components/states.tsx';
import { FormAlert } from '../../../forms/form-alert.tsx';
import { SelectField } from '../../../forms/select-field.tsx';
import { TextField } from '../../../forms/text-field.tsx';
import { TextAreaField } from '../../../forms/text-area-field.tsx';
import { useZodForm } from '../../../forms/use-zod-form.ts';
import { ALLOW_LIST_HINT, allowListTextSchema } from './allow-list-text.ts';
import { defaultRoleId } from '../roles/default-role.ts';
import { NewApiKeyReveal } from './new-api-key-reveal.tsx';

/** Creates a key, then shows it once: the server keeps only its hash. */
export function NewApiKeyDialog({ onClose }: { onClose: () => void }) {
  const { roles, isPending, error } = useGrantableRoles();
  const [created, setCreated] = useState<CreatedApiKey | null>(null);

  if (created) {
    return (
      <Modal title="Your new API key" onClose={onClose} dismissible={false}>
        <NewApiKeyReveal created={created} onDone={onClose} />
      </Modal>
    );
  }
  return (
    <Modal
      title="New API key"
      description="The key acts with the permissions of the role you choose."
      onClose={onClose}
    >
      {isPending ? (
        <LoadingState />
      ) : error ? (
        <ErrorState error={error} />
      ) : (
        <NewApiKeyForm roles={roles} onCreated={setCreated} onCancel={onClose} />
      )}
    </Modal>
  );
}

const newApiKeyFormSchema = createApiKeyInputSchema.extend({ allowedIps: allowListTextSchema });

type NewApiKeyFormProps = { roles: Role[]; onCreated: (created: CreatedApiKey) => void; onCancel: () => void };

function NewApiKeyForm({ roles, onCreated, onCancel }: NewApiKeyFormProps) {
  const queryClient = useQueryClient();
  const form = useZodForm(newApiKeyFormSchema, { name: '', roleId: defaultRoleId(roles), allowedIps: '' });
  const submit = form.handleSubmit(async (input) => {
    const created = await createApiKey(input);
    await queryClient.invalidateQueries({ queryKey: apiKeysKey });
    onCreated(created);
  });

  return (
    <form onSubmit={submit} noValidate>
      <div className="modal-body form-stack">
        <FormAlert error={form.formError} />
        <TextField form={form} name="name" label="Key name" hint="What uses it, e.g. “Shop backend”." autoFocus />
        <SelectField
          form={form}
          name="roleId"
          label="Role"
          options={roles.map((role) => ({ value: role.id, label: role.name }))}
        />
        <TextAreaField
          form={form}
          name="allowedIps"
          label="Allowed IPs (optional)"
          hint={ALLOW_LIST_HINT}
          rows={3}
          spellCheck={false}
        />
      </div>
      <ModalFooter>
        <Button onClick={onCancel}>Cancel</Button>
        <Button type="submit" variant="primary" isPending={form.isSubmitting}>
          Create key
        </Button>
      </ModalFooter>
    </form>
  );
}
