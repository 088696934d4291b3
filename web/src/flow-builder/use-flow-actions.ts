// The flow-level actions of the builder (publish, switch on/off, rename, export, duplicate): each
// updates the cached flow so the toolbar shows the new status without reloading the draft.
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import type { FlowView } from '#api/flows/schemas';
import {
  duplicateFlow,
  exportFlow,
  flowKey,
  flowsKey,
  publishFlow,
  rollbackFlow,
  setFlowActive,
  updateFlow,
} from '../api/flows-api.ts';
import { useToast } from '../components/toast-context.ts';

export function useFlowActions(flow: FlowView, beforePublish: () => Promise<void>) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const toast = useToast();
  const store = async (view: FlowView) => {
    queryClient.setQueryData(flowKey(flow.id), view);
    await queryClient.invalidateQueries({ queryKey: flowsKey, exact: false, refetchType: 'none' });
  };
  return {
    async publish(note: string) {
      await beforePublish(); // the version is the saved draft: save the last edits first
      const view = await publishFlow(flow.id, note.trim() || undefined);
      await store(view);
      await queryClient.invalidateQueries({ queryKey: [...flowKey(flow.id), 'versions'] });
      toast.show(`Version ${view.activeVersion} is live`, 'success');
    },
    async rollback(version: number) {
      await store(await rollbackFlow(flow.id, version));
      await queryClient.invalidateQueries({ queryKey: [...flowKey(flow.id), 'versions'] });
      toast.show(`Version ${version} is live again`, 'success');
    },
    async setActive(active: boolean) {
      await store(await setFlowActive(flow.id, active));
      toast.show(active ? 'The flow answers its trigger again' : 'The flow is switched off', 'success');
    },
    async rename(name: string) {
      await store(await updateFlow(flow.id, { name }));
    },
    async exportJson() {
      const document = await exportFlow(flow.id);
      const url = URL.createObjectURL(new Blob([JSON.stringify(document, null, 2)], { type: 'application/json' }));
      const link = Object.assign(window.document.createElement('a'), {
        href: url,
        download: `${slug(flow.name)}.json`,
      });
      link.click();
      URL.revokeObjectURL(url);
    },
    async duplicate() {
      await beforePublish();
      const copy = await duplicateFlow(flow.id);
      await queryClient.invalidateQueries({ queryKey: flowsKey });
      toast.show(`“${copy.name}” created`, 'success');
      await navigate(`/flows/${copy.id}`);
    },
  };
}

function slug(name: string): string {
  return (
    name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'flow'
  );
}
