// Names a new flow and opens it in the builder: it starts as a start node alone.
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { createFlowInputSchema } from '#api/flows/schemas';
import { createFlow, flowsKey } from '../../api/flows-api.ts';
import { Button } from '../../components/button.tsx';
import { Modal, ModalFooter } from '../../components/modal.tsx';
import { FormAlert } from '../../forms/form-alert.tsx';
import { TextField } from '../../forms/text-field.tsx';
import { useZodForm } from '../../forms/use-zod-form.ts';

const newFlowSchema = createFlowInputSchema.pick({ name: true, description: true });

export function NewFlowDialog({ onClose }: { onClose: () => void }) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const form = useZodForm(newFlowSchema, { name: '', description: '' });
  const submit = form.handleSubmit(async (input) => {
    const flow = await createFlow(input);
    await queryClient.invalidateQueries({ queryKey: flowsKey });
    await navigate(`/flows/${flow.id}`);
  });
  return (
    <Modal title="New flow" description="You can change the name and add a trigger later." onClose={onClose}>
      <form onSubmit={submit} noValidate>
        <div className="modal-body form-stack">
          <FormAlert error={form.formError} />
          <TextField form={form} name="name" label="Flow name" hint="e.g. “Lead qualification”" autoFocus />
          <TextField form={form} name="description" label="Description" hint="Optional: what the flow is for." />
        </div>
        <ModalFooter>
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="primary" isPending={form.isSubmitting}>
            Create and open
          </Button>
        </ModalFooter>
      </form>
    </Modal>
  );
}
