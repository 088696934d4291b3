import { NavLink } from 'react-router';
import { useCan } from '../auth/use-session.ts';
import { Icon } from '../components/icon.tsx';
import { NAV_ITEMS } from './nav-items.ts';

export function Sidebar() {
  const can = useCan();
  return (
    <aside className="sidebar">
      <div className="brand">
        <span className="brand-mark" aria-hidden="true">
          P
        </span>
        <span className="brand-name">Parley</span>
      </div>
      <nav aria-label="Main" className="sidebar-nav">
        {NAV_ITEMS.filter((item) => item.permission === null || can(item.permission)).map((item) => (
          <NavLink key={item.path} to={item.path} end={item.path === '/'} className="sidebar-link">
            <Icon name={item.icon} size={18} />
            {item.label}
          </NavLink>
        ))}
      </nav>
    </aside>
  );
}
