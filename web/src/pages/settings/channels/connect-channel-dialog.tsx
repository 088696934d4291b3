import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { channelsKey, connectChannel } from '../../../api/channels-api.ts';
import { Button } from '../../../components/button.tsx';
import { Modal, ModalFooter } from '../../../components/modal.tsx';
import { useToast } from '../../../components/toast-context.ts';
import { FormAlert } from '../../../forms/form-alert.tsx';
import { TextField } from '../../../forms/text-field.tsx';
import { useZodForm } from '../../../forms/use-zod-form.ts';
import { connectChannelFormSchema } from './channel-form-schemas.ts';

/** Stores the credentials, then opens the channel so the admin can verify it and set up the webhook. */
export function ConnectChannelDialog({ onClose }: { onClose: () => void }) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const toast = useToast();
  const form = useZodForm(connectChannelFormSchema, {
    name: '',
    wabaId: '',
    phoneNumberId: '',
    accessToken: '',
    appSecret: '',
    verifyToken: '',
  });
  const submit = form.handleSubmit(async (input) => {
    const channel = await connectChannel(input);
    await queryClient.invalidateQueries({ queryKey: channelsKey });
    toast.show(`"${channel.name}" saved: verify it, then set up its webhook`);
    onClose();
    void navigate(`/settings/channels/${channel.id}`);
  });

  return (
    <Modal
      title="Connect a number"
      description="A number of the WhatsApp Cloud API. You find these values in Meta's App Dashboard under WhatsApp → API Setup."
      onClose={onClose}
      dismissible={!form.isSubmitting}
    >
      <form onSubmit={submit} noValidate>
        <div className="modal-body form-stack">
          <FormAlert error={form.formError} />
          <TextField form={form} name="name" label="Name" hint="How your team will recognise it, e.g. “Support”." />
          <div className="form-row">
            <TextField form={form} name="wabaId" label="WhatsApp Business Account id" inputMode="numeric" />
            <TextField form={form} name="phoneNumberId" label="Phone number id" inputMode="numeric" />
          </div>
          <TextField
            form={form}
            name="accessToken"
            label="Access token"
            type="password"
            autoComplete="off"
            hint="A permanent token of a System User in Meta Business Manager, with whatsapp_business_messaging."
          />
          <TextField
            form={form}
            name="appSecret"
            label="App secret"
            type="password"
            autoComplete="off"
            hint="App Dashboard → App settings → Basic. Parley checks every webhook with it."
          />
          <TextField
            form={form}
            name="verifyToken"
            label="Verify token (optional)"
            autoComplete="off"
            hint="The word Meta sends to check the webhook. Leave empty and Parley generates one."
          />
        </div>
        <ModalFooter>
          <Button onClick={onClose} disabled={form.isSubmitting}>
            Cancel
          </Button>
          <Button type="submit" variant="primary" isPending={form.isSubmitting}>
            Connect number
          </Button>
        </ModalFooter>
      </form>
    </Modal>
  );
}
