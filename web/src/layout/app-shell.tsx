import { Link, Outlet, useLocation } from 'react-router';
import { SECURITY_PATH } from '../auth/session-guards.tsx';
import { useSession } from '../auth/use-session.ts';
import { Icon } from '../components/icon.tsx';
import { RealtimeProvider } from '../realtime/realtime-provider.tsx';
import { Sidebar } from './sidebar.tsx';
import { TopBar } from './top-bar.tsx';

/** The signed-in frame. Pages remount per workspace so nothing from the previous one lingers. */
export function AppShell() {
  const session = useSession();
  return (
    <RealtimeProvider>
      <div className="shell">
        <Sidebar />
        <div className="shell-main">
          <TopBar />
          {session.mfaEnrollmentRequired && <MfaRequiredBanner workspaceName={session.tenant.name} />}
          <main className="content" key={session.tenant.id}>
            <Outlet />
          </main>
        </div>
      </div>
    </RealtimeProvider>
  );
}

function MfaRequiredBanner({ workspaceName }: { workspaceName: string }) {
  const { pathname } = useLocation();
  return (
    <div className="banner" role="status">
      <Icon name="shield" size={16} />
      <span>
        {workspaceName} requires two-factor authentication. Set it up to keep using the workspace.
        {pathname !== SECURITY_PATH && (
          <>
            {' '}
            <Link to={SECURITY_PATH}>Set up now</Link>
          </>
        )}
      </span>
    </div>
  );
}
