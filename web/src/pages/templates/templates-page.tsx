// Templates: the workspace's WhatsApp message templates with their review status (pending,
// approved, rejected with WhatsApp's reason, paused, disabled), filtered by status, channel,
// category and name. Status changes arrive live (and by polling while a review is pending).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { TEMPLATE_CATEGORIES, TEMPLATE_STATUSES } from '#api/templates/schemas';
import { channelPageSchema } from '#api/channels/schemas';
import { apiRequest } from '../../api/client.ts';
import { syncTemplates, templatesKey, useTemplates } from '../../api/templates-api.ts';
import { useCan } from '../../auth/use-session.ts';
import { Button } from '../../components/button.tsx';
import { Card } from '../../components/card.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { EmptyState, ErrorState, LoadingState } from '../../components/states.tsx';
import { useToast } from '../../components/toast-context.ts';
import { STATUS_LABELS, TemplateStatusBadge } from './template-status-badge.tsx';

export function useWorkspaceChannels() {
  return useQuery({
    queryKey: ['channels', 'list', 'templates'],
    queryFn: () => apiRequest('/api/channels', { query: { limit: 100 }, schema: channelPageSchema }),
  });
}

export function TemplatesPage() {
  const [filters, setFilters] = useState({ search: '', status: '', channelId: '', category: '' });
  const list = useTemplates(filters);
  const channels = useWorkspaceChannels();
  const can = useCan();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const toast = useToast();
  const sync = useMutation({
    mutationFn: () => syncTemplates(filters.channelId || undefined),
    onSuccess: (result) => {
      void queryClient.invalidateQueries({ queryKey: templatesKey });
      toast.show(
        `Synced with WhatsApp: ${result.updated} updated, ${result.imported} imported${result.missing ? `, ${result.missing} no longer at WhatsApp` : ''}`,
      );
    },
    onError: (error) => toast.show(error.message, 'error'),
  });
  const set = (key: keyof typeof filters) => (e: { target: { value: string } }) =>
    setFilters((f) => ({ ...f, [key]: e.target.value }));
  const filtered = Object.values(filters).some(Boolean);
  return (
    <div className="page">
      <PageHeader
        title="Templates"
        description="WhatsApp message templates: the only messages you can send outside the 24-hour window. WhatsApp reviews each one before it can be sent."
        actions={
          can('templates.manage') && (
            <>
              <Button variant="secondary" onClick={() => sync.mutate()} disabled={sync.isPending}>
                {sync.isPending ? 'Syncing…' : 'Sync with WhatsApp'}
              </Button>
              <Button variant="primary" icon="plus" onClick={() => void navigate('/templates/new')}>
                New template
              </Button>
            </>
          )
        }
      />
      <Card flush>
        <div className="card-body tpl-filters">
          <input
            className="input"
            type="search"
            placeholder="Search by name"
            aria-label="Search templates"
            value={filters.search}
            onChange={set('search')}
          />
          <select className="input" aria-label="Status" value={filters.status} onChange={set('status')}>
            <option value="">Any status</option>
            {TEMPLATE_STATUSES.map((s) => (
              <option key={s} value={s}>
                {STATUS_LABELS[s]}
              </option>
            ))}
          </select>
          <select className="input" aria-label="Category" value={filters.category} onChange={set('category')}>
            <option value="">Any category</option>
            {TEMPLATE_CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {capitalise(c)}
              </option>
            ))}
          </select>
          <select className="input" aria-label="Channel" value={filters.channelId} onChange={set('channelId')}>
            <option value="">All channels</option>
            {channels.data?.items.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </div>
        {list.isPending ? (
          <LoadingState />
        ) : list.error ? (
          <ErrorState error={list.error} onRetry={() => void list.refetch()} />
        ) : list.data.items.length === 0 ? (
          <EmptyState
            icon="templates"
            title={filtered ? 'No templates match these filters' : 'No templates yet'}
            description={
              filtered
                ? 'Clear a filter to see more.'
                : 'Create a template and submit it to WhatsApp for review, or sync the templates your WhatsApp account already has.'
            }
          />
        ) : (
          <div className="table-wrap">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Language</th>
                  <th scope="col">Category</th>
                  <th scope="col">Channel</th>
                  <th scope="col">Status</th>
                  <th scope="col">Quality</th>
                  <th scope="col">Updated</th>
                </tr>
              </thead>
              <tbody>
                {list.data.items.map((t) => (
                  <tr key={t.id} data-testid={`template-row-${t.name}`}>
                    <td className="cell-strong">
                      <Link to={`/templates/${t.id}`}>{t.name}</Link>
                    </td>
                    <td className="cell-muted">{t.language}</td>
                    <td className="cell-muted">{capitalise(t.category)}</td>
                    <td className="cell-muted">{t.channelName}</td>
                    <td>
                      <TemplateStatusBadge status={t.status} />
                      {t.status === 'rejected' && t.rejectionReason && (
                        <div className="tpl-reason">{t.rejectionReason}</div>
                      )}
                    </td>
                    <td className="cell-muted">{t.qualityScore ? capitalise(t.qualityScore.toLowerCase()) : '—'}</td>
                    <td className="cell-muted">{new Date(t.updatedAt).toLocaleString()}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Card>
    </div>
  );
}

export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
