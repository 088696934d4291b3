import { useState } from 'react';
import { useSession } from '../../../auth/use-session.ts';
import { Badge } from '../../../components/badge.tsx';
import { Button } from '../../../components/button.tsx';
import { Card } from '../../../components/card.tsx';
import { DisableTotpDialog } from './disable-totp-dialog.tsx';
import { RecoveryCodesPanel } from './recovery-codes-panel.tsx';
import { RegenerateCodesDialog } from './regenerate-codes-dialog.tsx';
import { TotpEnrollment } from './totp-enrollment.tsx';

/** Off → enrolment → recovery codes (shown once) → on, with new codes or turning off as options. */
export function TwoFactorCard() {
  const { user } = useSession();
  const [freshCodes, setFreshCodes] = useState<string[] | null>(null);
  const [dialog, setDialog] = useState<'regenerate' | 'disable' | null>(null);
  const status = user.totpEnabled ? <Badge tone="green">On</Badge> : <Badge>Off</Badge>;

  return (
    <Card
      title={<>Two-factor authentication {status}</>}
      description="A code from an authenticator app on your phone, asked for at every sign-in."
    >
      {freshCodes ? (
        <RecoveryCodesPanel codes={freshCodes} onDone={() => setFreshCodes(null)} />
      ) : user.totpEnabled ? (
        <div className="stack-sm">
          <p>
            Two-factor authentication is on. Keep your recovery codes somewhere safe: each one lets you in once if you
            lose your phone.
          </p>
          <div className="button-row">
            <Button onClick={() => setDialog('regenerate')}>Regenerate recovery codes</Button>
            <Button variant="danger" onClick={() => setDialog('disable')}>
              Turn off two-factor authentication
            </Button>
          </div>
        </div>
      ) : (
        <TotpEnrollment onEnabled={setFreshCodes} />
      )}
      {dialog === 'regenerate' && (
        <RegenerateCodesDialog
          onClose={() => setDialog(null)}
          onRegenerated={(codes) => {
            setDialog(null);
            setFreshCodes(codes);
          }}
        />
      )}
      {dialog === 'disable' && <DisableTotpDialog onClose={() => setDialog(null)} />}
    </Card>
  );
}
