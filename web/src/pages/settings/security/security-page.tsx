import { useSession } from '../../../auth/use-session.ts';
import { Alert } from '../../../components/alert.tsx';
import { Card } from '../../../components/card.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { TwoFactorCard } from './two-factor-card.tsx';

export function SecurityPage() {
  const { user, tenant, mfaEnrollmentRequired } = useSession();
  return (
    <div className="page">
      <PageHeader
        title="Security"
        description="Protect your own account. These settings follow you in every workspace."
      />
      {mfaEnrollmentRequired && (
        <Alert tone="warning" title={`${tenant.name} requires two-factor authentication`}>
          An admin turned this on for everyone. Set it up below to keep using the workspace: it takes a minute with an
          authenticator app such as 1Password, Google Authenticator or Authy.
        </Alert>
      )}
      <Card title="Account">
        <dl className="details">
          <dt>Name</dt>
          <dd>{user.name}</dd>
          <dt>E-mail</dt>
          <dd>{user.email}</dd>
        </dl>
      </Card>
      <TwoFactorCard />
    </div>
  );
}
