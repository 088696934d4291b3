import { useQueryClient } from '@tanstack/react-query';
import type { Channel } from '#api/channels/schemas';
import { channelKey, channelsKey, updateChannel } from '../../../api/channels-api.ts';
import { Button } from '../../../components/button.tsx';
import { Card } from '../../../components/card.tsx';
import { useToast } from '../../../components/toast-context.ts';
import { FormAlert } from '../../../forms/form-alert.tsx';
import { TextField } from '../../../forms/text-field.tsx';
import { useZodForm } from '../../../forms/use-zod-form.ts';
import { replaceCredentialsFormSchema } from './channel-form-schemas.ts';

const EMPTY = { accessToken: '', appSecret: '', verifyToken: '' };

/** Only the fields filled in are replaced; a new token puts the channel back to "not verified". */
export function ReplaceCredentialsCard({ channel }: { channel: Channel }) {
  const queryClient = useQueryClient();
  const toast = useToast();
  const form = useZodForm(replaceCredentialsFormSchema, EMPTY);
  const submit = form.handleSubmit(async (input) => {
    const updated = await updateChannel(channel.id, input);
    queryClient.setQueryData(channelKey(channel.id), updated);
    await queryClient.invalidateQueries({ queryKey: channelsKey });
    form.reset(EMPTY);
    toast.show(input.accessToken ? 'Credentials replaced: press Verify to reconnect' : 'Credentials replaced');
  });

  return (
    <Card
      title="Replace credentials"
      description="Secrets are stored encrypted and never shown again. Leave a field empty to keep the current value."
    >
      <form onSubmit={submit} noValidate className="form-stack">
        <FormAlert error={form.formError} />
        <TextField form={form} name="accessToken" label="New access token" type="password" autoComplete="off" />
        <div className="form-row">
          <TextField form={form} name="appSecret" label="New app secret" type="password" autoComplete="off" />
          <TextField
            form={form}
            name="verifyToken"
            label="New verify token"
            autoComplete="off"
            hint="Then enter it in Meta’s webhook settings too."
          />
        </div>
        <div className="form-actions">
          <Button type="submit" variant="primary" isPending={form.isSubmitting}>
            Save credentials
          </Button>
        </div>
      </form>
    </Card>
  );
}
