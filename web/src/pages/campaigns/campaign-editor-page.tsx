// Campaigns → New / Edit: name and channel, audience with its live estimate, the message (template
// with variable bindings, or free-form text; A/B variants), schedule and quiet hours. "Save draft"
// stores it; "Launch" saves, asks with the recipient count and cost, then starts it (now or on its
// schedule). Errors from the API's schema, client- or server-side, show at their fields.
import { useQueryClient } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import type { CampaignView, CreateCampaignInput } from '#api/campaigns/schemas';
import { ApiError, errorMessage } from '../../api/api-error.ts';
import { useWorkspace } from '../../api/workspace-api.ts';
import { useCan } from '../../auth/use-session.ts';
import { Alert } from '../../components/alert.tsx';
import { Button } from '../../components/button.tsx';
import { Card } from '../../components/card.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { ErrorState, LoadingState } from '../../components/states.tsx';
import { useToast } from '../../components/toast-context.ts';
import { Field } from '../../forms/field.tsx';
import { useWorkspaceChannels } from '../templates/templates-page.tsx';
import { AudienceSection } from './audience-section.tsx';
import { localDate } from './calendar-grid.ts';
import {
  draftFromCampaign,
  newCampaignDraft,
  serverErrors,
  validateDraft,
  type CampaignDraft,
  type FieldErrors,
} from './campaign-form.ts';
import { allowedActions } from './campaign-status.tsx';
import { campaignsKey, createCampaign, updateCampaign, useCampaign } from './campaigns-api.ts';
import { fieldId } from './editor-types.ts';
import { LaunchDialog } from './launch-dialog.tsx';
import { MessageSection } from './message-section.tsx';
import { ScheduleSection } from './schedule-section.tsx';
import '../../styles/campaigns.css';

export function CampaignEditorPage() {
  const { campaignId } = useParams();
  const existing = useCampaign(campaignId);
  const workspace = useWorkspace();
  if ((campaignId && existing.isPending) || workspace.isPending) {
    return <Shell title="Campaign">{<LoadingState />}</Shell>;
  }
  const failed = existing.error ?? workspace.error;
  if (failed) {
    return <Shell title="Campaign">{<ErrorState error={failed} onRetry={() => void existing.refetch()} />}</Shell>;
  }
  const campaign = existing.data ?? null;
  if (campaign && !allowedActions(campaign.status).edit) {
    return (
      <Shell title={campaign.name}>
        <Alert tone="info" title="This campaign has started">
          Only drafts and scheduled campaigns can be edited.{' '}
          <Link to={`/campaigns/${campaign.id}`}>See its results</Link>, or duplicate it to send again with changes.
        </Alert>
      </Shell>
    );
  }
  const timeZone = workspace.data?.settings.timezone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
  return <CampaignEditor key={campaign?.id ?? 'new'} campaign={campaign} timeZone={timeZone} />;
}

function CampaignEditor({ campaign, timeZone }: { campaign: CampaignView | null; timeZone: string }) {
  const can = useCan();
  const canManage = can('campaigns.manage');
  const navigate = useNavigate();
  const toast = useToast();
  const queryClient = useQueryClient();
  const channels = useWorkspaceChannels();
  const today = localDate(new Date());
  const [draft, setDraft] = useState<CampaignDraft>(() =>
    campaign ? draftFromCampaign(campaign, today, timeZone) : newCampaignDraft(timeZone, today),
  );
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [saving, setSaving] = useState<'draft' | 'launch' | null>(null);
  const [launching, setLaunching] = useState<CampaignView | null>(null);
  // A new campaign saved on the way to a refused launch stays on this page (its errors showing);
  // later saves update it instead of creating another.
  const [savedId, setSavedId] = useState<string | null>(campaign?.id ?? null);
  const update = (change: (d: CampaignDraft) => CampaignDraft) => setDraft(change);

  /** Shows errors at their fields (and in a summary) and focuses the first one it can find. */
  const showErrors = (next: FieldErrors, error: unknown) => {
    setErrors(next);
    setFailure(error);
    const first = Object.keys(next)[0];
    if (first) {
      const parts = first.split('.');
      for (let n = parts.length; n > 0; n -= 1) {
        const element = document.getElementById(fieldId(parts.slice(0, n).join('.')));
        if (element) {
          element.focus();
          element.scrollIntoView?.({ block: 'center' });
          break;
        }
      }
    }
  };

  const handleFailure = (error: unknown) => {
    if (error instanceof ApiError && error.fields.length > 0) {
      showErrors(serverErrors(error.fields), error);
    } else {
      showErrors({}, error);
    }
  };

  const save = async (input: CreateCampaignInput): Promise<CampaignView> => {
    const saved = savedId ? await updateCampaign(savedId, input) : await createCampaign(input);
    setSavedId(saved.id);
    await queryClient.invalidateQueries({ queryKey: campaignsKey });
    return saved;
  };

  const submit = (intent: 'draft' | 'launch') => {
    const { input, errors: found } = validateDraft(draft);
    if (!input) {
      showErrors(found, null);
      return;
    }
    setErrors({});
    setFailure(null);
    setSaving(intent);
    save(input)
      .then(async (saved) => {
        if (intent === 'launch') {
          setLaunching(saved);
        } else {
          toast.show(`Saved “${saved.name}”`, 'success');
          if (campaign?.status === 'scheduled') {
            await navigate(`/campaigns/${saved.id}`);
          } else if (!campaign) {
            await navigate(`/campaigns/${saved.id}/edit`, { replace: true });
          }
        }
      })
      .catch(handleFailure)
      .finally(() => setSaving(null));
  };

  const errorCount = Object.keys(errors).length;
  const isScheduled = campaign?.status === 'scheduled';
  return (
    <Shell
      title={campaign ? campaign.name : 'New campaign'}
      actions={
        canManage && (
          <>
            {isScheduled ? (
              // Already launched: saving the edit is all it takes (the API moves its schedule).
              <Button
                variant="primary"
                isPending={saving === 'draft'}
                disabled={saving !== null}
                onClick={() => submit('draft')}
              >
                Save changes
              </Button>
            ) : (
              <>
                <Button isPending={saving === 'draft'} disabled={saving !== null} onClick={() => submit('draft')}>
                  Save draft
                </Button>
                <Button
                  variant="primary"
                  icon="send"
                  isPending={saving === 'launch'}
                  disabled={saving !== null}
                  onClick={() => submit('launch')}
                >
                  Launch…
                </Button>
              </>
            )}
          </>
        )
      }
    >
      {!canManage && <Alert tone="info">Creating and launching campaigns needs the campaigns.manage permission.</Alert>}
      {errorCount > 0 ? (
        <Alert tone="danger" title="Some settings need attention">
          <ul className="campaign-error-summary">
            {Object.entries(errors).map(([path, message]) => (
              <li key={path}>
                {path}: {message}
              </li>
            ))}
          </ul>
        </Alert>
      ) : failure ? (
        <Alert tone="danger">{errorMessage(failure)}</Alert>
      ) : null}
      <Card title="Campaign">
        <div className="campaign-row">
          <Field id={fieldId('name')} label="Name" error={errors.name}>
            <input
              id={fieldId('name')}
              className="input"
              value={draft.name}
              maxLength={120}
              onChange={(e) => update((d) => ({ ...d, name: e.target.value }))}
            />
          </Field>
          <Field id={fieldId('channelId')} label="Channel" error={errors.channelId}>
            <select
              id={fieldId('channelId')}
              className="input select"
              value={draft.channelId}
              onChange={(e) => update((d) => ({ ...d, channelId: e.target.value }))}
            >
              <option value="">Choose the number it is sent from</option>
              {(channels.data?.items ?? []).map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                  {c.displayPhoneNumber ? ` (${c.displayPhoneNumber})` : ''}
                </option>
              ))}
            </select>
          </Field>
        </div>
      </Card>
      <AudienceSection draft={draft} update={update} errors={errors} />
      <MessageSection draft={draft} update={update} errors={errors} />
      <ScheduleSection draft={draft} update={update} errors={errors} />
      {launching && (
        <LaunchDialog
          campaign={launching}
          draft={draft}
          onClose={() => setLaunching(null)}
          onLaunched={async () => {
            await queryClient.invalidateQueries({ queryKey: campaignsKey });
            toast.show(
              launching.schedule.kind === 'now' ? `Sending “${launching.name}”` : `Scheduled “${launching.name}”`,
              'success',
            );
            await navigate(`/campaigns/${launching.id}`);
          }}
          onRefused={(error) => {
            setLaunching(null);
            handleFailure(error);
          }}
        />
      )}
    </Shell>
  );
}

function Shell({ title, actions, children }: { title: string; actions?: ReactNode; children: ReactNode }) {
  return (
    <div className="page campaign-editor">
      <div className="campaign-breadcrumb">
        <Link to="/campaigns">← Campaigns</Link>
      </div>
      <PageHeader title={title} actions={actions} />
      {children}
    </div>
  );
}
