import { useState } from 'react';
import { Link, useLocation } from 'react-router';
import { loginInputSchema } from '#api/auth/schemas';
import { logIn } from '../../api/auth-api.ts';
import { sessionStore } from '../../auth/session-store.ts';
import { Alert } from '../../components/alert.tsx';
import { Button } from '../../components/button.tsx';
import { FormAlert } from '../../forms/form-alert.tsx';
import { TextField } from '../../forms/text-field.tsx';
import { useZodForm } from '../../forms/use-zod-form.ts';
import { AuthLayout } from './auth-layout.tsx';
import { MfaStep } from './mfa-step.tsx';

type Challenge = { mfaToken: string; email: string };

export function LoginPage() {
  const location = useLocation();
  const reason = (location.state as { reason?: string } | null)?.reason;
  const [challenge, setChallenge] = useState<Challenge | null>(null);
  const [notice, setNotice] = useState<string | null>(
    reason === 'expired' ? 'Your session has ended: sign in again.' : null,
  );
  const form = useZodForm(loginInputSchema, { email: '', password: '' });

  if (challenge) {
    return (
      <MfaStep
        mfaToken={challenge.mfaToken}
        email={challenge.email}
        onRestart={(message) => {
          setChallenge(null);
          setNotice(message);
        }}
      />
    );
  }

  const submit = form.handleSubmit(async (credentials) => {
    setNotice(null);
    const result = await logIn(credentials);
    if (result.status === 'mfa_required') {
      setChallenge({ mfaToken: result.mfaToken, email: credentials.email });
    } else {
      sessionStore.setSession(result);
    }
  });

  return (
    <AuthLayout
      title="Sign in to Parley"
      subtitle="Welcome back. Sign in to your workspace."
      footer={
        <>
          New to Parley? <Link to="/signup">Create a workspace</Link>
        </>
      }
    >
      <form className="form-stack" onSubmit={submit} noValidate>
        {notice && <Alert tone="info">{notice}</Alert>}
        <FormAlert error={form.formError} />
        <TextField form={form} name="email" label="E-mail" type="email" autoComplete="email" autoFocus />
        <TextField form={form} name="password" label="Password" type="password" autoComplete="current-password" />
        <Button type="submit" variant="primary" className="btn-block" isPending={form.isSubmitting}>
          Sign in
        </Button>
      </form>
    </AuthLayout>
  );
}
