import type { ChannelStatus } from '#api/channels/schemas';
import { Badge, type BadgeTone } from '../../../components/badge.tsx';

const TONES: Record<ChannelStatus, BadgeTone> = {
  connected: 'green',
  pending: 'blue',
  degraded: 'amber',
  disconnected: 'red',
};

const LABELS: Record<ChannelStatus, string> = {
  connected: 'Connected',
  pending: 'Not verified',
  degraded: 'Degraded',
  disconnected: 'Disconnected',
};

export function ChannelStatusBadge({ status }: { status: ChannelStatus }) {
  return <Badge tone={TONES[status]}>{LABELS[status]}</Badge>;
}
