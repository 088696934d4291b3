// Asks before launching, with who gets it and what it costs (a fresh estimate of the saved
// audience). A refusal that names fields goes back to the editor to show at those fields; any
// other refusal stays in the dialog.
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { CampaignView } from '#api/campaigns/schemas';
import { ApiError, errorMessage } from '../../api/api-error.ts';
import { Alert } from '../../components/alert.tsx';
import { Button } from '../../components/button.tsx';
import { Modal, ModalFooter } from '../../components/modal.tsx';
import { Spinner } from '../../components/spinner.tsx';
import { formatCost } from './audience-section.tsx';
import type { CampaignDraft } from './campaign-form.ts';
import { campaignsKey, estimateAudience, launchCampaign } from './campaigns-api.ts';

type Props = {
  campaign: CampaignView;
  draft: CampaignDraft;
  onClose: () => void;
  onLaunched: () => Promise<void>;
  onRefused: (error: ApiError) => void;
};

export function LaunchDialog({ campaign, draft, onClose, onLaunched, onRefused }: Props) {
  const first = campaign.variants[0]?.message;
  const estimate = useQuery({
    queryKey: [...campaignsKey, 'launch-estimate', campaign.id, campaign.updatedAt.toISOString()],
    queryFn: () =>
      estimateAudience({
        channelId: campaign.channel.id,
        audience: campaign.audience,
        messageKind: first?.kind ?? 'template',
        ...(first?.kind === 'template' ? { templateId: first.templateId } : {}),
      }),
    retry: false,
  });
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const launch = () => {
    setPending(true);
    setError(null);
    launchCampaign(campaign.id).then(onLaunched, (failure: unknown) => {
      setPending(false);
      if (failure instanceof ApiError && failure.fields.length > 0) {
        onRefused(failure);
      } else {
        setError(failure);
      }
    });
  };
  const when = describeWhen(draft);
  return (
    <Modal title={`Launch “${campaign.name}”?`} onClose={onClose} size="sm">
      <div className="modal-body">
        {estimate.isPending ? (
          <p>
            <Spinner /> Counting recipients…
          </p>
        ) : estimate.error ? (
          <Alert tone="warning">Cannot estimate the audience: {errorMessage(estimate.error)}</Alert>
        ) : (
          <p className="confirm-message" data-testid="launch-summary">
            {when}, to <strong>{estimate.data.reachable.toLocaleString()}</strong>{' '}
            {estimate.data.reachable === 1 ? 'contact' : 'contacts'} from {campaign.channel.name}
            {estimate.data.estimatedCost ? (
              <>
                , for about <strong>{formatCost(estimate.data.estimatedCost)}</strong>
              </>
            ) : null}
            .{' '}
            {estimate.data.matched > estimate.data.reachable &&
              `${(estimate.data.matched - estimate.data.reachable).toLocaleString()} matching contacts will be skipped (not opted in, opted out or outside the 24-hour window).`}
          </p>
        )}
        {campaign.variants.length > 1 && (
          <p className="cell-muted">
            Variants {campaign.variants.map((v) => `${v.label} ${v.weight}%`).join(', ')}
            {campaign.abTest ? `, tested on ${campaign.abTest.samplePercent}% first` : ''}.
          </p>
        )}
        {error !== null && <Alert tone="danger">{errorMessage(error)}</Alert>}
      </div>
      <ModalFooter>
        <Button onClick={onClose}>Not yet</Button>
        <Button variant="primary" icon="send" onClick={launch} isPending={pending}>
          {draft.scheduleKind === 'now' ? 'Send now' : 'Schedule'}
        </Button>
      </ModalFooter>
    </Modal>
  );
}

function describeWhen(draft: CampaignDraft): string {
  if (draft.scheduleKind === 'now') {
    return 'It starts sending now';
  }
  if (draft.scheduleKind === 'once') {
    return `It sends on ${draft.localTime.replace('T', ' at ')} (${draft.timeZone})`;
  }
  const r = draft.recurring;
  const days =
    r.frequency === 'weekly'
      ? ` on ${r.weekdays.join(', ')}`
      : r.frequency === 'monthly'
        ? ` on day ${r.dayOfMonth}`
        : '';
  return `It sends every ${r.frequency === 'daily' ? 'day' : r.frequency === 'weekly' ? 'week' : 'month'}${days} at ${r.time} (${draft.timeZone}) from ${r.startsOn} until ${r.endsOn}`;
}
