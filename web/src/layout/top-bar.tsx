import { TenantSwitcher } from './tenant-switcher.tsx';
import { UserMenu } from './user-menu.tsx';

export function TopBar() {
  return (
    <header className="topbar">
      <TenantSwitcher />
      <div className="topbar-spacer" />
      <UserMenu />
    </header>
  );
}
