import { Icon } from '../components/icon.tsx';
import { AgentStatusSwitch } from './agent-status-switch.tsx';
import { useRealtimeStatus } from '../realtime/realtime-context.ts';
import { NotificationsBell } from './notifications-bell.tsx';
import { TenantSwitcher } from './tenant-switcher.tsx';
import { UserMenu } from './user-menu.tsx';

export function TopBar() {
  return (
    <header className="topbar">
      <TenantSwitcher />
      <div className="topbar-spacer" />
      <OfflineIndicator />
      <AgentStatusSwitch />
      <NotificationsBell />
      <UserMenu />
    </header>
  );
}

/** Pages still work offline, but nothing updates by itself until the connection is back. */
function OfflineIndicator() {
  const { isOffline } = useRealtimeStatus();
  if (!isOffline) {
    return null;
  }
  return (
    <span className="offline-pill" role="status" title="Live updates are paused. Reconnecting…">
      <Icon name="wifiOff" size={14} />
      Offline
    </span>
  );
}
