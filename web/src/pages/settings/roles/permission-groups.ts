// The permission catalogue grouped by area for the role editor, in the catalogue's own order.
import { ALL_PERMISSIONS, PERMISSIONS, type Permission } from '#api/auth/permissions';

const GROUP_LABELS: Record<string, string> = {
  workspace: 'Workspace',
  members: 'Team',
  teams: 'Teams and routing',
  roles: 'Roles',
  apiKeys: 'API keys',
  audit: 'Audit log',
  billing: 'Billing',
  channels: 'WhatsApp numbers',
  inbox: 'Inbox',
  contacts: 'Contacts',
  flows: 'Flows',
  campaigns: 'Campaigns',
  templates: 'Templates',
  reports: 'Reports',
  webhooks: 'Webhooks and automation',
};

export type PermissionGroup = {
  key: string;
  label: string;
  permissions: Array<{ name: Permission; description: string }>;
};

export const PERMISSION_GROUPS: PermissionGroup[] = ALL_PERMISSIONS.reduce<PermissionGroup[]>((groups, name) => {
  const key = name.split('.')[0] ?? name;
  let group = groups.find((g) => g.key === key);
  if (!group) {
    group = { key, label: GROUP_LABELS[key] ?? key, permissions: [] };
    groups.push(group);
  }
  group.permissions.push({ name, description: PERMISSIONS[name] });
  return groups;
}, []);
