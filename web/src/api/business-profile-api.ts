// A number's WhatsApp business profile, in Meta's field names and with the API's own schemas.
import { useQuery } from '@tanstack/react-query';
import { businessProfileSchema, type BusinessProfile, type BusinessProfileUpdate } from '#api/whatsapp/graph-schemas';
import { channelKey } from './channels-api.ts';
import { apiRequest } from './client.ts';

export type { BusinessProfile };
/** Only the fields sent change; the picture is not editable here. */
export type BusinessProfileEdit = Omit<BusinessProfileUpdate, 'profile_picture_handle'>;

const profileResponseSchema = businessProfileSchema.shape.data.element;

/** Under the channel's key, so invalidating the channels refreshes it too. */
export const businessProfileKey = (channelId: string) => [...channelKey(channelId), 'business-profile'];

export function useBusinessProfile(channelId: string) {
  return useQuery({
    queryKey: businessProfileKey(channelId),
    queryFn: () => apiRequest(`/api/channels/${channelId}/business-profile`, { schema: profileResponseSchema }),
  });
}

export const updateBusinessProfile = (channelId: string, body: BusinessProfileEdit) =>
  apiRequest(`/api/channels/${channelId}/business-profile`, { method: 'PATCH', body, schema: profileResponseSchema });
