import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from 'react-router';
import type { InvitationPreview } from '#api/invitations/schemas';
import { ApiError, errorMessage } from '../../api/api-error.ts';
import { previewInvitation } from '../../api/auth-api.ts';
import { useSessionActions } from '../../auth/use-session-actions.ts';
import { Alert } from '../../components/alert.tsx';
import { LoadingState } from '../../components/states.tsx';
import { fieldErrorText } from '../../forms/field.tsx';
import { formatDate } from '../../lib/format-date.ts';
import { AcceptInvitationForm } from './accept-invitation-form.tsx';
import { AuthLayout } from './auth-layout.tsx';

export function InvitePage() {
  const { token = '' } = useParams();
  const navigate = useNavigate();
  const { enterWorkspace } = useSessionActions();
  const preview = useQuery({
    queryKey: ['invitation-preview', token],
    queryFn: () => previewInvitation(token),
    retry: false,
  });

  if (preview.isPending) {
    return (
      <AuthLayout title="Your invitation">
        <LoadingState label="Opening your invitation…" />
      </AuthLayout>
    );
  }
  if (preview.error) {
    return (
      <AuthLayout
        title="This invitation can't be used"
        subtitle="Ask the person who invited you for a new link."
        footer={<Link to="/login">Go to sign in</Link>}
      >
        <Alert tone="danger">{invitationErrorText(preview.error)}</Alert>
      </AuthLayout>
    );
  }

  return (
    <AuthLayout title={`Join ${preview.data.workspaceName}`} subtitle={<InvitationSummary preview={preview.data} />}>
      <AcceptInvitationForm
        token={token}
        preview={preview.data}
        onAccepted={(session) => {
          enterWorkspace(session);
          void navigate('/', { replace: true });
        }}
      />
    </AuthLayout>
  );
}

function InvitationSummary({ preview }: { preview: InvitationPreview }) {
  return (
    <>
      You are invited as <strong>{preview.roleName}</strong> with <strong>{preview.email}</strong>. The link is valid
      until {formatDate(preview.expiresAt)}.
    </>
  );
}

/** The API explains a bad link as a "token" field issue; say it about the link instead. */
function invitationErrorText(error: unknown): string {
  const issue = error instanceof ApiError ? error.fields.find((f) => f.field === 'token') : undefined;
  return issue ? fieldErrorText('This link', issue.message) : errorMessage(error);
}
