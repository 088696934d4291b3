// Route guards: the app needs a session (and, when the workspace demands it, 2FA first); the
// login and sign-up pages send signed-in users on to where they were going.
import { Navigate, Outlet, useLocation } from 'react-router';
import type { Permission } from '#api/auth/permissions';
import { EmptyState, LoadingState } from '../components/states.tsx';
import { useCan, useSessionState } from './use-session.ts';

export const SECURITY_PATH = '/settings/security';

export function RequireSession() {
  const state = useSessionState();
  const location = useLocation();
  if (state.status === 'loading') {
    return <FullPageLoading />;
  }
  if (state.status === 'signed-out') {
    // After an explicit sign-out the next login starts fresh; otherwise it returns to this page.
    const from = state.reason === 'signed-out' ? undefined : `${location.pathname}${location.search}`;
    return <Navigate to="/login" replace state={{ from, reason: state.reason }} />;
  }
  if (state.session.mfaEnrollmentRequired && location.pathname !== SECURITY_PATH) {
    return <Navigate to={SECURITY_PATH} replace />;
  }
  return <Outlet />;
}

export function PublicOnly() {
  const state = useSessionState();
  const location = useLocation();
  if (state.status === 'loading') {
    return <FullPageLoading />;
  }
  if (state.status === 'signed-in') {
    const from = (location.state as { from?: string } | null)?.from;
    return <Navigate to={from ?? '/'} replace />;
  }
  return <Outlet />;
}

/** Pages a role cannot use say so instead of failing with 403s. */
export function RequirePermission({ permission }: { permission: Permission }) {
  const can = useCan();
  if (!can(permission)) {
    return (
      <div className="page">
        <div className="card">
          <EmptyState
            icon="lock"
            title="You don't have access to this page"
            description="Ask a workspace admin to give your role the permission it needs."
          />
        </div>
      </div>
    );
  }
  return <Outlet />;
}

function FullPageLoading() {
  return (
    <div className="full-page-center">
      <LoadingState />
    </div>
  );
}
