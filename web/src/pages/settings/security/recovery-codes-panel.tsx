import { Alert } from '../../../components/alert.tsx';
import { Button } from '../../../components/button.tsx';
import { CopyButton } from '../../../components/copy-button.tsx';

/** Recovery codes exist in clear only in this response, so the user saves them now or never. */
export function RecoveryCodesPanel({ codes, onDone }: { codes: string[]; onDone: () => void }) {
  const text = codes.join('\n');
  return (
    <div className="stack-sm">
      <Alert tone="success" title="Save your recovery codes">
        Each code signs you in once if you lose your phone. They will not be shown again.
      </Alert>
      <ol className="recovery-codes" data-testid="recovery-codes">
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ol>
      <div className="button-row">
        <CopyButton text={text} label="Copy codes" />
        <Button size="sm" icon="download" onClick={() => download(text)}>
          Download .txt
        </Button>
        <Button size="sm" variant="primary" onClick={onDone}>
          I have saved my codes
        </Button>
      </div>
    </div>
  );
}

function download(text: string): void {
  const url = URL.createObjectURL(new Blob([`Parley recovery codes\n\n${text}\n`], { type: 'text/plain' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = 'parley-recovery-codes.txt';
  link.click();
  URL.revokeObjectURL(url);
}
