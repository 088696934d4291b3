// The campaign routes of api/campaigns/schemas.ts as typed calls and queries. Every campaign query
// sits under campaignsKey, so a live `campaign.progress` event refreshes what is on screen.
import { useQuery } from '@tanstack/react-query';
import {
  calendarSchema,
  campaignPageSchema,
  campaignSchema,
  campaignStatsSchema,
  estimateSchema,
  recipientPageSchema,
  runListSchema,
  type CampaignStatus,
  type CreateCampaignInput,
  type EstimateInput,
  type UpdateCampaignInput,
} from '#api/campaigns/schemas';
import { z } from 'zod';
import { apiDownload, apiRequest } from '../../api/client.ts';
import { usePagedList } from '../../api/use-paged-list.ts';

export const campaignsKey = ['campaigns'];

/** While a campaign sends, its page polls as well as listening for live progress. */
export const LIVE_POLL_MS = 3_000;
const ACTIVE: ReadonlySet<string> = new Set(['running', 'testing', 'preparing', 'waiting', 'paused']);
const AFTERGLOW_MS = 30 * 60_000;
const AFTERGLOW_POLL_MS = 15_000;
export const isActiveStatus = (status: string | null | undefined) => status != null && ACTIVE.has(status);

export type CampaignListFilter = { status?: CampaignStatus | undefined; q?: string | undefined };

export function useCampaignList(filter: CampaignListFilter) {
  return usePagedList([...campaignsKey, 'list', filter], (cursor) =>
    apiRequest('/api/campaigns', {
      query: {
        limit: 25,
        ...(filter.status ? { status: filter.status } : {}),
        ...(filter.q ? { q: filter.q } : {}),
        ...(cursor ? { cursor } : {}),
      },
      schema: campaignPageSchema,
    }),
  );
}

export function useCampaign(campaignId: string | undefined) {
  return useQuery({
    queryKey: [...campaignsKey, 'detail', campaignId],
    queryFn: () => apiRequest(`/api/campaigns/${campaignId}`, { schema: campaignSchema }),
    enabled: Boolean(campaignId),
    refetchInterval: (query) =>
      query.state.data?.status === 'running' || query.state.data?.status === 'scheduled' ? LIVE_POLL_MS : false,
  });
}

/** `finishedAt`: when the campaign finished, to keep counting deliveries and replies for a while. */
export function useCampaignStats(campaignId: string, runId: string | null, live: boolean, finishedAt: Date | null) {
  return useQuery({
    queryKey: [...campaignsKey, 'stats', campaignId, runId],
    queryFn: () =>
      apiRequest(`/api/campaigns/${campaignId}/stats`, {
        query: runId ? { runId } : {},
        schema: campaignStatsSchema,
      }),
    refetchInterval: (query) => {
      const data = query.state.data;
      if (live || isActiveStatus(data?.status)) {
        return LIVE_POLL_MS;
      }
      // Deliveries, reads and replies keep arriving after the last message went out.
      return finishedAt && Date.now() - finishedAt.getTime() < AFTERGLOW_MS ? AFTERGLOW_POLL_MS : false;
    },
  });
}

export function useCampaignRuns(campaignId: string, enabled: boolean) {
  return useQuery({
    queryKey: [...campaignsKey, 'runs', campaignId],
    queryFn: () => apiRequest(`/api/campaigns/${campaignId}/runs`, { schema: runListSchema }),
    select: (list) => list.items,
    enabled,
  });
}

export type RecipientFilter = {
  runId?: string | undefined;
  status?: string | undefined;
  variantId?: string | undefined;
};

function filterQuery(filter: RecipientFilter): Record<string, string> {
  return Object.fromEntries(Object.entries(filter).filter((entry): entry is [string, string] => Boolean(entry[1])));
}

export function useCampaignRecipients(campaignId: string, filter: RecipientFilter) {
  return usePagedList([...campaignsKey, 'recipients', campaignId, filter], (cursor) =>
    apiRequest(`/api/campaigns/${campaignId}/recipients`, {
      query: { limit: 50, ...filterQuery(filter), ...(cursor ? { cursor } : {}) },
      schema: recipientPageSchema,
    }),
  );
}

export const downloadRecipientsCsv = (campaignId: string, name: string, filter: RecipientFilter) =>
  apiDownload(
    `/api/campaigns/${campaignId}/recipients.csv`,
    `campaign-${name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}-recipients.csv`,
    { query: filterQuery(filter) },
  );

export function useCampaignCalendar(from: string, to: string) {
  return useQuery({
    queryKey: [...campaignsKey, 'calendar', from, to],
    queryFn: () => apiRequest('/api/campaigns/calendar', { query: { from, to }, schema: calendarSchema }),
  });
}

export const estimateAudience = (input: EstimateInput, signal?: AbortSignal) =>
  apiRequest('/api/campaigns/estimate', {
    method: 'POST',
    body: input,
    schema: estimateSchema,
    ...(signal ? { signal } : {}),
  });

export const createCampaign = (input: CreateCampaignInput) =>
  apiRequest('/api/campaigns', { method: 'POST', body: input, schema: campaignSchema });

export const updateCampaign = (campaignId: string, input: UpdateCampaignInput) =>
  apiRequest(`/api/campaigns/${campaignId}`, { method: 'PATCH', body: input, schema: campaignSchema });

export const deleteCampaign = (campaignId: string) => apiRequest(`/api/campaigns/${campaignId}`, { method: 'DELETE' });

/** Actions answer with the campaign; only its id is read (the page refetches the rest). */
const actionResultSchema = z.looseObject({ id: z.uuid() });

export const launchCampaign = (campaignId: string) =>
  apiRequest(`/api/campaigns/${campaignId}/launch`, { method: 'POST', body: {}, schema: actionResultSchema });

export type CampaignAction = 'pause' | 'resume' | 'cancel' | 'duplicate';

export const campaignAction = (campaignId: string, action: CampaignAction) =>
  apiRequest(`/api/campaigns/${campaignId}/${action}`, { method: 'POST', body: {}, schema: actionResultSchema });
