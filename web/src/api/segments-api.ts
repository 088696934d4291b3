import { campaignPageSchema } from '#api/campaigns/schemas';
import { flowPageSchema } from '#api/flows/schemas';
import {
  segmentContactPageSchema,
  segmentCountSchema,
  segmentListSchema,
  segmentPreviewSchema,
  segmentSchema,
  type CreateSegmentInput,
  type SegmentGroup,
  type UpdateSegmentInput,
} from '#api/segments/schemas';
import { apiDownload, apiRequest } from './client.ts';

export const segmentsKey = ['segments'];

export const listSegments = () => apiRequest('/api/segments', { schema: segmentListSchema });

export const getSegment = (id: string) => apiRequest(`/api/segments/${id}`, { schema: segmentSchema });

export const createSegment = (input: CreateSegmentInput) =>
  apiRequest('/api/segments', { method: 'POST', body: input, schema: segmentSchema });

export const updateSegment = (id: string, input: UpdateSegmentInput) =>
  apiRequest(`/api/segments/${id}`, { method: 'PATCH', body: input, schema: segmentSchema });

export const deleteSegment = (id: string) => apiRequest(`/api/segments/${id}`, { method: 'DELETE' });

export const countSavedSegment = (id: string) =>
  apiRequest(`/api/segments/${id}/count`, { schema: segmentCountSchema });

export const previewSegment = (condition: SegmentGroup, signal?: AbortSignal) =>
  apiRequest('/api/segments/preview', {
    method: 'POST',
    body: { condition, limit: 10 },
    schema: segmentPreviewSchema,
    ...(signal ? { signal } : {}),
  });

export const listSegmentContacts = (id: string, cursor: string | null) =>
  apiRequest(`/api/segments/${id}/contacts`, {
    query: { limit: 25, ...(cursor ? { cursor } : {}) },
    schema: segmentContactPageSchema,
  });

export const downloadSegmentCsv = (id: string, name: string) =>
  apiDownload(`/api/segments/${id}/export.csv`, `segment-${name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}.csv`);

/** Published and draft flows by name, for the "completed a flow" condition. */
export const listFlowChoices = () => apiRequest('/api/flows', { query: { limit: 100 }, schema: flowPageSchema });

/** The latest campaigns, for "received / read / replied to campaign" conditions. */
export const listCampaignChoices = () =>
  apiRequest('/api/campaigns', { query: { limit: 100 }, schema: campaignPageSchema });
