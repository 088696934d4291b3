// The message: an approved template of the chosen channel with each variable bound to a contact
// field (with a default) or fixed text, previewed as WhatsApp shows it for a sample contact; or
// free-form text for contacts inside the 24-hour window. With 2 to 5 variants it is an A/B test,
// optionally on a sample first with the winner going to everyone else.
import { useQuery } from '@tanstack/react-query';
import { MAX_CAMPAIGN_TEXT_LENGTH, MAX_VARIANTS } from '#api/campaigns/schemas';
import type { TemplateView } from '#api/templates/schemas';
import { contactsKey, customFieldsKey, listContacts, listCustomFields } from '../../api/contacts-api.ts';
import { useTemplates } from '../../api/templates-api.ts';
import { Alert } from '../../components/alert.tsx';
import { Button } from '../../components/button.tsx';
import { Card } from '../../components/card.tsx';
import { WhatsAppText } from '../../components/whatsapp/whatsapp-text.tsx';
import { Field, fieldErrorText } from '../../forms/field.tsx';
import { TemplatePreview } from '../templates/template-preview.tsx';
import {
  addVariant,
  errorAt,
  fitBindings,
  removeVariant,
  resolveBinding,
  templateVariables,
  weightTotal,
  type BindingDraft,
  type CampaignDraft,
  type SampleContact,
  type VariantDraft,
} from './campaign-form.ts';
import { fieldId, type SectionProps } from './editor-types.ts';
import { HeaderMediaField, useHeaderMediaFile } from './header-media-field.tsx';
import '../../styles/templates.css';

type FieldChoice = { value: string; label: string };

export function MessageSection({ draft, update, errors }: SectionProps) {
  const templates = useTemplates({ status: 'approved', channelId: draft.channelId });
  const approved = (templates.data?.items ?? []).filter(
    (t) => t.channelId === draft.channelId && t.status === 'approved',
  );
  const customFields = useQuery({ queryKey: customFieldsKey, queryFn: listCustomFields });
  const fieldChoices: FieldChoice[] = [
    { value: 'name', label: 'Name' },
    { value: 'phone', label: 'Phone' },
    { value: 'email', label: 'E-mail' },
    { value: 'language', label: 'Language' },
    ...(customFields.data?.items ?? []).map((f) => ({ value: `fields.${f.key}`, label: f.label })),
  ];
  const sample = useSampleContact(draft);
  const setVariant = (index: number, change: (v: VariantDraft) => VariantDraft) =>
    update((d) => ({ ...d, variants: d.variants.map((v, i) => (i === index ? change(v) : v)) }));
  const total = weightTotal(draft.variants);
  const variantsError = errors.variants;
  const testing = draft.variants.length > 1;
  return (
    <Card
      title="Message"
      actions={
        draft.variants.length < MAX_VARIANTS && (
          <Button size="sm" icon="plus" onClick={() => update((d) => ({ ...d, variants: addVariant(d.variants) }))}>
            Add variant
          </Button>
        )
      }
    >
      <div className="campaign-row">
        <fieldset className="campaign-radios">
          <legend className="field-label">Send</legend>
          <label className="campaign-check">
            <input
              type="radio"
              name="messageKind"
              checked={draft.messageKind === 'template'}
              onChange={() => update((d) => ({ ...d, messageKind: 'template' }))}
            />
            An approved template
          </label>
          <label className="campaign-check">
            <input
              type="radio"
              name="messageKind"
              checked={draft.messageKind === 'text'}
              onChange={() => update((d) => ({ ...d, messageKind: 'text' }))}
            />
            Free-form text
          </label>
        </fieldset>
        {draft.messageKind === 'template' && (
          <fieldset className="campaign-radios">
            <legend className="field-label">When a variable has no value and no default</legend>
            <label className="campaign-check">
              <input
                type="radio"
                name="missingVariable"
                checked={draft.missingVariable === 'skip'}
                onChange={() => update((d) => ({ ...d, missingVariable: 'skip' }))}
              />
              Skip that contact
            </label>
            <label className="campaign-check">
              <input
                type="radio"
                name="missingVariable"
                checked={draft.missingVariable === 'default'}
                onChange={() => update((d) => ({ ...d, missingVariable: 'default' }))}
              />
              Send it with the default text
            </label>
          </fieldset>
        )}
      </div>
      {draft.messageKind === 'text' && (
        <Alert tone="warning">
          WhatsApp only allows free-form messages to contacts who wrote in the last 24 hours: everyone else in the
          audience is skipped. Use a template to reach them all.
        </Alert>
      )}
      {testing && (
        <p
          className={total === 100 ? 'field-hint' : 'field-error'}
          id={fieldId('variants')}
          data-testid="weights-total"
        >
          Weights add up to {total}%{total === 100 ? '' : ': they must add up to 100%'}.
        </p>
      )}
      {variantsError && !(testing && total !== 100) && (
        <p className="field-error">{fieldErrorText('Variants', variantsError)}</p>
      )}
      {draft.variants.map((variant, index) => (
        <VariantEditor
          key={index}
          index={index}
          draft={draft}
          variant={variant}
          showHeader={testing}
          templates={approved}
          templatesLoading={templates.isPending}
          fieldChoices={fieldChoices}
          sample={sample}
          errors={errors}
          onChange={(change) => setVariant(index, change)}
          onRemove={testing ? () => update((d) => ({ ...d, variants: removeVariant(d.variants, index) })) : undefined}
        />
      ))}
      {testing && <AbTestSettings draft={draft} update={update} errors={errors} />}
    </Card>
  );
}

type VariantProps = {
  index: number;
  draft: CampaignDraft;
  variant: VariantDraft;
  showHeader: boolean;
  templates: TemplateView[];
  templatesLoading: boolean;
  fieldChoices: FieldChoice[];
  sample: SampleContact | null;
  errors: SectionProps['errors'];
  onChange: (change: (v: VariantDraft) => VariantDraft) => void;
  onRemove: (() => void) | undefined;
};

function VariantEditor(props: VariantProps) {
  const { index, draft, variant, errors, onChange } = props;
  const path = `variants.${index}`;
  const template = props.templates.find((t) => t.id === variant.templateId) ?? null;
  const vars = template ? templateVariables(template.definition) : { body: [], header: null };
  const mediaHeader = template?.definition.header?.format !== 'text' ? (template?.definition.header ?? null) : null;
  const headerFile = useHeaderMediaFile(
    mediaHeader?.format ?? null,
    variant.headerMediaId || (mediaHeader?.mediaId ?? null),
  );
  const chooseTemplate = (templateId: string) => {
    const chosen = props.templates.find((t) => t.id === templateId);
    const next = chosen ? templateVariables(chosen.definition) : { body: [], header: null };
    onChange((v) => ({
      ...v,
      templateId,
      bodyVariables: fitBindings(v.bodyVariables, next.body.length),
      headerVariable: next.header ? (v.headerVariable ?? { source: 'contact', field: 'name', default: '' }) : null,
      headerMediaId: '',
    }));
  };
  return (
    <section className="campaign-variant" aria-label={`Variant ${variant.label}`}>
      {props.showHeader && (
        <div className="campaign-variant-header">
          <Field id={fieldId(`${path}.label`)} label="Variant" error={errorAt(errors, `${path}.label`)}>
            <input
              id={fieldId(`${path}.label`)}
              className="input campaign-input-short"
              value={variant.label}
              maxLength={20}
              onChange={(e) => onChange((v) => ({ ...v, label: e.target.value }))}
            />
          </Field>
          <Field
            id={fieldId(`${path}.weight`)}
            label={`Weight of ${variant.label} (%)`}
            error={errorAt(errors, `${path}.weight`)}
          >
            <input
              id={fieldId(`${path}.weight`)}
              className="input campaign-input-short"
              type="number"
              min={1}
              max={100}
              value={variant.weight}
              onChange={(e) => onChange((v) => ({ ...v, weight: e.target.value }))}
            />
          </Field>
          {props.onRemove && (
            <Button size="sm" variant="ghost" onClick={props.onRemove}>
              Remove {variant.label}
            </Button>
          )}
        </div>
      )}
      <div className="campaign-variant-body">
        <div className="campaign-variant-form">
          {draft.messageKind === 'template' ? (
            <>
              <Field
                id={fieldId(`${path}.message.templateId`)}
                label="Template"
                hint={
                  !draft.channelId
                    ? 'Choose a channel first.'
                    : !props.templatesLoading && props.templates.length === 0
                      ? 'This channel has no approved templates yet.'
                      : undefined
                }
                error={
                  errorAt(errors, `${path}.message.templateId`) ??
                  errorAt(errors, `${path}.message`) ??
                  errorAt(errors, `${path}.message.bodyVariables`)
                }
              >
                <select
                  id={fieldId(`${path}.message.templateId`)}
                  className="input select"
                  value={variant.templateId}
                  onChange={(e) => chooseTemplate(e.target.value)}
                >
                  <option value="">Choose an approved template</option>
                  {props.templates.map((t) => (
                    <option key={t.id} value={t.id}>
                      {t.name} ({t.language})
                    </option>
                  ))}
                </select>
              </Field>
              {mediaHeader && (
                <HeaderMediaField
                  path={path}
                  format={mediaHeader.format}
                  templateMediaId={mediaHeader.mediaId}
                  value={variant.headerMediaId}
                  errors={errors}
                  onChange={(mediaId) => onChange((v) => ({ ...v, headerMediaId: mediaId }))}
                />
              )}
              {vars.header && variant.headerVariable && (
                <BindingEditor
                  label={`header {{${vars.header}}}`}
                  path={`${path}.message.headerVariable`}
                  binding={variant.headerVariable}
                  fieldChoices={props.fieldChoices}
                  errors={errors}
                  onChange={(b) => onChange((v) => ({ ...v, headerVariable: b }))}
                />
              )}
              {vars.body.map((name, j) => (
                <BindingEditor
                  key={name}
                  label={`{{${name}}}`}
                  path={`${path}.message.bodyVariables.${j}`}
                  binding={variant.bodyVariables[j] ?? { source: 'contact', field: '', default: '' }}
                  fieldChoices={props.fieldChoices}
                  errors={errors}
                  onChange={(b) =>
                    onChange((v) => ({
                      ...v,
                      bodyVariables: fitBindings(v.bodyVariables, vars.body.length).map((x, k) => (k === j ? b : x)),
                    }))
                  }
                />
              ))}
            </>
          ) : (
            <Field
              id={fieldId(`${path}.message.text`)}
              label="Message"
              count={{ used: variant.text.length, limit: MAX_CAMPAIGN_TEXT_LENGTH }}
              error={errorAt(errors, `${path}.message.text`)}
            >
              <textarea
                id={fieldId(`${path}.message.text`)}
                className="input"
                rows={5}
                value={variant.text}
                onChange={(e) => onChange((v) => ({ ...v, text: e.target.value }))}
              />
            </Field>
          )}
        </div>
        <div className="campaign-variant-preview">
          <div className="field-label">
            Preview{props.sample ? ` for ${props.sample.name ?? props.sample.phone}` : ''}
          </div>
          {draft.messageKind === 'text' ? (
            <div className="tpl-phone" aria-label="WhatsApp preview">
              <div className="tpl-bubble">
                <div className="tpl-bubble-body">
                  {variant.text.trim() ? (
                    <WhatsAppText text={variant.text} />
                  ) : (
                    <span className="tpl-placeholder">Your message text</span>
                  )}
                </div>
                <div className="tpl-bubble-time">12:00</div>
              </div>
            </div>
          ) : template ? (
            <TemplatePreview definition={previewDefinition(template, variant, vars, props.sample)} media={headerFile} />
          ) : (
            <p className="cell-muted">Choose a template to see it as the contact will.</p>
          )}
        </div>
      </div>
    </section>
  );
}

/** The template with each variable's value for the sample contact in place of its example. */
function previewDefinition(
  template: TemplateView,
  variant: VariantDraft,
  vars: { body: string[]; header: string | null },
  sample: SampleContact | null,
) {
  const value = (binding: BindingDraft | null | undefined) => (binding ? resolveBinding(binding, sample) : null) ?? '—';
  const definition = template.definition;
  const bodyExamples = Object.fromEntries(vars.body.map((name, j) => [name, value(variant.bodyVariables[j])]));
  const header =
    definition.header?.format === 'text' && vars.header
      ? { ...definition.header, examples: { [vars.header]: value(variant.headerVariable) } }
      : definition.header;
  return { ...definition, header, body: { ...definition.body, examples: bodyExamples } };
}

function BindingEditor({
  label,
  path,
  binding,
  fieldChoices,
  errors,
  onChange,
}: {
  label: string;
  path: string;
  binding: BindingDraft;
  fieldChoices: FieldChoice[];
  errors: SectionProps['errors'];
  onChange: (binding: BindingDraft) => void;
}) {
  const sourceId = fieldId(`${path}.source`);
  return (
    <div className="campaign-binding">
      <Field id={sourceId} label={`Variable ${label}`} error={errorAt(errors, path)}>
        <select
          id={sourceId}
          className="input select"
          value={binding.source}
          onChange={(e) =>
            onChange(
              e.target.value === 'text'
                ? { source: 'text', value: '' }
                : { source: 'contact', field: 'name', default: '' },
            )
          }
        >
          <option value="contact">Contact field</option>
          <option value="text">Fixed text</option>
        </select>
      </Field>
      {binding.source === 'contact' ? (
        <>
          <Field id={fieldId(`${path}.field`)} label="Field" error={errorAt(errors, `${path}.field`)}>
            <select
              id={fieldId(`${path}.field`)}
              className="input select"
              value={binding.field}
              onChange={(e) => onChange({ ...binding, field: e.target.value })}
            >
              <option value="">Choose a field</option>
              {fieldChoices.map((f) => (
                <option key={f.value} value={f.value}>
                  {f.label}
                </option>
              ))}
            </select>
          </Field>
          <Field id={fieldId(`${path}.default`)} label="Default" error={errorAt(errors, `${path}.default`)}>
            <input
              id={fieldId(`${path}.default`)}
              className="input"
              placeholder="When the contact has none"
              value={binding.default}
              onChange={(e) => onChange({ ...binding, default: e.target.value })}
            />
          </Field>
        </>
      ) : (
        <Field id={fieldId(`${path}.value`)} label="Text" error={errorAt(errors, `${path}.value`)}>
          <input
            id={fieldId(`${path}.value`)}
            className="input"
            value={binding.value}
            onChange={(e) => onChange({ ...binding, value: e.target.value })}
          />
        </Field>
      )}
    </div>
  );
}

function AbTestSettings({ draft, update, errors }: SectionProps) {
  const ab = draft.abTest;
  const set = (patch: Partial<CampaignDraft['abTest']>) => update((d) => ({ ...d, abTest: { ...d.abTest, ...patch } }));
  return (
    <div className="campaign-abtest">
      <label className="campaign-check">
        <input
          type="checkbox"
          checked={draft.abTestEnabled}
          onChange={(e) => update((d) => ({ ...d, abTestEnabled: e.target.checked }))}
        />
        Test on a sample first, then send the winner to everyone else
      </label>
      {errors.abTest && <p className="field-error">{fieldErrorText('The A/B test', errors.abTest)}</p>}
      {draft.abTestEnabled && (
        <div className="campaign-row">
          <Field id={fieldId('abTest.samplePercent')} label="Sample (%)" error={errors['abTest.samplePercent']}>
            <input
              id={fieldId('abTest.samplePercent')}
              className="input campaign-input-short"
              type="number"
              min={5}
              max={50}
              value={ab.samplePercent}
              onChange={(e) => set({ samplePercent: e.target.value })}
            />
          </Field>
          <Field id={fieldId('abTest.winnerMetric')} label="Winner by" error={errors['abTest.winnerMetric']}>
            <select
              id={fieldId('abTest.winnerMetric')}
              className="input select"
              value={ab.winnerMetric}
              onChange={(e) => set({ winnerMetric: e.target.value === 'reply' ? 'reply' : 'read' })}
            >
              <option value="read">Read rate</option>
              <option value="reply">Reply rate</option>
            </select>
          </Field>
          <Field id={fieldId('abTest.waitMinutes')} label="Wait (minutes)" error={errors['abTest.waitMinutes']}>
            <input
              id={fieldId('abTest.waitMinutes')}
              className="input campaign-input-short"
              type="number"
              min={1}
              value={ab.waitMinutes}
              onChange={(e) => set({ waitMinutes: e.target.value })}
            />
          </Field>
        </div>
      )}
    </div>
  );
}

/** A contact of the audience (its first group or tag) to preview with, else any contact. */
function useSampleContact(draft: CampaignDraft): SampleContact | null {
  const include = draft.audience.include;
  const filter = draft.audience.allContacts
    ? {}
    : include.groupIds[0]
      ? { groupId: include.groupIds[0] }
      : include.tags[0]
        ? { tag: include.tags[0] }
        : {};
  const query = useQuery({
    queryKey: [...contactsKey, 'campaign-sample', filter],
    queryFn: () => listContacts(filter, null, 1),
    retry: false,
  });
  return query.data?.items[0] ?? null;
}
