import { totpCodeInputSchema } from '#api/auth/schemas';
import { ApiError } from '../../api/api-error.ts';
import { logInWithCode } from '../../api/auth-api.ts';
import { sessionStore } from '../../auth/session-store.ts';
import { Button } from '../../components/button.tsx';
import { FormAlert } from '../../forms/form-alert.tsx';
import { TextField } from '../../forms/text-field.tsx';
import { useZodForm } from '../../forms/use-zod-form.ts';
import { AuthLayout } from './auth-layout.tsx';

type MfaStepProps = { mfaToken: string; email: string; onRestart: (message: string | null) => void };

/** The second login step: a code from the authenticator app, or one of the recovery codes. */
export function MfaStep({ mfaToken, email, onRestart }: MfaStepProps) {
  const form = useZodForm(totpCodeInputSchema, { code: '' });

  const submit = form.handleSubmit(async ({ code }) => {
    try {
      sessionStore.setSession(await logInWithCode(mfaToken, code));
    } catch (error) {
      // The challenge token is short-lived: past it, only a fresh password step helps.
      if (error instanceof ApiError && error.code === 'UNAUTHENTICATED') {
        onRestart('The sign-in took too long: enter your password again.');
        return;
      }
      throw error;
    }
  });

  return (
    <AuthLayout title="Two-factor authentication" subtitle={<>Signing in as {email}</>}>
      <form className="form-stack" onSubmit={submit} noValidate>
        <FormAlert error={form.formError} />
        <TextField
          form={form}
          name="code"
          label="Authentication code"
          hint="The 6-digit code from your authenticator app, or one of your recovery codes."
          autoComplete="one-time-code"
          autoFocus
          spellCheck={false}
        />
        <Button type="submit" variant="primary" className="btn-block" isPending={form.isSubmitting}>
          Verify
        </Button>
        <Button variant="ghost" className="btn-block" onClick={() => onRestart(null)}>
          Back to sign in
        </Button>
      </form>
    </AuthLayout>
  );
}
