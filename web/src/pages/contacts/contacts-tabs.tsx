// The tab bar at the top of every contacts page: the contact list, segments, imports and groups.
// Each page renders it above its own header; the routes live in web/src/router.tsx.
import { NavLink } from 'react-router';
import '../../styles/contacts.css';

export const CONTACTS_TABS = [
  { label: 'Contacts', path: '/contacts', end: true },
  { label: 'Segments', path: '/contacts/segments', end: false },
  { label: 'Imports', path: '/contacts/imports', end: false },
  { label: 'Groups', path: '/contacts/groups', end: false },
] as const;

export function ContactsTabs() {
  return (
    <nav className="contacts-tabs" aria-label="Contacts sections">
      {CONTACTS_TABS.map((tab) => (
        <NavLink
          key={tab.path}
          to={tab.path}
          end={tab.end}
          className={({ isActive }) => (isActive ? 'contacts-tab is-active' : 'contacts-tab')}
        >
          {tab.label}
        </NavLink>
      ))}
    </nav>
  );
}
