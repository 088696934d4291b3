// Saved views: a named filter set (the URL's query map). Pick one, save the current filters as a
// new one, rename or delete the one in use.
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { createView, deleteView, updateView, useSavedViews, viewsKey } from '../../../api/inbox-meta-api.ts';
import { Icon } from '../../../components/icon.tsx';
import { ConfirmDialog } from '../../../components/confirm-dialog.tsx';
import { Popover } from '../../../components/popover.tsx';
import { useToast } from '../../../components/toast-context.ts';
import { NameDialog } from '../name-dialog.tsx';
import { filtersFromSearch, sameFilters, searchFromFilters, type FilterParams } from '../filter-params.ts';

type Props = { filters: FilterParams; onPick: (filters: FilterParams) => void };

export function SavedViews({ filters, onPick }: Props) {
  const views = useSavedViews().data ?? [];
  const current = views.find((view) => sameFilters(view.query, filters as Record<string, string>)) ?? null;
  const queryClient = useQueryClient();
  const toast = useToast();
  const [dialog, setDialog] = useState<'create' | 'rename' | 'delete' | null>(null);

  /** Errors stay in the dialog (it rethrows); success refreshes the views and says so. */
  const run = async (action: () => Promise<unknown>, done: string) => {
    await action();
    await queryClient.invalidateQueries({ queryKey: viewsKey });
    toast.show(done, 'success');
  };
  const query = Object.fromEntries(searchFromFilters(filters));

  return (
    <div className="inbox-views">
      <label className="visually-hidden" htmlFor="inbox-view">
        Saved view
      </label>
      <select
        id="inbox-view"
        className="inbox-select inbox-view-select"
        value={current?.id ?? ''}
        onChange={(event) => {
          const view = views.find((v) => v.id === event.target.value);
          if (view) {
            onPick(filtersFromSearch(new URLSearchParams(view.query)));
          }
        }}
      >
        <option value="">{current ? current.name : 'Current filters'}</option>
        {views.map((view) => (
          <option key={view.id} value={view.id}>
            {view.name}
          </option>
        ))}
      </select>
      <Popover label="Manage views" align="end" triggerClassName="icon-button" trigger={<Icon name="more" size={16} />}>
        {(close) => (
          <div className="menu">
            <button
              type="button"
              className="menu-item"
              onClick={() => {
                close();
                setDialog('create');
              }}
            >
              Save current filters as a view
            </button>
            {current && (
              <>
                <button
                  type="button"
                  className="menu-item"
                  onClick={() => {
                    close();
                    setDialog('rename');
                  }}
                >
                  Rename “{current.name}”
                </button>
                <button
                  type="button"
                  className="menu-item"
                  onClick={() => {
                    close();
                    setDialog('delete');
                  }}
                >
                  Delete “{current.name}”
                </button>
              </>
            )}
          </div>
        )}
      </Popover>
      {dialog === 'create' && (
        <NameDialog
          title="Save as a view"
          label="View name"
          confirmLabel="Save view"
          onSave={(name) => run(() => createView(name, query), `View “${name}” saved`)}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog === 'rename' && current && (
        <NameDialog
          title="Rename the view"
          label="View name"
          initial={current.name}
          confirmLabel="Rename"
          onSave={(name) => run(() => updateView(current.id, { name }), 'View renamed')}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog === 'delete' && current && (
        <ConfirmDialog
          title="Delete the view?"
          message={`“${current.name}” is removed for you; conversations are not touched.`}
          confirmLabel="Delete view"
          onConfirm={() => run(() => deleteView(current.id), 'View deleted')}
          onClose={() => setDialog(null)}
        />
      )}
    </div>
  );
}
