import { useQueryClient } from '@tanstack/react-query';
import { createRoleInputSchema, type Role } from '#api/roles/schemas';
import { createRole, rolesKey, updateRole } from '../../../api/roles-api.ts';
import { useSession } from '../../../auth/use-session.ts';
import { Button } from '../../../components/button.tsx';
import { Modal, ModalFooter } from '../../../components/modal.tsx';
import { useToast } from '../../../components/toast-context.ts';
import { FormAlert } from '../../../forms/form-alert.tsx';
import { TextField } from '../../../forms/text-field.tsx';
import { useZodForm } from '../../../forms/use-zod-form.ts';
import { PermissionPicker } from './permission-picker.tsx';

export type RoleDialogMode = { kind: 'create' } | { kind: 'edit' | 'view'; role: Role };

export function RoleDialog({ mode, onClose }: { mode: RoleDialogMode; onClose: () => void }) {
  const { tenant } = useSession();
  const queryClient = useQueryClient();
  const toast = useToast();
  const role = mode.kind === 'create' ? null : mode.role;
  const isReadOnly = mode.kind === 'view';
  const form = useZodForm(createRoleInputSchema, {
    name: role?.name ?? '',
    description: role?.description ?? '',
    permissions: role?.permissions ?? [],
  });

  const submit = form.handleSubmit(async (input) => {
    const saved = role ? await updateRole(role.id, input) : await createRole(input);
    await queryClient.invalidateQueries({ queryKey: rolesKey });
    toast.show(role ? `Role "${saved.name}" saved` : `Role "${saved.name}" created`);
    onClose();
  });

  const title = mode.kind === 'create' ? 'New role' : mode.kind === 'edit' ? `Edit ${mode.role.name}` : mode.role.name;
  return (
    <Modal
      title={title}
      description={isReadOnly ? 'A built-in role: its permissions are fixed.' : 'A role is a named set of permissions.'}
      onClose={onClose}
      size="lg"
    >
      <form onSubmit={submit} noValidate>
        <div className="modal-body form-stack">
          <FormAlert error={form.formError} />
          {!isReadOnly && (
            <div className="form-row">
              <TextField form={form} name="name" label="Role name" autoFocus />
              <TextField form={form} name="description" label="Description" />
            </div>
          )}
          <PermissionPicker
            value={form.values.permissions ?? []}
            onChange={(next) => form.setValue('permissions', next)}
            grantable={tenant.permissions}
            readOnly={isReadOnly}
            error={form.errors.permissions}
          />
        </div>
        <ModalFooter>
          <Button onClick={onClose}>{isReadOnly ? 'Close' : 'Cancel'}</Button>
          {!isReadOnly && (
            <Button type="submit" variant="primary" isPending={form.isSubmitting}>
              {role ? 'Save role' : 'Create role'}
            </Button>
          )}
        </ModalFooter>
      </form>
    </Modal>
  );
}
