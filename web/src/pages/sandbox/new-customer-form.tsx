import { createSandboxCustomerInputSchema } from '#api/sandbox/schemas';
import { createSandboxCustomer } from '../../api/sandbox-api.ts';
import type { SandboxCustomer } from '#api/sandbox/schemas';
import { Button } from '../../components/button.tsx';
import { FormAlert } from '../../forms/form-alert.tsx';
import { TextField } from '../../forms/text-field.tsx';
import { useZodForm } from '../../forms/use-zod-form.ts';

type NewCustomerFormProps = { onCreated: (customer: SandboxCustomer) => Promise<void>; onCancel: () => void };

/** The simulator gives the customer a random WhatsApp number. */
export function NewCustomerForm({ onCreated, onCancel }: NewCustomerFormProps) {
  const form = useZodForm(createSandboxCustomerInputSchema, { name: '' });
  const submit = form.handleSubmit(async (input) => {
    await onCreated(await createSandboxCustomer(input));
  });
  return (
    <form className="new-customer form-stack" onSubmit={submit} noValidate>
      <FormAlert error={form.formError} />
      <TextField form={form} name="name" label="Customer name" placeholder="e.g. Ana Souza" autoFocus />
      <div className="form-actions">
        <Button size="sm" onClick={onCancel} disabled={form.isSubmitting}>
          Cancel
        </Button>
        <Button size="sm" type="submit" variant="primary" isPending={form.isSubmitting}>
          Add customer
        </Button>
      </div>
    </form>
  );
}
