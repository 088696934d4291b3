import { totpCodeInputSchema } from '#api/auth/schemas';
import { regenerateRecoveryCodes } from '../../../api/auth-api.ts';
import { Button } from '../../../components/button.tsx';
import { Modal, ModalFooter } from '../../../components/modal.tsx';
import { FormAlert } from '../../../forms/form-alert.tsx';
import { TextField } from '../../../forms/text-field.tsx';
import { useZodForm } from '../../../forms/use-zod-form.ts';

type RegenerateCodesDialogProps = { onClose: () => void; onRegenerated: (codes: string[]) => void };

export function RegenerateCodesDialog({ onClose, onRegenerated }: RegenerateCodesDialogProps) {
  const form = useZodForm(totpCodeInputSchema, { code: '' });
  const submit = form.handleSubmit(async ({ code }) => {
    onRegenerated((await regenerateRecoveryCodes(code)).recoveryCodes);
  });
  return (
    <Modal
      title="Regenerate recovery codes"
      description="Your current recovery codes stop working and new ones are shown once."
      onClose={onClose}
      size="sm"
    >
      <form onSubmit={submit} noValidate>
        <div className="modal-body form-stack">
          <FormAlert error={form.formError} />
          <TextField form={form} name="code" label="Authentication code" autoComplete="one-time-code" autoFocus />
        </div>
        <ModalFooter>
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="primary" isPending={form.isSubmitting}>
            Regenerate codes
          </Button>
        </ModalFooter>
      </form>
    </Modal>
  );
}
