// One template: the editor (header, body with variables and samples, footer, buttons), WhatsApp's
// rules checked while typing (the same rules the API applies: api/templates/rule-schemas.ts) with
// character and variable counters, a live WhatsApp preview, and the review: save a draft, submit
// it, see its status (and WhatsApp's reason for a rejection) change without reloading.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useNavigate, useParams } from 'react-router';
import {
  EDITABLE_STATUSES,
  HEADER_MEDIA_FORMATS,
  TEMPLATE_CATEGORIES,
  type ParameterFormat,
  type TemplateButton,
  type TemplateCategory,
  type TemplateDefinition,
  type TemplateView,
} from '#api/templates/schemas';
import {
  countTemplate,
  distinctVariables,
  HEADER_MEDIA_RULES,
  nextVariable,
  TEMPLATE_LIMITS,
  validateTemplate,
  type TemplateIssue,
} from '#api/templates/rule-schemas';
import { uploadMedia } from '../../api/inbox-extras-api.ts';
import {
  createTemplate,
  deleteTemplate,
  submitTemplate,
  templatesKey,
  updateTemplate,
  useLibraryMedia,
  useTemplate,
} from '../../api/templates-api.ts';
import { useCan } from '../../auth/use-session.ts';
import { Alert } from '../../components/alert.tsx';
import { Button } from '../../components/button.tsx';
import { Card } from '../../components/card.tsx';
import { ConfirmDialog } from '../../components/confirm-dialog.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { ErrorState, LoadingState } from '../../components/states.tsx';
import { useToast } from '../../components/toast-context.ts';
import { TemplatePreview, type PreviewMedia } from './template-preview.tsx';
import { TemplateStatusBadge } from './template-status-badge.tsx';
import { capitalise, useWorkspaceChannels } from './templates-page.tsx';

export const LANGUAGES: Array<[string, string]> = [
  ['en', 'English'],
  ['en_US', 'English (US)'],
  ['en_GB', 'English (UK)'],
  ['es', 'Spanish'],
  ['es_MX', 'Spanish (Mexico)'],
  ['pt_BR', 'Portuguese (Brazil)'],
  ['pt_PT', 'Portuguese (Portugal)'],
  ['fr', 'French'],
  ['de', 'German'],
  ['it', 'Italian'],
  ['nl', 'Dutch'],
  ['id', 'Indonesian'],
  ['hi', 'Hindi'],
  ['ar', 'Arabic'],
  ['tr', 'Turkish'],
];

type Draft = {
  channelId: string;
  name: string;
  language: string;
  category: TemplateCategory;
  parameterFormat: ParameterFormat;
  definition: TemplateDefinition;
};

const EMPTY: Draft = {
  channelId: '',
  name: '',
  language: 'en',
  category: 'utility',
  parameterFormat: 'positional',
  definition: { header: null, body: { text: '', examples: {} }, footer: null, buttons: [] },
};

export function TemplateEditorPage() {
  const { templateId } = useParams();
  const existing = useTemplate(templateId ?? null);
  if (templateId && existing.isPending) {
    return <LoadingState />;
  }
  if (templateId && existing.error) {
    return <ErrorState error={existing.error} onRetry={() => void existing.refetch()} />;
  }
  return <Editor key={existing.data?.id ?? 'new'} template={existing.data ?? null} />;
}

function Editor({ template }: { template: TemplateView | null }) {
  const [draft, setDraft] = useState<Draft>(() =>
    template
      ? {
          channelId: template.channelId,
          name: template.name,
          language: template.language,
          category: template.category,
          parameterFormat: template.parameterFormat,
          definition: template.definition,
        }
      : EMPTY,
  );
  const [media, setMedia] = useState<(PreviewMedia & { sizeBytes: number }) | null>(null);
  const [serverIssues, setServerIssues] = useState<TemplateIssue[]>([]);
  const [touched, setTouched] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const channels = useWorkspaceChannels();
  const can = useCan();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const toast = useToast();
  const bodyRef = useRef<HTMLTextAreaElement>(null);

  const channelId = draft.channelId || channels.data?.items[0]?.id || '';
  const status = template?.status ?? 'draft';
  const editable = can('templates.manage') && EDITABLE_STATUSES.includes(status);
  const submitted = template !== null && status !== 'draft';
  const issues = useMemo(
    () =>
      validateTemplate(draft, {
        headerMedia: media ? { mimeType: media.mimeType, sizeBytes: media.sizeBytes } : null,
      }),
    [draft, media],
  );
  const counts = countTemplate(draft.definition);
  const allIssues = [...issues, ...serverIssues.filter((s) => !issues.some((i) => i.field === s.field))];
  const issueOf = (field: string) => (touched ? allIssues.find((i) => i.field === field)?.message : undefined);

  const update = (change: (d: Draft) => Draft) => {
    setTouched(true);
    setServerIssues([]);
    setDraft(change);
  };
  const setDefinition = (change: (d: TemplateDefinition) => TemplateDefinition) =>
    update((d) => ({ ...d, definition: change(d.definition) }));

  const refresh = (saved: TemplateView) => {
    void queryClient.invalidateQueries({ queryKey: templatesKey });
    if (!template) {
      void navigate(`/templates/${saved.id}`, { replace: true });
    }
  };
  const onError = (error: Error & { details?: { fields?: TemplateIssue[] } }) => {
    setTouched(true);
    setServerIssues(error.details?.fields ?? []);
    toast.show(error.message, 'error');
  };
  const save = useMutation({
    mutationFn: async (andSubmit: boolean) => {
      const input = { ...draft, channelId };
      let saved = template ? await updateTemplate(template.id, withoutChannel(input)) : await createTemplate(input);
      if (andSubmit && (saved.status === 'draft' || saved.status === 'rejected')) {
        saved = await submitTemplate(saved.id);
      }
      return saved;
    },
    onSuccess: (saved, andSubmit) => {
      toast.show(
        saved.status === 'pending' ? 'Submitted to WhatsApp for review' : andSubmit ? 'Saved' : 'Draft saved',
        'success',
      );
      refresh(saved);
    },
    onError,
  });
  const remove = useMutation({
    mutationFn: () => deleteTemplate(template!.id),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: templatesKey });
      void navigate('/templates');
    },
  });

  const insertVariable = () => {
    const token = nextVariable(draft.definition.body.text, draft.parameterFormat);
    const el = bodyRef.current;
    const text = draft.definition.body.text;
    const at = el ? el.selectionStart : text.length;
    setDefinition((d) => ({ ...d, body: { ...d.body, text: text.slice(0, at) + token + text.slice(at) } }));
    requestAnimationFrame(() => el?.focus());
  };

  const header = draft.definition.header;
  const bodyVariables = distinctVariables(draft.definition.body.text);
  const headerVariables = header?.format === 'text' ? distinctVariables(header.text) : [];
  const canSubmit = issues.length === 0 && channelId !== '';

  return (
    <div className="page">
      <PageHeader
        title={template ? template.name : 'New template'}
        description={
          template ? (
            <span className="tpl-status-line">
              <TemplateStatusBadge status={status} /> {template.language} · {capitalise(template.category)} ·{' '}
              {template.channelName}
            </span>
          ) : (
            'Write the message, add samples for its variables, and submit it to WhatsApp for review.'
          )
        }
        actions={
          <Button variant="ghost" onClick={() => void navigate('/templates')}>
            Back to templates
          </Button>
        }
      />
      {template?.status === 'rejected' && (
        <div data-testid="rejection-reason">
          <Alert tone="danger" title="WhatsApp rejected this template">
            {template.rejectionReason ?? 'No reason was given.'} Edit it and submit it again.
          </Alert>
        </div>
      )}
      {template && ['paused', 'disabled'].includes(template.status) && (
        <Alert tone="warning" title={template.status === 'paused' ? 'Paused by WhatsApp' : 'Disabled by WhatsApp'}>
          {template.status === 'paused'
            ? 'WhatsApp paused this template because of its quality: it cannot be sent until it is unpaused.'
            : 'WhatsApp disabled this template: it can no longer be sent.'}
        </Alert>
      )}
      {template?.status === 'pending' && (
        <Alert tone="info" title="In review">
          WhatsApp is reviewing this template. This page updates when the review is done.
        </Alert>
      )}
      <div className="tpl-editor">
        <Card>
          <fieldset className="form-stack" disabled={!editable || save.isPending}>
            <div className="form-row">
              <Field label="Channel" id="tpl-channel">
                <select
                  id="tpl-channel"
                  className="input"
                  value={channelId}
                  disabled={template !== null}
                  onChange={(e) => update((d) => ({ ...d, channelId: e.target.value }))}
                >
                  {channels.data?.items.map((c) => (
                    <option key={c.id} value={c.id}>
                      {c.name}
                    </option>
                  ))}
                </select>
              </Field>
              <Field label="Category" id="tpl-category" error={issueOf('category')}>
                <select
                  id="tpl-category"
                  className="input"
                  value={draft.category}
                  onChange={(e) => update((d) => ({ ...d, category: e.target.value as TemplateCategory }))}
                >
                  {TEMPLATE_CATEGORIES.map((c) => (
                    <option key={c} value={c}>
                      {capitalise(c)}
                    </option>
                  ))}
                </select>
              </Field>
            </div>
            <div className="form-row">
              <Field
                label="Name"
                id="tpl-name"
                error={issueOf('name')}
                hint="Lowercase letters, digits and _, e.g. order_update"
              >
                <input
                  id="tpl-name"
                  className="input"
                  value={draft.name}
                  disabled={submitted}
                  onChange={(e) => update((d) => ({ ...d, name: e.target.value }))}
                />
              </Field>
              <Field label="Language" id="tpl-language" error={issueOf('language')}>
                <select
                  id="tpl-language"
                  className="input"
                  value={draft.language}
                  disabled={submitted}
                  onChange={(e) => update((d) => ({ ...d, language: e.target.value }))}
                >
                  {(LANGUAGES.some(([code]) => code === draft.language)
                    ? LANGUAGES
                    : [[draft.language, draft.language] as [string, string], ...LANGUAGES]
                  ).map(([code, label]) => (
                    <option key={code} value={code}>
                      {label} ({code})
                    </option>
                  ))}
                </select>
              </Field>
              <Field label="Variables" id="tpl-format">
                <select
                  id="tpl-format"
                  className="input"
                  value={draft.parameterFormat}
                  disabled={submitted}
                  onChange={(e) => update((d) => ({ ...d, parameterFormat: e.target.value as ParameterFormat }))}
                >
                  <option value="positional">
                    Numbered: {'{{1}}'}, {'{{2}}'}
                  </option>
                  <option value="named">Named: {'{{first_name}}'}</option>
                </select>
              </Field>
            </div>

            <h2 className="tpl-section">Header (optional)</h2>
            <div className="tpl-choice" role="radiogroup" aria-label="Header type">
              {(['none', 'text', ...HEADER_MEDIA_FORMATS] as const).map((kind) => (
                <label key={kind} className="tpl-choice-item">
                  <input
                    type="radio"
                    name="tpl-header"
                    checked={(header?.format ?? 'none') === kind}
                    onChange={() => {
                      setMedia(null);
                      setDefinition((d) => ({
                        ...d,
                        header:
                          kind === 'none'
                            ? null
                            : kind === 'text'
                              ? { format: 'text', text: '', examples: {} }
                              : { format: kind, mediaId: null },
                      }));
                    }}
                  />{' '}
                  {capitalise(kind)}
                </label>
              ))}
            </div>
            {header?.format === 'text' && (
              <>
                <Field
                  label="Header text"
                  id="tpl-header-text"
                  error={issueOf('header.text')}
                  count={[counts.header.characters, counts.header.max]}
                >
                  <input
                    id="tpl-header-text"
                    className="input"
                    value={header.text}
                    onChange={(e) => setDefinition((d) => ({ ...d, header: { ...header, text: e.target.value } }))}
                  />
                </Field>
                <Samples
                  variables={headerVariables}
                  examples={header.examples}
                  prefix="header"
                  issueOf={issueOf}
                  onChange={(examples) => setDefinition((d) => ({ ...d, header: { ...header, examples } }))}
                />
              </>
            )}
            {header && header.format !== 'text' && (
              <HeaderMediaPicker
                format={header.format}
                mediaId={header.mediaId}
                error={issueOf('header.mediaId') ?? issueOf('header.format')}
                onPick={(item) => {
                  setMedia(item);
                  setDefinition((d) => ({ ...d, header: { format: header.format, mediaId: item.id } }));
                }}
              />
            )}

            <h2 className="tpl-section">Body</h2>
            <Field
              label="Message"
              id="tpl-body"
              error={issueOf('body.text')}
              count={[counts.body.characters, counts.body.max]}
              hint={`${bodyVariables.length} variable${bodyVariables.length === 1 ? '' : 's'}. WhatsApp formatting: *bold*, _italic_, ~strike~, \`\`\`monospace\`\`\``}
            >
              <textarea
                id="tpl-body"
                ref={bodyRef}
                className="input"
                rows={6}
                value={draft.definition.body.text}
                onChange={(e) => setDefinition((d) => ({ ...d, body: { ...d.body, text: e.target.value } }))}
              />
            </Field>
            <div>
              <Button size="sm" variant="secondary" icon="plus" onClick={insertVariable}>
                Add variable
              </Button>
            </div>
            <Samples
              variables={bodyVariables}
              examples={draft.definition.body.examples}
              prefix="body"
              issueOf={issueOf}
              onChange={(examples) => setDefinition((d) => ({ ...d, body: { ...d.body, examples } }))}
            />

            <h2 className="tpl-section">Footer (optional)</h2>
            <Field
              label="Footer text"
              id="tpl-footer"
              error={issueOf('footer.text')}
              count={[counts.footer.characters, counts.footer.max]}
            >
              <input
                id="tpl-footer"
                className="input"
                value={draft.definition.footer?.text ?? ''}
                onChange={(e) =>
                  setDefinition((d) => ({ ...d, footer: e.target.value === '' ? null : { text: e.target.value } }))
                }
              />
            </Field>

            <h2 className="tpl-section">
              Buttons (optional){' '}
              <span className="field-count">
                {counts.buttons.total}/{counts.buttons.max}
              </span>
            </h2>
            <ButtonsEditor
              buttons={draft.definition.buttons}
              issueOf={issueOf}
              onChange={(buttons) => setDefinition((d) => ({ ...d, buttons }))}
            />
            {touched && issueOf('buttons') && <p className="field-error">{issueOf('buttons')}</p>}
          </fieldset>
          {editable && (
            <div className="form-actions">
              {template && (
                <Button variant="ghost" onClick={() => setConfirmDelete(true)}>
                  Delete
                </Button>
              )}
              {!submitted && (
                <Button variant="secondary" onClick={() => save.mutate(false)} disabled={save.isPending}>
                  Save draft
                </Button>
              )}
              <Button
                variant="primary"
                icon="send"
                onClick={() => {
                  setTouched(true);
                  if (canSubmit) {
                    save.mutate(true);
                  }
                }}
                disabled={save.isPending}
              >
                {submitted && status !== 'rejected' ? 'Save and resubmit' : 'Submit for review'}
              </Button>
            </div>
          )}
          {touched && allIssues.length > 0 && (
            <p className="form-actions-note" role="status">
              {allIssues.length} problem{allIssues.length === 1 ? '' : 's'} to fix before WhatsApp can review it.
            </p>
          )}
        </Card>
        <div className="tpl-preview-column">
          <h2 className="tpl-section">Preview</h2>
          <TemplatePreview definition={draft.definition} media={media} />
        </div>
      </div>
      {confirmDelete && template && (
        <ConfirmDialog
          title="Delete this template?"
          message={
            template.providerTemplateId
              ? `${template.name} (${template.language}) is deleted here and at WhatsApp. WhatsApp blocks the name of a deleted approved template for 30 days.`
              : `${template.name} (${template.language}) is deleted.`
          }
          confirmLabel="Delete"
          onConfirm={async () => {
            await remove.mutateAsync();
          }}
          onClose={() => setConfirmDelete(false)}
        />
      )}
    </div>
  );
}

function withoutChannel({ channelId: _channelId, ...rest }: Draft & { channelId: string }) {
  return rest;
}

function Field({
  label,
  id,
  error,
  hint,
  count,
  children,
}: {
  label: string;
  id: string;
  error?: string | undefined;
  hint?: string;
  count?: [number, number];
  children: ReactNode;
}) {
  return (
    <div className="field">
      <div className="field-label-row">
        <label className="field-label" htmlFor={id}>
          {label}
        </label>
        {count && (
          <span className={`field-count${count[0] > count[1] ? ' is-over' : ''}`} data-testid={`${id}-count`}>
            {count[0]}/{count[1]}
          </span>
        )}
      </div>
      {children}
      {error ? <p className="field-error">{error}</p> : hint && <p className="field-hint">{hint}</p>}
    </div>
  );
}

function Samples({
  variables,
  examples,
  prefix,
  issueOf,
  onChange,
}: {
  variables: string[];
  examples: Record<string, string>;
  prefix: 'header' | 'body';
  issueOf: (field: string) => string | undefined;
  onChange: (examples: Record<string, string>) => void;
}) {
  if (variables.length === 0) {
    return null;
  }
  return (
    <div className="tpl-samples">
      <p className="field-hint">Sample values (WhatsApp reviews the template with them):</p>
      {variables.map((variable) => (
        <Field
          key={variable}
          label={`Sample for {{${variable}}}`}
          id={`tpl-${prefix}-sample-${variable}`}
          error={issueOf(`${prefix}.examples.${variable}`)}
        >
          <input
            id={`tpl-${prefix}-sample-${variable}`}
            className="input"
            value={examples[variable] ?? ''}
            onChange={(e) => onChange({ ...pick(examples, variables), [variable]: e.target.value })}
          />
        </Field>
      ))}
    </div>
  );
}

function pick(examples: Record<string, string>, keys: string[]): Record<string, string> {
  return Object.fromEntries(keys.filter((k) => k in examples).map((k) => [k, examples[k]!]));
}

const BUTTON_TYPES: Array<[TemplateButton['type'], string]> = [
  ['quick_reply', 'Quick reply'],
  ['url', 'Visit website'],
  ['phone_number', 'Call phone number'],
  ['copy_code', 'Copy offer code'],
];

function ButtonsEditor({
  buttons,
  issueOf,
  onChange,
}: {
  buttons: TemplateButton[];
  issueOf: (field: string) => string | undefined;
  onChange: (buttons: TemplateButton[]) => void;
}) {
  const set = (index: number, button: TemplateButton) => onChange(buttons.map((b, i) => (i === index ? button : b)));
  const add = (type: TemplateButton['type']) => {
    const fresh: TemplateButton =
      type === 'quick_reply'
        ? { type, text: '' }
        : type === 'url'
          ? { type, text: '', url: 'https://' }
          : type === 'phone_number'
            ? { type, text: '', phoneNumber: '+' }
            : { type, example: '' };
    onChange([...buttons, fresh]);
  };
  return (
    <div className="stack-sm">
      {buttons.map((button, index) => (
        <div key={index} className="tpl-button-row" data-testid={`tpl-button-${index}`}>
          <strong className="tpl-button-kind">{BUTTON_TYPES.find(([t]) => t === button.type)?.[1]}</strong>
          {button.type !== 'copy_code' && (
            <Field
              label="Label"
              id={`tpl-button-${index}-text`}
              error={issueOf(`buttons.${index}.text`)}
              count={[button.text.length, TEMPLATE_LIMITS.buttonText]}
            >
              <input
                id={`tpl-button-${index}-text`}
                className="input"
                value={button.text}
                onChange={(e) => set(index, { ...button, text: e.target.value })}
              />
            </Field>
          )}
          {button.type === 'url' && (
            <>
              <Field
                label="URL"
                id={`tpl-button-${index}-url`}
                error={issueOf(`buttons.${index}.url`)}
                hint="May end with {{1}} for a per-message part"
              >
                <input
                  id={`tpl-button-${index}-url`}
                  className="input"
                  value={button.url}
                  onChange={(e) => set(index, { ...button, url: e.target.value })}
                />
              </Field>
              {button.url.includes('{{') && (
                <Field
                  label="Sample for {{1}}"
                  id={`tpl-button-${index}-example`}
                  error={issueOf(`buttons.${index}.example`)}
                >
                  <input
                    id={`tpl-button-${index}-example`}
                    className="input"
                    value={button.example ?? ''}
                    onChange={(e) => set(index, { ...button, example: e.target.value })}
                  />
                </Field>
              )}
            </>
          )}
          {button.type === 'phone_number' && (
            <Field
              label="Phone number"
              id={`tpl-button-${index}-phone`}
              error={issueOf(`buttons.${index}.phoneNumber`)}
              hint="International format, e.g. +14155550123"
            >
              <input
                id={`tpl-button-${index}-phone`}
                className="input"
                value={button.phoneNumber}
                onChange={(e) => set(index, { ...button, phoneNumber: e.target.value })}
              />
            </Field>
          )}
          {button.type === 'copy_code' && (
            <Field label="Sample code" id={`tpl-button-${index}-code`} error={issueOf(`buttons.${index}.example`)}>
              <input
                id={`tpl-button-${index}-code`}
                className="input"
                value={button.example}
                onChange={(e) => set(index, { ...button, example: e.target.value })}
              />
            </Field>
          )}
          <Button size="sm" variant="ghost" onClick={() => onChange(buttons.filter((_, i) => i !== index))}>
            Remove
          </Button>
        </div>
      ))}
      <div className="tpl-add-buttons">
        {BUTTON_TYPES.map(([type, label]) => (
          <Button key={type} size="sm" variant="secondary" icon="plus" onClick={() => add(type)}>
            {label}
          </Button>
        ))}
      </div>
    </div>
  );
}

function HeaderMediaPicker({
  format,
  mediaId,
  error,
  onPick,
}: {
  format: 'image' | 'video' | 'document';
  mediaId: string | null;
  error: string | undefined;
  onPick: (item: { id: string; url: string; mimeType: string; filename: string | null; sizeBytes: number }) => void;
}) {
  const library = useLibraryMedia(format, true);
  const [uploading, setUploading] = useState<number | null>(null);
  const [uploadError, setUploadError] = useState<string | null>(null);
  const rule = HEADER_MEDIA_RULES[format];
  const selected = library.data?.items.find((m) => m.id === mediaId);
  useEffect(() => {
    if (selected) {
      onPick(selected);
    }
    // Once, when the library shows the stored sample: the preview needs its URL.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [selected?.id]);
  return (
    <div className="field">
      <label className="field-label" htmlFor="tpl-header-media">
        Sample {format} ({rule.mimeTypes.join(', ')}, up to {Math.round(rule.maxBytes / 1024 / 1024)} MB)
      </label>
      <select
        id="tpl-header-media"
        className="input"
        value={mediaId ?? ''}
        onChange={(e) => {
          const item = library.data?.items.find((m) => m.id === e.target.value);
          if (item) {
            onPick(item);
          }
        }}
      >
        <option value="">{library.isPending ? 'Loading the media library…' : 'Choose from the media library'}</option>
        {library.data?.items.map((m) => (
          <option key={m.id} value={m.id}>
            {m.filename ?? m.id} ({Math.round(m.sizeBytes / 1024)} KB)
          </option>
        ))}
      </select>
      <input
        type="file"
        aria-label={`Upload a sample ${format}`}
        accept={rule.mimeTypes.join(',')}
        onChange={(e) => {
          const file = e.target.files?.[0];
          if (!file) {
            return;
          }
          setUploadError(null);
          setUploading(0);
          uploadMedia(file, file.name, setUploading)
            .then((item) => {
              void library.refetch();
              onPick(item);
            })
            .catch((failure: Error) => setUploadError(failure.message))
            .finally(() => setUploading(null));
        }}
      />
      {uploading !== null && <p className="field-hint">Uploading… {Math.round(uploading * 100)}%</p>}
      {(uploadError ?? error) && <p className="field-error">{uploadError ?? error}</p>}
    </div>
  );
}
