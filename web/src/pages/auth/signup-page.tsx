import { Link } from 'react-router';
import { signUpInputSchema } from '#api/auth/schemas';
import { signUp } from '../../api/auth-api.ts';
import { sessionStore } from '../../auth/session-store.ts';
import { Button } from '../../components/button.tsx';
import { LoadingState } from '../../components/states.tsx';
import { FormAlert } from '../../forms/form-alert.tsx';
import { TextField } from '../../forms/text-field.tsx';
import { useZodForm } from '../../forms/use-zod-form.ts';
import { AuthLayout } from './auth-layout.tsx';

export function SignupPage() {
  const form = useZodForm(signUpInputSchema, { name: '', email: '', password: '', workspaceName: '' });

  // The API answers once the workspace is provisioned; PublicOnly then moves on to the dashboard.
  const submit = form.handleSubmit(async (input) => {
    sessionStore.setSession(await signUp(input));
  });

  return (
    <AuthLayout
      title="Create your workspace"
      subtitle="Start talking to your customers on WhatsApp with your whole team."
      footer={
        <>
          Already have an account? <Link to="/login">Sign in</Link>
        </>
      }
    >
      <form className="form-stack" onSubmit={submit} noValidate>
        <FormAlert error={form.formError} />
        <TextField form={form} name="name" label="Your name" autoComplete="name" autoFocus />
        <TextField form={form} name="email" label="Work e-mail" type="email" autoComplete="email" />
        <TextField
          form={form}
          name="password"
          label="Password"
          type="password"
          autoComplete="new-password"
          hint="At least 10 characters."
        />
        <TextField form={form} name="workspaceName" label="Workspace name" autoComplete="organization" />
        <Button type="submit" variant="primary" className="btn-block" isPending={form.isSubmitting}>
          Create workspace
        </Button>
        {form.isSubmitting && <LoadingState label="Setting up your workspace…" />}
      </form>
    </AuthLayout>
  );
}
