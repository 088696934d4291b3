import { disableTotpInputSchema } from '#api/auth/schemas';
import { disableTotp } from '../../../api/auth-api.ts';
import { useSession } from '../../../auth/use-session.ts';
import { useSessionActions } from '../../../auth/use-session-actions.ts';
import { Alert } from '../../../components/alert.tsx';
import { Button } from '../../../components/button.tsx';
import { Modal, ModalFooter } from '../../../components/modal.tsx';
import { useToast } from '../../../components/toast-context.ts';
import { FormAlert } from '../../../forms/form-alert.tsx';
import { TextField } from '../../../forms/text-field.tsx';
import { useZodForm } from '../../../forms/use-zod-form.ts';

export function DisableTotpDialog({ onClose }: { onClose: () => void }) {
  const { tenant } = useSession();
  const { reloadSession } = useSessionActions();
  const toast = useToast();
  const form = useZodForm(disableTotpInputSchema, { password: '', code: '' });
  const submit = form.handleSubmit(async ({ password, code }) => {
    await disableTotp(password, code);
    await reloadSession();
    toast.show('Two-factor authentication is off');
    onClose();
  });

  return (
    <Modal title="Turn off two-factor authentication?" onClose={onClose} size="sm">
      <form onSubmit={submit} noValidate>
        <div className="modal-body form-stack">
          {tenant.require2fa && (
            <Alert tone="warning">
              {tenant.name} requires two-factor authentication: you will have to set it up again to keep working there.
            </Alert>
          )}
          <FormAlert error={form.formError} />
          <TextField form={form} name="password" label="Password" type="password" autoComplete="current-password" />
          <TextField form={form} name="code" label="Authentication code" autoComplete="one-time-code" />
        </div>
        <ModalFooter>
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="danger" isPending={form.isSubmitting}>
            Turn off
          </Button>
        </ModalFooter>
      </form>
    </Modal>
  );
}
