// Contacts → Segments → a segment: its name and description, the condition builder, the live
// count while editing, and a preview of the first members. Saving needs contacts.manage; anyone
// with contacts.view may build and count. An existing segment also offers export and delete.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState, type ReactNode } from 'react';
import { useNavigate, useParams } from 'react-router';
import type { Segment, SegmentGroup } from '#api/segments/schemas';
import { errorMessage } from '../../api/api-error.ts';
import { contactGroupsKey, customFieldsKey, listContactGroups, listCustomFields } from '../../api/contacts-api.ts';
import {
  createSegment,
  deleteSegment,
  downloadSegmentCsv,
  getSegment,
  listCampaignChoices,
  listFlowChoices,
  segmentsKey,
  updateSegment,
} from '../../api/segments-api.ts';
import { useCan } from '../../auth/use-session.ts';
import { Alert } from '../../components/alert.tsx';
import { Button } from '../../components/button.tsx';
import { Card } from '../../components/card.tsx';
import { ConfirmDialog } from '../../components/confirm-dialog.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { ErrorState, LoadingState } from '../../components/states.tsx';
import { useToast } from '../../components/toast-context.ts';
import { ContactsTabs } from '../contacts/contacts-tabs.tsx';
import { groupOptions } from '../contacts/group-tree.ts';
import type { Catalog } from './condition-catalog.ts';
import { GroupEditor } from './condition-builder.tsx';
import { SegmentPreviewCard } from './segment-preview-card.tsx';
import '../../styles/segments.css';

const EMPTY: SegmentGroup = { kind: 'group', op: 'and', children: [] };

export function SegmentEditorPage() {
  const { segmentId } = useParams();
  const existing = useQuery({
    queryKey: [...segmentsKey, segmentId],
    queryFn: () => getSegment(segmentId!),
    enabled: Boolean(segmentId),
  });
  const catalog = useCatalog();
  if ((segmentId && existing.isPending) || catalog.isPending) {
    return <Shell title="Segment">{<LoadingState />}</Shell>;
  }
  const failed = existing.error ?? catalog.error;
  if (failed) {
    return <Shell title="Segment">{<ErrorState error={failed} onRetry={() => void existing.refetch()} />}</Shell>;
  }
  return <SegmentEditor key={segmentId ?? 'new'} segment={existing.data ?? null} catalog={catalog.data!} />;
}

function SegmentEditor({ segment, catalog }: { segment: Segment | null; catalog: Catalog }) {
  const can = useCan();
  const canManage = can('contacts.manage');
  const navigate = useNavigate();
  const toast = useToast();
  const queryClient = useQueryClient();
  const [name, setName] = useState(segment?.name ?? '');
  const [description, setDescription] = useState(segment?.description ?? '');
  const [condition, setCondition] = useState<SegmentGroup>(segment?.condition ?? EMPTY);
  const [deleting, setDeleting] = useState(false);
  const save = useMutation({
    mutationFn: () => {
      const input = { name, description: description.trim() || null, condition };
      return segment ? updateSegment(segment.id, input) : createSegment(input);
    },
    onSuccess: async (saved) => {
      await queryClient.invalidateQueries({ queryKey: segmentsKey });
      toast.show(`Saved “${saved.name}” (${saved.lastCount ?? 0} contacts)`, 'success');
      if (!segment) {
        await navigate(`/contacts/segments/${saved.id}`, { replace: true });
      }
    },
  });
  return (
    <Shell
      title={segment ? segment.name : 'New segment'}
      actions={
        <>
          {segment && (
            <Button icon="download" onClick={() => void downloadSegmentCsv(segment.id, segment.name)}>
              Export CSV
            </Button>
          )}
          {segment && canManage && (
            <Button variant="danger" onClick={() => setDeleting(true)}>
              Delete
            </Button>
          )}
          <Button
            variant="primary"
            isPending={save.isPending}
            disabled={!canManage || name.trim() === ''}
            title={canManage ? undefined : 'Saving segments needs the contacts.manage permission'}
            onClick={() => save.mutate()}
          >
            {segment ? 'Save changes' : 'Save segment'}
          </Button>
        </>
      }
    >
      {save.error && <Alert tone="danger">{errorMessage(save.error)}</Alert>}
      <Card>
        <div className="segment-meta">
          <label>
            Name
            <input className="input" value={name} maxLength={80} onChange={(e) => setName(e.target.value)} />
          </label>
          <label>
            Description
            <input
              className="input"
              value={description}
              maxLength={500}
              placeholder="Optional"
              onChange={(e) => setDescription(e.target.value)}
            />
          </label>
        </div>
      </Card>
      <div className="segment-layout">
        <Card title="Conditions">
          <GroupEditor group={condition} catalog={catalog} onChange={setCondition} />
        </Card>
        <SegmentPreviewCard condition={condition} />
      </div>
      {deleting && segment && (
        <ConfirmDialog
          title="Delete this segment?"
          message={`“${segment.name}” will be gone; its contacts stay.`}
          confirmLabel="Delete"
          onConfirm={async () => {
            await deleteSegment(segment.id);
            await queryClient.invalidateQueries({ queryKey: segmentsKey });
            await navigate('/contacts/segments');
          }}
          onClose={() => setDeleting(false)}
        />
      )}
    </Shell>
  );
}

function Shell({ title, actions, children }: { title: string; actions?: ReactNode; children: ReactNode }) {
  return (
    <div className="page">
      <ContactsTabs />
      <PageHeader
        title={title}
        description="Contacts matching these conditions, evaluated whenever the segment is used."
        actions={actions}
      />
      {children}
    </div>
  );
}

/** Custom fields, groups, flows and campaigns for the pickers. */
function useCatalog() {
  const can = useCan();
  const fields = useQuery({ queryKey: customFieldsKey, queryFn: listCustomFields });
  const groups = useQuery({ queryKey: contactGroupsKey, queryFn: listContactGroups });
  const flows = useQuery({ queryKey: [...segmentsKey, 'flows'], queryFn: listFlowChoices });
  // Someone who may not see campaigns (or when they cannot be listed) builds segments without
  // campaign conditions rather than not at all.
  const mayListCampaigns = can('campaigns.view');
  const campaigns = useQuery({
    queryKey: [...segmentsKey, 'campaigns'],
    queryFn: listCampaignChoices,
    enabled: mayListCampaigns,
  });
  const data = useMemo<Catalog | undefined>(
    () =>
      fields.data && groups.data && flows.data && (campaigns.data || campaigns.isError || !mayListCampaigns)
        ? {
            customFields: fields.data.items.map((f) => ({
              key: f.key,
              label: f.label,
              type: f.type,
              options: f.options,
            })),
            groups: groupOptions(groups.data.items),
            flows: flows.data.items.map((f) => ({ id: f.id, name: f.name })),
            campaigns: (campaigns.data?.items ?? []).map((c) => ({ id: c.id, name: c.name })),
          }
        : undefined,
    [fields.data, groups.data, flows.data, campaigns.data, campaigns.isError, mayListCampaigns],
  );
  return {
    data,
    isPending: fields.isPending || groups.isPending || flows.isPending || (mayListCampaigns && campaigns.isPending),
    error: fields.error ?? groups.error ?? flows.error,
  };
}
