import { useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import type { ApiKey } from '#api/api-keys/schemas';
import { apiKeysKey, updateApiKey } from '../../../api/api-keys-api.ts';
import { Button } from '../../../components/button.tsx';
import { Modal, ModalFooter } from '../../../components/modal.tsx';
import { useToast } from '../../../components/toast-context.ts';
import { FormAlert } from '../../../forms/form-alert.tsx';
import { TextAreaField } from '../../../forms/text-area-field.tsx';
import { useZodForm } from '../../../forms/use-zod-form.ts';
import { ALLOW_LIST_HINT, allowListTextSchema } from './allow-list-text.ts';

const allowListFormSchema = z.object({ allowedIps: allowListTextSchema });

export function AllowedIpsDialog({ apiKey, onClose }: { apiKey: ApiKey; onClose: () => void }) {
  const queryClient = useQueryClient();
  const toast = useToast();
  const form = useZodForm(allowListFormSchema, { allowedIps: apiKey.allowedIps.join('\n') });
  const submit = form.handleSubmit(async ({ allowedIps }) => {
    await updateApiKey(apiKey.id, { allowedIps });
    await queryClient.invalidateQueries({ queryKey: apiKeysKey });
    toast.show(
      allowedIps.length > 0
        ? `"${apiKey.name}" now works only from the listed addresses`
        : `"${apiKey.name}" works from anywhere`,
    );
    onClose();
  });

  return (
    <Modal
      title={`IP allow-list of “${apiKey.name}”`}
      description="Requests with this key from any other address are refused (403). Leave empty to allow any address."
      onClose={onClose}
    >
      <form onSubmit={submit} noValidate>
        <div className="modal-body form-stack">
          <FormAlert error={form.formError} />
          <TextAreaField
            form={form}
            name="allowedIps"
            label="Allowed addresses"
            hint={ALLOW_LIST_HINT}
            rows={6}
            spellCheck={false}
            autoFocus
          />
        </div>
        <ModalFooter>
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="primary" isPending={form.isSubmitting}>
            Save allow-list
          </Button>
        </ModalFooter>
      </form>
    </Modal>
  );
}
