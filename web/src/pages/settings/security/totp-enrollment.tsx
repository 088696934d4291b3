import { useMutation } from '@tanstack/react-query';
import { totpCodeInputSchema, type TotpEnrollment as Enrollment } from '#api/auth/schemas';
import { confirmTotpEnrollment, startTotpEnrollment } from '../../../api/auth-api.ts';
import { useSessionActions } from '../../../auth/use-session-actions.ts';
import { Button } from '../../../components/button.tsx';
import { CopyButton } from '../../../components/copy-button.tsx';
import { ErrorState } from '../../../components/states.tsx';
import { FormAlert } from '../../../forms/form-alert.tsx';
import { TextField } from '../../../forms/text-field.tsx';
import { useZodForm } from '../../../forms/use-zod-form.ts';

export function TotpEnrollment({ onEnabled }: { onEnabled: (recoveryCodes: string[]) => void }) {
  const start = useMutation({ mutationFn: startTotpEnrollment });
  if (!start.data) {
    return (
      <div className="stack-sm">
        <p>Two-factor authentication is off. Turn it on so a stolen password is not enough to get into your account.</p>
        {start.error && <ErrorState error={start.error} />}
        <div>
          <Button variant="primary" icon="shield" isPending={start.isPending} onClick={() => start.mutate()}>
            Set up two-factor authentication
          </Button>
        </div>
      </div>
    );
  }
  return <EnrollmentSteps enrollment={start.data} onEnabled={onEnabled} />;
}

function EnrollmentSteps({ enrollment, onEnabled }: { enrollment: Enrollment; onEnabled: (codes: string[]) => void }) {
  const { reloadSession } = useSessionActions();
  const form = useZodForm(totpCodeInputSchema, { code: '' });
  const submit = form.handleSubmit(async ({ code }) => {
    const { recoveryCodes } = await confirmTotpEnrollment(code);
    onEnabled(recoveryCodes);
    await reloadSession();
  });

  return (
    <div className="enrollment">
      <div className="enrollment-step">
        <h3>1. Scan the QR code</h3>
        <p className="muted">Open your authenticator app and add an account by scanning this code.</p>
        <img className="qr-code" src={enrollment.qrCodeDataUrl} alt="QR code for your authenticator app" width={180} />
        <p className="muted">Can't scan it? Enter this key instead:</p>
        <div className="secret-box">
          <code className="secret-value" data-testid="totp-secret">
            {enrollment.secret}
          </code>
          <CopyButton text={enrollment.secret} />
        </div>
      </div>
      <form className="enrollment-step form-stack" onSubmit={submit} noValidate>
        <h3>2. Enter the code it shows</h3>
        <FormAlert error={form.formError} />
        <TextField
          form={form}
          name="code"
          label="Authentication code"
          autoComplete="one-time-code"
          inputMode="numeric"
          hint="6 digits; a new one every 30 seconds."
        />
        <div>
          <Button type="submit" variant="primary" isPending={form.isSubmitting}>
            Verify and turn on
          </Button>
        </div>
      </form>
    </div>
  );
}
