import type { TemplateStatus } from '#api/templates/schemas';
import { Badge, type BadgeTone } from '../../components/badge.tsx';

const TONES: Partial<Record<TemplateStatus, BadgeTone>> = {
  approved: 'green',
  pending: 'amber',
  in_appeal: 'amber',
  rejected: 'red',
  disabled: 'red',
  paused: 'amber',
  flagged: 'amber',
  draft: 'neutral',
};

export const STATUS_LABELS: Record<TemplateStatus, string> = {
  draft: 'Draft',
  pending: 'Pending review',
  approved: 'Approved',
  rejected: 'Rejected',
  paused: 'Paused',
  disabled: 'Disabled',
  in_appeal: 'In appeal',
  flagged: 'Flagged',
  limit_exceeded: 'Limit exceeded',
  archived: 'Archived',
  pending_deletion: 'Being deleted',
  deleted: 'Deleted',
};

export function TemplateStatusBadge({ status }: { status: TemplateStatus }) {
  return <Badge tone={TONES[status] ?? 'neutral'}>{STATUS_LABELS[status]}</Badge>;
}
