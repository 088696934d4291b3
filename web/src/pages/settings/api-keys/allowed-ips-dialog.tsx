import { useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { allowedIpSchema, type ApiKey } from '#api/api-keys/schemas';
import { apiKeysKey, updateApiKey } from '../../../api/api-keys-api.ts';
import { Button } from '../../../components/button.tsx';
import { Modal, ModalFooter } from '../../../components/modal.tsx';
import { useToast } from '../../../components/toast-context.ts';
import { FormAlert } from '../../../forms/form-alert.tsx';
import { TextAreaField } from '../../../forms/text-area-field.tsx';
import { useZodForm } from '../../../forms/use-zod-form.ts';

// One entry per line (commas and spaces also separate); each is checked by the API's own schema
// so a typo is named before the request, and the server checks again.
const allowListFormSchema = z.object({
  allowedIps: z.string().transform((text, ctx) => {
    const entries = text.split(/[\s,]+/).filter(Boolean);
    const bad = entries.filter((entry) => !allowedIpSchema.safeParse(entry).success);
    if (bad.length > 0) {
      ctx.addIssue({ code: 'custom', message: `Not an IP address or CIDR range: ${bad.join(', ')}` });
    }
    return entries;
  }),
});

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
            hint="One per line: an IPv4 or IPv6 address (203.0.113.7) or a CIDR range (198.51.100.0/24, 2001:db8::/32)."
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
