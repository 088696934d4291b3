// The product areas in the sidebar, each shown to roles holding its permission.
import type { Permission } from '#api/auth/permissions';
import type { IconName } from '../components/icon.tsx';

export type NavItem = { label: string; path: string; icon: IconName; permission: Permission | null };

export const NAV_ITEMS: NavItem[] = [
  { label: 'Dashboard', path: '/', icon: 'dashboard', permission: null },
  { label: 'Inbox', path: '/inbox', icon: 'inbox', permission: 'inbox.view' },
  { label: 'Flows', path: '/flows', icon: 'flows', permission: 'flows.view' },
  { label: 'Media', path: '/media', icon: 'file', permission: 'flows.view' },
  { label: 'Campaigns', path: '/campaigns', icon: 'campaigns', permission: 'campaigns.view' },
  { label: 'Contacts', path: '/contacts', icon: 'contacts', permission: 'contacts.view' },
  { label: 'Templates', path: '/templates', icon: 'templates', permission: 'templates.view' },
  { label: 'Reports', path: '/reports', icon: 'reports', permission: 'reports.view' },
  // Everyone may play a customer on the Sandbox number: it touches no real customer.
  { label: 'Sandbox', path: '/sandbox', icon: 'phone', permission: null },
  { label: 'Settings', path: '/settings', icon: 'settings', permission: null },
];
