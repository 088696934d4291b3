// The test chat: runs the saved draft for a simulated customer on the Sandbox number and shows the
// conversation like a phone. Each message replays the test from the start with every answer so
// far (a fresh customer each time), so what you see is exactly what a customer would get. The
// path taken is highlighted on the canvas; step through it with the arrows.
import { useEffect, useState } from 'react';
import type { TestRunResult } from '#api/flows/session-schemas';
import type { FlowDocument } from '#flow-dsl/document';
import { errorMessage } from '../api/api-error.ts';
import { testFlow } from '../api/flows-api.ts';
import { Alert } from '../components/alert.tsx';
import { Button } from '../components/button.tsx';
import { WhatsAppText } from '../components/whatsapp/whatsapp-text.tsx';
import { TestValues, type TestSetup } from './test-values.tsx';

type Props = {
  flowId: string;
  document: FlowDocument;
  beforeRun: () => Promise<void>;
  onPath: (path: string[]) => void;
};

export function TestPanel({ flowId, document, beforeRun, onPath }: Props) {
  const [setup, setSetup] = useState<TestSetup>(() => initialSetup(document));
  const [inputs, setInputs] = useState<string[]>([]);
  const [result, setResult] = useState<TestRunResult | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [isRunning, setRunning] = useState(false);
  const [step, setStep] = useState<number | null>(null);
  const [draft, setDraft] = useState('');

  const path = result?.path.map((p) => p.nodeId) ?? [];
  const shown = step === null ? path : path.slice(0, step + 1);
  const shownKey = shown.join('>');
  useEffect(() => onPath(shownKey ? shownKey.split('>') : []), [shownKey, onPath]);
  useEffect(() => () => onPath([]), [onPath]);

  const run = async (nextInputs: string[]) => {
    setRunning(true);
    setError(null);
    try {
      await beforeRun();
      const run = await testFlow(flowId, { ...setup, inputs: nextInputs, timeoutSeconds: 20 });
      setInputs(nextInputs);
      setResult(run);
      setStep(null);
    } catch (failure) {
      setError(failure);
    } finally {
      setRunning(false);
    }
  };
  const say = (text: string) => {
    setDraft('');
    void run([...inputs, text]);
  };
  const choices = result ? choicesAt(document, path.at(-1), result.status) : [];

  return (
    <div className="fb-test">
      {!result && <TestValues setup={setup} onChange={setSetup} />}
      <div className="fb-phone" aria-label="Test chat">
        {result?.transcript.map((m, i) => (
          <div key={i} className={`fb-bubble from-${m.from}`} data-testid="test-bubble" data-from={m.from}>
            {m.text ? <WhatsAppText text={m.text} /> : <em>{m.type}</em>}
          </div>
        ))}
        {isRunning && <p className="fb-test-status">The bot is typing…</p>}
        {result && !isRunning && <p className="fb-test-status">{statusText(result)}</p>}
      </div>
      {error !== null && <Alert tone="danger">{errorMessage(error)}</Alert>}
      {choices.length > 0 && (
        <div className="fb-choices">
          {choices.map((title) => (
            <Button key={title} size="sm" onClick={() => say(title)} disabled={isRunning}>
              {title}
            </Button>
          ))}
        </div>
      )}
      {result ? (
        <form className="fb-test-composer" onSubmit={(e) => (e.preventDefault(), draft.trim() && say(draft.trim()))}>
          <input
            className="input"
            aria-label="Test message"
            placeholder="Answer as the customer"
            value={draft}
            onChange={(e) => setDraft(e.target.value)}
            disabled={isRunning}
          />
          <Button type="submit" variant="primary" size="sm" disabled={isRunning || !draft.trim()}>
            Send
          </Button>
        </form>
      ) : (
        <Button variant="primary" onClick={() => void run([])} isPending={isRunning}>
          Start test
        </Button>
      )}
      {result && (
        <div className="fb-test-steps">
          <Button
            size="sm"
            variant="ghost"
            aria-label="Previous step"
            disabled={path.length === 0 || step === 0}
            onClick={() => setStep((s) => Math.max(0, (s ?? path.length - 1) - 1))}
          >
            ‹
          </Button>
          <span>
            Step {(step ?? path.length - 1) + 1} of {path.length}
          </span>
          <Button
            size="sm"
            variant="ghost"
            aria-label="Next step"
            disabled={step === null}
            onClick={() => setStep((s) => (s === null || s + 1 >= path.length - 1 ? null : s + 1))}
          >
            ›
          </Button>
          <Button size="sm" onClick={() => (setResult(null), setInputs([]), setStep(null))}>
            Restart
          </Button>
        </div>
      )}
    </div>
  );
}

function initialSetup(document: FlowDocument): TestSetup {
  const variables = Object.fromEntries(document.variables.map((v) => [v.name, v.defaultValue ?? '']));
  return { contactName: 'Test customer', variables, contactFields: {} };
}

/** The buttons or list rows the customer sees when the session waits at them. */
function choicesAt(document: FlowDocument, nodeId: string | undefined, status: string): string[] {
  const node = document.nodes.find((n) => n.id === nodeId);
  if (status !== 'waiting' || !node) {
    return [];
  }
  if (node.type === 'buttons') {
    return node.data.buttons.map((b) => b.title).filter(Boolean);
  }
  return node.type === 'list' ? node.data.sections.flatMap((s) => s.rows.map((r) => r.title)).filter(Boolean) : [];
}

function statusText(result: TestRunResult): string {
  if (result.timedOut) {
    return 'The test stopped after 20 s.';
  }
  const texts: Record<string, string> = {
    waiting: 'Waiting for the customer.',
    completed: 'The flow finished.',
    handed_off: 'Handed over to your team.',
    timed_out: 'The customer did not answer in time.',
    failed: 'The flow failed: see the path for where.',
    cancelled: 'The test was stopped.',
  };
  return texts[result.status] ?? result.status;
}
