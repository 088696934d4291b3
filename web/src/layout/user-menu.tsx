import { useState } from 'react';
import { Link } from 'react-router';
import { useSession } from '../auth/use-session.ts';
import { useSessionActions } from '../auth/use-session-actions.ts';
import { Button } from '../components/button.tsx';
import { Icon } from '../components/icon.tsx';
import { Popover } from '../components/popover.tsx';

export function UserMenu() {
  const { user, tenant } = useSession();
  const { signOut } = useSessionActions();
  const [isSigningOut, setSigningOut] = useState(false);

  return (
    <Popover label="Account menu" align="end" triggerClassName="avatar-button" trigger={<Avatar name={user.name} />}>
      {(close) => (
        <div className="menu">
          <div className="menu-header">
            <Avatar name={user.name} />
            <div className="menu-identity">
              <span className="menu-name">{user.name}</span>
              <span className="menu-email">{user.email}</span>
              <span className="menu-role">
                {tenant.role} · {tenant.name}
              </span>
            </div>
          </div>
          <div className="menu-section">
            <Link to="/settings/security" className="menu-item" onClick={close}>
              <Icon name="shield" />
              Account security
            </Link>
          </div>
          <div className="menu-section">
            <Button
              variant="ghost"
              className="menu-item"
              icon="logOut"
              isPending={isSigningOut}
              onClick={() => {
                setSigningOut(true);
                void signOut();
              }}
            >
              Sign out
            </Button>
          </div>
        </div>
      )}
    </Popover>
  );
}

function Avatar({ name }: { name: string }) {
  const initials = name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part.charAt(0).toUpperCase())
    .join('');
  return (
    <span className="avatar" aria-hidden="true">
      {initials || '?'}
    </span>
  );
}
