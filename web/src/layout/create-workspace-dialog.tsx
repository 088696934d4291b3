import type { Session } from '#api/auth/schemas';
import { createWorkspaceInputSchema } from '#api/auth/schemas';
import { createWorkspace } from '../api/auth-api.ts';
import { Button } from '../components/button.tsx';
import { Modal, ModalFooter } from '../components/modal.tsx';
import { FormAlert } from '../forms/form-alert.tsx';
import { TextField } from '../forms/text-field.tsx';
import { useZodForm } from '../forms/use-zod-form.ts';

type CreateWorkspaceDialogProps = { onClose: () => void; onCreated: (session: Session) => void };

export function CreateWorkspaceDialog({ onClose, onCreated }: CreateWorkspaceDialogProps) {
  const form = useZodForm(createWorkspaceInputSchema, { name: '' });
  const submit = form.handleSubmit(async ({ name }) => {
    const session = await createWorkspace(name);
    onClose();
    onCreated(session);
  });

  return (
    <Modal
      title="Create a workspace"
      description="A separate workspace with its own team, numbers and contacts. You will be its owner."
      onClose={onClose}
      dismissible={!form.isSubmitting}
    >
      <form onSubmit={submit} noValidate>
        <div className="modal-body form-stack">
          <FormAlert error={form.formError} />
          <TextField form={form} name="name" label="Workspace name" autoFocus />
          {form.isSubmitting && <p className="muted">Setting up your workspace…</p>}
        </div>
        <ModalFooter>
          <Button onClick={onClose} disabled={form.isSubmitting}>
            Cancel
          </Button>
          <Button type="submit" variant="primary" isPending={form.isSubmitting}>
            Create workspace
          </Button>
        </ModalFooter>
      </form>
    </Modal>
  );
}
