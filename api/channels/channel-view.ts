import { publicUrl, type Env } from '#lib/env';
import type { Channel, ChannelStatus } from './schemas.ts';

export const channelSelect = {
  id: true,
  name: true,
  kind: true,
  status: true,
  statusReason: true,
  wabaId: true,
  phoneNumberId: true,
  displayPhoneNumber: true,
  verifiedName: true,
  messagesPerSecond: true,
  messagingLimitTier: true,
  accessToken: true,
  tokenExpiresAt: true,
  lastHealthCheckAt: true,
  connectedAt: true,
  createdAt: true,
} as const;

type ChannelRow = {
  id: string;
  name: string;
  kind: 'sandbox' | 'whatsapp_cloud';
  status: string;
  statusReason: string | null;
  wabaId: string | null;
  phoneNumberId: string | null;
  displayPhoneNumber: string | null;
  verifiedName: string | null;
  messagesPerSecond: number;
  messagingLimitTier: string | null;
  accessToken: string | null;
  tokenExpiresAt: Date | null;
  lastHealthCheckAt: Date | null;
  connectedAt: Date | null;
  createdAt: Date;
};

export function webhookUrlFor(env: Env, channelId: string): string {
  return `${publicUrl(env)}/webhooks/whatsapp/${channelId}`;
}

export function toChannelView(row: ChannelRow, env: Env): Channel {
  const { accessToken, ...rest } = row;
  return {
    ...rest,
    status: row.status as ChannelStatus,
    hasCredentials: accessToken !== null,
    webhookUrl: webhookUrlFor(env, row.id),
  };
}
