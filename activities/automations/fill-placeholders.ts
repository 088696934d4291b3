// {{contact.name}}, {{contact.phone}} and {{contact.fields.<key>}} in an action's text, filled
// from the contact when the action runs. Unknown or empty placeholders become empty text.
import { ApplicationFailure } from '@temporalio/activity';
import type { ActivityDeps } from '../deps.ts';

export async function loadContactFiller(
  deps: ActivityDeps,
  tenantId: string,
  contactId: string,
): Promise<(text: string) => string> {
  const { rows } = await deps.pool.query<{ name: string | null; phone: string; fields: Record<string, unknown> }>(
    'SELECT COALESCE(name, "profileName") AS name, phone, fields FROM "Contact" WHERE id = $1 AND "tenantId" = $2',
    [contactId, tenantId],
  );
  const contact = rows[0];
  if (!contact) {
    throw ApplicationFailure.nonRetryable(`Contact ${contactId} does not exist`, 'NotFound');
  }
  return (text) =>
    text.replace(/\{\{\s*contact\.([a-z_.0-9]+)\s*\}\}/gi, (_, path: string) => {
      const value = path.startsWith('fields.') ? contact.fields[path.slice('fields.'.length)] : contact[path as 'name'];
      return value === undefined || value === null ? '' : String(value);
    });
}
