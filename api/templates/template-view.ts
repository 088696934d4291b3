// A stored template as the API returns it: Meta's components read back as the editable definition.
import { fromMetaComponents } from './meta-components.ts';
import type { ParameterFormat, TemplateCategory, TemplateStatus, TemplateView } from './schemas.ts';

export const templateSelect = {
  id: true,
  channelId: true,
  name: true,
  language: true,
  category: true,
  parameterFormat: true,
  components: true,
  status: true,
  rejectionReason: true,
  qualityScore: true,
  providerTemplateId: true,
  submittedAt: true,
  statusChangedAt: true,
  lastSyncedAt: true,
  createdAt: true,
  updatedAt: true,
  channel: { select: { name: true } },
} as const;

export type TemplateRow = {
  id: string;
  channelId: string;
  name: string;
  language: string;
  category: string;
  parameterFormat: string;
  components: unknown;
  status: string;
  rejectionReason: string | null;
  qualityScore: string | null;
  providerTemplateId: string | null;
  submittedAt: Date | null;
  statusChangedAt: Date | null;
  lastSyncedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  channel: { name: string };
};

export function toTemplateView(row: TemplateRow): TemplateView {
  const { channel, components, ...rest } = row;
  return {
    ...rest,
    channelName: channel.name,
    category: row.category as TemplateCategory,
    parameterFormat: row.parameterFormat as ParameterFormat,
    status: row.status as TemplateStatus,
    definition: fromMetaComponents(components),
  };
}
