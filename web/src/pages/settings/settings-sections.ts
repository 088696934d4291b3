// The Settings sections, each visible to roles holding one of its permissions (Security is the
// user's own account, so everyone has it; everyone may see the numbers' health, only
// channels.manage may change them).
import type { Permission } from '#api/auth/permissions';
import type { IconName } from '../../components/icon.tsx';

export type SettingsSection = {
  label: string;
  path: string;
  icon: IconName;
  description: string;
  permissions: Permission[] | null;
};

export const SETTINGS_SECTIONS: SettingsSection[] = [
  {
    label: 'Workspace',
    path: '/settings/workspace',
    icon: 'building',
    description: 'Name, time zone, language and the two-factor policy.',
    permissions: ['workspace.manage'],
  },
  {
    label: 'Channels',
    path: '/settings/channels',
    icon: 'phone',
    description: 'Your WhatsApp numbers, their health and webhook setup.',
    permissions: null,
  },
  {
    label: 'Team',
    path: '/settings/team',
    icon: 'users',
    description: 'Members, their roles and pending invitations.',
    permissions: ['members.view', 'members.manage'],
  },
  {
    label: 'Teams & routing',
    path: '/settings/routing',
    icon: 'users',
    description: 'Teams and skills, assignment rules, agent availability and SLA targets.',
    permissions: ['members.view', 'teams.manage'],
  },
  {
    label: 'Roles',
    path: '/settings/roles',
    icon: 'shield',
    description: 'Built-in roles and custom roles made of permissions.',
    permissions: ['roles.manage'],
  },
  {
    label: 'API keys',
    path: '/settings/api-keys',
    icon: 'key',
    description: 'Keys for the REST API, each acting with a role.',
    permissions: ['apiKeys.manage'],
  },
  {
    label: 'Security',
    path: '/settings/security',
    icon: 'lock',
    description: 'Two-factor authentication and recovery codes for your account.',
    permissions: null,
  },
  {
    label: 'Notifications',
    path: '/settings/notifications',
    icon: 'bell',
    description: 'How Parley alerts you: in the app, in the browser, with a sound.',
    permissions: null,
  },
  {
    label: 'Canned responses',
    path: '/settings/canned-responses',
    icon: 'list',
    description: 'Saved replies for the inbox composer: yours and the shared ones.',
    permissions: ['inbox.reply'],
  },
  {
    label: 'Custom fields',
    path: '/settings/custom-fields',
    icon: 'contacts',
    description: 'Extra contact details by type, which are required and which agents see.',
    permissions: ['contacts.view'],
  },
  {
    label: 'Webhooks',
    path: '/settings/webhooks',
    icon: 'send',
    description: 'Signed event deliveries to your URLs, with their log, retries and replays.',
    permissions: ['webhooks.manage'],
  },
  {
    label: 'Automations',
    path: '/settings/automations',
    icon: 'flows',
    description:
      'Rules that act on messages, keywords, conversations, contacts, tags or a schedule; greeting and away messages.',
    permissions: ['webhooks.manage'],
  },
  {
    label: 'Audit log',
    path: '/settings/audit-log',
    icon: 'list',
    description: 'Who changed what in the workspace, and when.',
    permissions: ['audit.view'],
  },
  {
    label: 'API requests',
    path: '/settings/api-requests',
    icon: 'list',
    description: 'Every API call by members and keys: route, status, latency, from where.',
    permissions: ['audit.view'],
  },
];

export function visibleSections(can: (permission: Permission) => boolean): SettingsSection[] {
  return SETTINGS_SECTIONS.filter((s) => s.permissions === null || s.permissions.some(can));
}
