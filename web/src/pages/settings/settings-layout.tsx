import { Navigate, NavLink, Outlet } from 'react-router';
import { useCan } from '../../auth/use-session.ts';
import { Icon } from '../../components/icon.tsx';
import { visibleSections } from './settings-sections.ts';

export function SettingsLayout() {
  const can = useCan();
  return (
    <div className="settings">
      <aside className="settings-aside">
        <p className="settings-aside-title">Settings</p>
        <nav aria-label="Settings" className="settings-nav">
          {visibleSections(can).map((section) => (
            <NavLink key={section.path} to={section.path} className="settings-link">
              <Icon name={section.icon} />
              {section.label}
            </NavLink>
          ))}
        </nav>
      </aside>
      <div className="settings-content">
        <Outlet />
      </div>
    </div>
  );
}

/** /settings opens the first section the role can use (Security, at worst). */
export function SettingsIndex() {
  const can = useCan();
  const first = visibleSections(can)[0];
  return <Navigate to={first?.path ?? '/settings/security'} replace />;
}
