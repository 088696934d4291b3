// Imports a flow exported from Parley (any document version: older ones are migrated), as a new draft.
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { errorMessage } from '../../api/api-error.ts';
import { flowsKey, importFlow } from '../../api/flows-api.ts';
import { Alert } from '../../components/alert.tsx';
import { Button } from '../../components/button.tsx';
import { Modal, ModalFooter } from '../../components/modal.tsx';

export function ImportFlowDialog({ onClose }: { onClose: () => void }) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [isPending, setPending] = useState(false);

  const submit = async () => {
    if (!file) {
      setError('Choose the exported .json file first.');
      return;
    }
    setPending(true);
    setError(null);
    try {
      let document: unknown;
      try {
        document = JSON.parse(await file.text());
      } catch {
        throw new Error(`${file.name} is not a JSON file exported from Parley.`);
      }
      const flow = await importFlow(document);
      await queryClient.invalidateQueries({ queryKey: flowsKey });
      await navigate(`/flows/${flow.id}`);
    } catch (failure) {
      setError(errorMessage(failure));
      setPending(false);
    }
  };

  return (
    <Modal title="Import a flow" description="A flow exported from Parley becomes a new draft." onClose={onClose}>
      <div className="modal-body form-stack">
        {error && <Alert tone="danger">{error}</Alert>}
        <label className="field-label" htmlFor="flow-import-file">
          Flow file (.json)
        </label>
        <input
          id="flow-import-file"
          type="file"
          accept="application/json,.json"
          onChange={(e) => setFile(e.target.files?.[0] ?? null)}
        />
      </div>
      <ModalFooter>
        <Button onClick={onClose}>Cancel</Button>
        <Button variant="primary" onClick={() => void submit()} isPending={isPending}>
          Import
        </Button>
      </ModalFooter>
    </Modal>
  );
}
