// The contact as flow templates see it ({{contact.name}}, {{contact.fields.plan}}).
import type { ContactScope } from '#workflows/flow-session/state';

export const contactScopeSelect = {
  id: true,
  name: true,
  profileName: true,
  phone: true,
  waId: true,
  fields: true,
  tags: true,
} as const;

export type ContactRow = {
  id: string;
  name: string | null;
  profileName: string | null;
  phone: string;
  waId: string;
  fields: unknown;
  tags: string[];
};

export function contactScope(row: ContactRow): ContactScope {
  const fields = row.fields && typeof row.fields === 'object' && !Array.isArray(row.fields) ? row.fields : {};
  return {
    id: row.id,
    // The name an agent saved wins over the WhatsApp profile name.
    name: row.name ?? row.profileName,
    phone: row.phone,
    waId: row.waId,
    fields: fields as Record<string, unknown>,
    tags: row.tags,
  };
}
