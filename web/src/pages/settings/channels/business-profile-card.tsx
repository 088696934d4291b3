import type { Channel } from '#api/channels/schemas';
import { useBusinessProfile, type BusinessProfile } from '../../../api/business-profile-api.ts';
import { Alert } from '../../../components/alert.tsx';
import { Card } from '../../../components/card.tsx';
import { EmptyState, ErrorState, LoadingState } from '../../../components/states.tsx';
import { BusinessProfileEditor } from './business-profile-editor.tsx';

/** Read live from WhatsApp (Meta or the simulator), so it shows what customers see right now. */
export function BusinessProfileCard({ channel, canManage }: { channel: Channel; canManage: boolean }) {
  const profile = useBusinessProfile(channel.id);
  const isEmpty = profile.data !== undefined && isEmptyProfile(profile.data);

  return (
    <Card
      title="Business profile"
      description="What customers see when they open this number’s info in WhatsApp. Saved changes show there at once."
    >
      {profile.isPending ? (
        <LoadingState label="Loading the profile from WhatsApp…" />
      ) : profile.error ? (
        <ErrorState error={profile.error} onRetry={() => void profile.refetch()} />
      ) : isEmpty && !canManage ? (
        <EmptyState
          icon="building"
          title="No business profile yet"
          description="Customers only see this number’s name. A workspace admin can fill in the profile."
        />
      ) : (
        <div className="stack-sm">
          {!canManage && (
            <p className="muted">
              Only a workspace admin (a role that can connect and configure WhatsApp numbers) can change it.
            </p>
          )}
          {isEmpty && (
            <Alert tone="info" title="This number has no business profile yet">
              Customers only see its name. Tell them what you do, where to find you and how to reach you.
            </Alert>
          )}
          {/* Keyed by number: the form starts from that number's saved profile. */}
          <BusinessProfileEditor key={channel.id} channel={channel} profile={profile.data} canManage={canManage} />
        </div>
      )}
    </Card>
  );
}

function isEmptyProfile(profile: BusinessProfile): boolean {
  const { about, address, description, email, websites, vertical, profile_picture_url } = profile;
  const texts = [about, address, description, email, profile_picture_url].filter((text) => text?.trim());
  return texts.length === 0 && !websites?.length && (!vertical || vertical === 'UNDEFINED');
}
