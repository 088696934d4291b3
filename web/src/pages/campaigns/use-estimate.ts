// The audience estimate while editing: sent 400 ms after the last change once a channel and an
// audience are chosen; the previous figures stay on screen while the next ones load.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { audienceSchema, type EstimateInput } from '#api/campaigns/schemas';
import type { CampaignDraft } from './campaign-form.ts';
import { campaignsKey, estimateAudience } from './campaigns-api.ts';

const DEBOUNCE_MS = 400;

export function useEstimate(draft: CampaignDraft) {
  const templateId = draft.messageKind === 'template' ? draft.variants[0]?.templateId : undefined;
  const request = JSON.stringify({
    channelId: draft.channelId,
    audience: draft.audience,
    messageKind: draft.messageKind,
    ...(templateId ? { templateId } : {}),
  });
  const [debounced, setDebounced] = useState(request);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(request), DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [request]);
  const input = JSON.parse(debounced) as EstimateInput;
  const ready = Boolean(input.channelId) && audienceSchema.safeParse(input.audience).success;
  const query = useQuery({
    queryKey: [...campaignsKey, 'estimate', debounced],
    queryFn: ({ signal }) => estimateAudience(input, signal),
    enabled: ready,
    placeholderData: keepPreviousData,
    retry: false,
  });
  return { ...query, ready, isDebouncing: debounced !== request };
}
