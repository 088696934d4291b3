// Named permissions and the built-in roles made of them. Pure data: the web app imports it to
// show only what a user may do; the API checks one permission per route.

export const PERMISSIONS = {
  'workspace.manage': 'Change workspace settings and security policy',
  'members.view': 'See the team',
  'members.manage': 'Invite, remove and change the role of team members',
  'teams.manage': 'Manage teams, assignment rules, agent capacity and SLA policies',
  'roles.manage': 'Create and edit custom roles',
  'apiKeys.manage': 'Create and revoke API keys',
  'audit.view': 'Read the audit log',
  'billing.manage': 'Manage the plan and payments',
  'channels.manage': 'Connect and configure WhatsApp numbers',
  'inbox.view': 'Read conversations',
  'inbox.view_all': "Read every conversation, not only one's own and unassigned ones",
  'inbox.reply': 'Reply to conversations',
  'inbox.assign': 'Assign and transfer conversations',
  'canned.manage': 'Create and edit the workspace’s shared canned responses',
  'contacts.view': 'See contacts',
  'contacts.manage': 'Create, import, edit and delete contacts',
  'flows.view': 'See chatbot flows',
  'flows.manage': 'Edit and publish chatbot flows',
  'campaigns.view': 'See campaigns',
  'campaigns.manage': 'Create, schedule and control campaigns',
  'templates.view': 'See message templates',
  'templates.manage': 'Create and submit message templates',
  'reports.view': 'See reports and analytics',
  'webhooks.manage': 'Manage outgoing webhooks and automation',
} as const;

export type Permission = keyof typeof PERMISSIONS;

export const ALL_PERMISSIONS = Object.keys(PERMISSIONS) as Permission[];

export function isPermission(value: string): value is Permission {
  return Object.hasOwn(PERMISSIONS, value);
}

export const OWNER_ROLE = 'Owner';

export const SYSTEM_ROLES: ReadonlyArray<{ name: string; description: string; permissions: readonly Permission[] }> = [
  { name: OWNER_ROLE, description: 'Full access, including billing and ownership', permissions: ALL_PERMISSIONS },
  {
    name: 'Admin',
    description: 'Everything but billing',
    permissions: ALL_PERMISSIONS.filter((p) => p !== 'billing.manage'),
  },
  {
    name: 'Manager',
    description: 'Runs flows, campaigns, contacts and the team inbox',
    permissions: [
      'members.view',
      'inbox.view',
      'inbox.view_all',
      'inbox.reply',
      'inbox.assign',
      'canned.manage',
      'contacts.view',
      'contacts.manage',
      'flows.view',
      'flows.manage',
      'campaigns.view',
      'campaigns.manage',
      'templates.view',
      'templates.manage',
      'reports.view',
    ],
  },
  {
    name: 'Agent',
    description: 'Answers conversations in the inbox',
    permissions: ['inbox.view', 'inbox.reply', 'contacts.view', 'templates.view'],
  },
];
