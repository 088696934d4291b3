// Words for triggers and run statuses, shared by the list, the editor and the run log.
import type { AutomationTrigger } from '#api/automations/schemas';
import { Badge, type BadgeTone } from '../../../components/badge.tsx';

export const TRIGGER_LABELS: Record<AutomationTrigger['type'], string> = {
  message_received: 'A message is received',
  keyword: 'A message contains a keyword',
  conversation_created: 'A conversation is created',
  conversation_resolved: 'A conversation is resolved',
  contact_updated: 'A contact attribute changes',
  tag_added: 'A tag is added to a contact',
  schedule: 'On a schedule (cron)',
  date_field: 'Relative to a contact date field',
  greeting: 'Greeting: first message of a new conversation',
  away: 'Away: a message outside business hours',
};

export function triggerSummary(trigger: AutomationTrigger): string {
  switch (trigger.type) {
    case 'keyword':
      return `Message ${trigger.match === 'exact' ? 'is' : trigger.match === 'regex' ? 'matches' : 'contains'} ${trigger.keywords.map((k) => `"${k}"`).join(' or ')}`;
    case 'tag_added':
      return trigger.tag ? `Tag "${trigger.tag}" added` : TRIGGER_LABELS.tag_added;
    case 'schedule':
      return `Schedule ${trigger.cron}`;
    case 'date_field': {
      const days = Math.abs(trigger.offsetDays);
      const when = trigger.offsetDays === 0 ? 'on' : `${days} day(s) ${trigger.offsetDays < 0 ? 'before' : 'after'}`;
      return `${when} fields.${trigger.field} at ${trigger.at}`;
    }
    default:
      return TRIGGER_LABELS[trigger.type];
  }
}

const TONES: Record<string, BadgeTone> = { succeeded: 'green', failed: 'red', skipped: 'amber', running: 'blue' };

export function RunStatusBadge({ status }: { status: string | null }) {
  return <Badge tone={TONES[status ?? ''] ?? 'neutral'}>{status ?? '—'}</Badge>;
}
