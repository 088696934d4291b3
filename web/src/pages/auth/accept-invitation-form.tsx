import { z } from 'zod';
import { passwordSchema, personNameSchema, type Session } from '#api/auth/schemas';
import type { InvitationPreview } from '#api/invitations/schemas';
import { acceptInvitation } from '../../api/auth-api.ts';
import { Button } from '../../components/button.tsx';
import { FormAlert } from '../../forms/form-alert.tsx';
import { TextField } from '../../forms/text-field.tsx';
import { useZodForm } from '../../forms/use-zod-form.ts';

// New people choose a name and a password; existing accounts prove theirs.
const newAccountSchema = z.object({ name: personNameSchema, password: passwordSchema });
const existingAccountSchema = z.object({ name: z.string(), password: z.string().min(1, 'is required') });

type AcceptInvitationFormProps = {
  token: string;
  preview: InvitationPreview;
  onAccepted: (session: Session) => void;
};

export function AcceptInvitationForm({ token, preview, onAccepted }: AcceptInvitationFormProps) {
  const isExisting = preview.accountExists;
  const form = useZodForm(isExisting ? existingAccountSchema : newAccountSchema, { name: '', password: '' });

  const submit = form.handleSubmit(async ({ name, password }) => {
    onAccepted(await acceptInvitation({ token, password, ...(isExisting ? {} : { name }) }));
  });

  return (
    <form className="form-stack" onSubmit={submit} noValidate>
      <FormAlert error={form.formError} />
      {isExisting ? (
        <p className="muted">You already have a Parley account: confirm it's you with its password.</p>
      ) : (
        <TextField form={form} name="name" label="Your name" autoComplete="name" autoFocus />
      )}
      <TextField
        form={form}
        name="password"
        label="Password"
        type="password"
        autoComplete={isExisting ? 'current-password' : 'new-password'}
        hint={isExisting ? undefined : 'At least 10 characters.'}
        autoFocus={isExisting}
      />
      <Button type="submit" variant="primary" className="btn-block" isPending={form.isSubmitting}>
        {isExisting ? 'Join workspace' : 'Create account and join'}
      </Button>
    </form>
  );
}
