// The audience: everyone, or contacts in chosen segments, groups and tags, minus excluded ones;
// and beside it the live estimate (who matches, who can be reached, the cost and the plan's quota).
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import type { Estimate } from '#api/campaigns/schemas';
import { errorMessage } from '../../api/api-error.ts';
import { contactGroupsKey, listContactGroups } from '../../api/contacts-api.ts';
import { listSegments, segmentsKey } from '../../api/segments-api.ts';
import { useCan } from '../../auth/use-session.ts';
import { Card } from '../../components/card.tsx';
import { Spinner } from '../../components/spinner.tsx';
import { fieldErrorText } from '../../forms/field.tsx';
import { groupOptions } from '../contacts/group-tree.ts';
import { errorAt, type AudienceDraft } from './campaign-form.ts';
import { fieldId, type SectionProps } from './editor-types.ts';
import { useEstimate } from './use-estimate.ts';

type Side = 'include' | 'exclude';
type Option = { id: string; label: string };

export function AudienceSection({ draft, update, errors }: SectionProps) {
  const can = useCan();
  const segments = useQuery({ queryKey: [...segmentsKey, 'list'], queryFn: listSegments });
  const groups = useQuery({ queryKey: contactGroupsKey, queryFn: listContactGroups });
  const segmentOptions = (segments.data?.items ?? []).map((s) => ({ id: s.id, label: s.name }));
  const groupChoices = groups.data ? groupOptions(groups.data.items) : [];
  const audience = draft.audience;
  const setAudience = (change: (a: AudienceDraft) => AudienceDraft) =>
    update((d) => ({ ...d, audience: change(d.audience) }));
  const includeError = errorAt(errors, 'audience.include', true) ?? errorAt(errors, 'audience', true);
  return (
    <div className="campaign-audience">
      <Card
        title="Audience"
        description="Templates only go to contacts who opted in to marketing; free-form messages only to contacts who wrote in the last 24 hours."
        actions={
          can('contacts.manage') && (
            <Link className="btn btn-secondary btn-sm" to="/contacts/imports">
              Upload a list
            </Link>
          )
        }
      >
        <label className="campaign-check">
          <input
            type="checkbox"
            checked={audience.allContacts}
            onChange={(e) => setAudience((a) => ({ ...a, allContacts: e.target.checked }))}
          />
          All contacts in the workspace
        </label>
        {!audience.allContacts && (
          <fieldset className="campaign-fieldset" id={fieldId('audience.include')} aria-invalid={Boolean(includeError)}>
            <legend>Send to contacts in any of</legend>
            <Pickers
              side="include"
              audience={audience}
              setAudience={setAudience}
              segments={segmentOptions}
              groups={groupChoices}
            />
            {includeError && <p className="field-error">{fieldErrorText('Audience', includeError)}</p>}
            <p className="field-hint">
              A list of numbers? Import it into a group under Contacts → Imports, then choose that group here.
            </p>
          </fieldset>
        )}
        <fieldset className="campaign-fieldset">
          <legend>Except contacts in any of</legend>
          <Pickers
            side="exclude"
            audience={audience}
            setAudience={setAudience}
            segments={segmentOptions}
            groups={groupChoices}
          />
          {errorAt(errors, 'audience.exclude', true) && (
            <p className="field-error">{errorAt(errors, 'audience.exclude', true)}</p>
          )}
        </fieldset>
      </Card>
      <EstimateCard draft={draft} />
    </div>
  );
}

function Pickers({
  side,
  audience,
  setAudience,
  segments,
  groups,
}: {
  side: Side;
  audience: AudienceDraft;
  setAudience: (change: (a: AudienceDraft) => AudienceDraft) => void;
  segments: Option[];
  groups: Option[];
}) {
  const chosen = audience[side];
  const toggle = (key: 'segmentIds' | 'groupIds', id: string, on: boolean) =>
    setAudience((a) => ({
      ...a,
      [side]: { ...a[side], [key]: on ? [...a[side][key], id] : a[side][key].filter((x) => x !== id) },
    }));
  return (
    <div className="campaign-pickers">
      <ChoiceList
        title="Segments"
        empty="No saved segments"
        options={segments}
        chosen={chosen.segmentIds}
        onToggle={(id, on) => toggle('segmentIds', id, on)}
        side={side}
      />
      <ChoiceList
        title="Groups"
        empty="No groups"
        options={groups}
        chosen={chosen.groupIds}
        onToggle={(id, on) => toggle('groupIds', id, on)}
        side={side}
      />
      <TagInput
        side={side}
        tags={chosen.tags}
        onChange={(tags) => setAudience((a) => ({ ...a, [side]: { ...a[side], tags } }))}
      />
    </div>
  );
}

function ChoiceList(props: {
  title: string;
  empty: string;
  options: Option[];
  chosen: string[];
  onToggle: (id: string, on: boolean) => void;
  side: Side;
}) {
  return (
    <div
      className="campaign-choices"
      role="group"
      aria-label={`${props.side === 'include' ? 'Include' : 'Exclude'} ${props.title.toLowerCase()}`}
    >
      <div className="campaign-choices-title">{props.title}</div>
      {props.options.length === 0 ? (
        <p className="cell-muted">{props.empty}</p>
      ) : (
        props.options.map((option) => (
          <label key={option.id} className="campaign-check">
            <input
              type="checkbox"
              checked={props.chosen.includes(option.id)}
              onChange={(e) => props.onToggle(option.id, e.target.checked)}
            />
            {option.label}
          </label>
        ))
      )}
    </div>
  );
}

/** Tags as comma-separated text; what is typed stays as typed until it is a whole tag. */
function TagInput({ side, tags, onChange }: { side: Side; tags: string[]; onChange: (tags: string[]) => void }) {
  const [text, setText] = useState(tags.join(', '));
  const id = fieldId(`audience.${side}.tags`);
  return (
    <div className="campaign-choices">
      <label className="campaign-choices-title" htmlFor={id}>
        Tags
      </label>
      <input
        id={id}
        className="input"
        placeholder="vip, newsletter"
        aria-label={`${side === 'include' ? 'Include' : 'Exclude'} tags`}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          onChange([
            ...new Set(
              e.target.value
                .split(',')
                .map((t) => t.trim())
                .filter(Boolean),
            ),
          ]);
        }}
      />
    </div>
  );
}

function EstimateCard({ draft }: { draft: SectionProps['draft'] }) {
  const estimate = useEstimate(draft);
  const loading = estimate.isDebouncing || estimate.isFetching;
  return (
    <Card title="Estimate" className="campaign-estimate">
      {!estimate.ready ? (
        <p className="cell-muted">Choose a channel and an audience to see how many contacts it reaches.</p>
      ) : estimate.error ? (
        <p className="field-error" role="alert">
          {errorMessage(estimate.error)}
        </p>
      ) : estimate.data ? (
        <EstimateFigures estimate={estimate.data} kind={draft.messageKind} loading={loading} />
      ) : (
        <p className="cell-muted">
          <Spinner /> Counting…
        </p>
      )}
    </Card>
  );
}

export function formatCost(cost: { amount: string; currency: string } | null): string {
  if (!cost) {
    return '—';
  }
  const amount = Number(cost.amount);
  try {
    return new Intl.NumberFormat(undefined, { style: 'currency', currency: cost.currency }).format(amount);
  } catch {
    return `${cost.amount} ${cost.currency}`;
  }
}

function EstimateFigures({ estimate, kind, loading }: { estimate: Estimate; kind: string; loading: boolean }) {
  const quota = estimate.quotaRemaining;
  const overQuota =
    (quota.day !== null && estimate.reachable > quota.day) ||
    (quota.month !== null && estimate.reachable > quota.month);
  const limit = kind === 'template' ? estimate.messagingLimit : null;
  const overLimit = limit?.remaining != null && estimate.reachable > limit.remaining;
  return (
    <div aria-live="polite">
      <div className="campaign-estimate-main">
        <span data-testid="estimate-reachable">{estimate.reachable.toLocaleString()}</span> will get it
        {loading && <Spinner />}
      </div>
      <dl className="campaign-estimate-list">
        <dt>Matched</dt>
        <dd data-testid="estimate-matched">{estimate.matched.toLocaleString()}</dd>
        <dt>Opted out</dt>
        <dd>{estimate.optedOut.toLocaleString()}</dd>
        {kind === 'template' ? (
          <>
            <dt>Not opted in</dt>
            <dd>{estimate.notOptedIn.toLocaleString()}</dd>
          </>
        ) : (
          <>
            <dt>Outside the 24-hour window</dt>
            <dd>{estimate.outsideWindow.toLocaleString()}</dd>
          </>
        )}
        <dt>Estimated cost</dt>
        <dd data-testid="estimate-cost">{formatCost(estimate.estimatedCost)}</dd>
        <dt>Quota left today</dt>
        <dd>{quota.day === null ? 'Unlimited' : quota.day.toLocaleString()}</dd>
        <dt>Quota left this month</dt>
        <dd>{quota.month === null ? 'Unlimited' : quota.month.toLocaleString()}</dd>
        {limit && (
          <>
            <dt>Messaging limit left</dt>
            <dd data-testid="estimate-messaging-limit">
              {limit.limit === null || limit.remaining === null
                ? 'Unlimited'
                : `${limit.remaining.toLocaleString()} of ${limit.limit.toLocaleString()} customers per 24 h`}
            </dd>
          </>
        )}
      </dl>
      {overQuota && (
        <p className="field-error">
          The audience is larger than the plan’s remaining quota: sending stops when it is reached.
        </p>
      )}
      {limit && overLimit && (
        <p className="field-hint" role="note">
          WhatsApp lets this number start conversations with {limit.limit!.toLocaleString()} customers in any 24 hours,
          and {limit.remaining!.toLocaleString()} are left now. The other recipients get the campaign as the limit frees
          up; customers who wrote in the last 24 hours do not count.
        </p>
      )}
    </div>
  );
}
