// Meta's template statuses and events (contract §6, §9) in Parley's words, and the one message a
// send path gives when a template cannot be sent.
import type { TemplateStatus } from './schemas.ts';
import { TEMPLATE_STATUSES } from './schemas.ts';

/** Meta's status or webhook event → ours; null for events that are not a status (e.g. UNARCHIVED). */
export function statusFromMeta(value: string): TemplateStatus | null {
  const lower = value.trim().toLowerCase();
  if (lower === 'reinstated' || lower === 'unarchived' || lower === 'unpaused') {
    return 'approved';
  }
  return (TEMPLATE_STATUSES as readonly string[]).includes(lower) && lower !== 'draft'
    ? (lower as TemplateStatus)
    : null;
}

const WHY: Partial<Record<TemplateStatus, string>> = {
  draft: 'is a draft that has not been submitted to WhatsApp',
  pending: 'is pending review',
  rejected: 'was rejected by WhatsApp',
  paused: 'is paused by WhatsApp because of its quality',
  disabled: 'is disabled by WhatsApp',
  in_appeal: 'is in appeal',
  flagged: 'is flagged by WhatsApp',
  limit_exceeded: 'is over the account’s template limit',
  archived: 'is archived',
  pending_deletion: 'is being deleted',
  deleted: 'was deleted',
};

export type TemplateRef = { name: string; language: string };

/**
 * Why a stored template cannot be sent, or null when it can (approved). A template Parley has not
 * stored (never synced) is left to WhatsApp, which refuses unknown or unapproved ones itself (132001).
 */
export function templateSendRefusal(
  stored: { status: string; rejectionReason?: string | null } | null,
  ref: TemplateRef,
): string | null {
  if (!stored || stored.status === 'approved') {
    return null;
  }
  const why = WHY[stored.status as TemplateStatus] ?? `has the status ${stored.status}`;
  const reason = stored.status === 'rejected' && stored.rejectionReason ? ` (${stored.rejectionReason})` : '';
  return `Template ${ref.name} (${ref.language}) ${why}${reason} and cannot be sent: only approved templates can be sent`;
}
