// "Send test request": values for the variables the URL, headers and body read, then the answer's
// status, time, body and what each mapping would save, from the server (as a session would send it).
import { useMutation } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { testRequestResultSchema, type TestRequestResult } from '#api/flows/test-request-schemas';
import type { HttpRequestData } from '#flow-dsl/nodes/http_request/schema';
import { errorMessage } from '../../../api/api-error.ts';
import { apiRequest } from '../../../api/client.ts';
import { Alert } from '../../../components/alert.tsx';
import { Badge } from '../../../components/badge.tsx';
import { Button } from '../../../components/button.tsx';
import { TextField } from '../controls/text-field.tsx';
import { variablesUsed } from '../model/json-template.ts';

export function HttpTestPanel({ data }: { data: HttpRequestData }) {
  const [values, setValues] = useState<Record<string, string>>({});
  const names = variablesUsed([data.url, data.body, ...data.headers.map((header) => header.value)]);
  const send = useMutation({
    mutationFn: () =>
      apiRequest('/api/flows/test-request', {
        method: 'POST',
        body: { ...data, variables: Object.fromEntries(names.map((name) => [name, values[name] ?? ''])) },
        schema: testRequestResultSchema,
      }),
  });
  const blocker = data.url.trim() === '' ? 'Enter a URL first.' : null;
  const titleId = useId();
  return (
    <section className="inspector-test" aria-labelledby={titleId}>
      <h4 id={titleId} className="inspector-test-title">
        Try it
      </h4>
      {names.length > 0 && <p className="field-hint">Values to use for this test only:</p>}
      {names.map((name) => (
        <TextField
          key={name}
          label={`Test value for ${name}`}
          value={values[name] ?? ''}
          onChange={(value) => setValues({ ...values, [name]: value })}
        />
      ))}
      <div className="inspector-add">
        <Button icon="send" isPending={send.isPending} disabled={blocker !== null} onClick={() => send.mutate()}>
          Send test request
        </Button>
        {blocker && <p className="inspector-limit-note">{blocker}</p>}
      </div>
      <div aria-live="polite">
        {send.error && <Alert tone="danger">{errorMessage(send.error)}</Alert>}
        {send.data && <TestResult result={send.data} mapping={data.responseMapping} />}
      </div>
    </section>
  );
}

type Mapping = HttpRequestData['responseMapping'];

function TestResult({ result, mapping }: { result: TestRequestResult; mapping: Mapping }) {
  if (!result.ok) {
    return (
      <Alert tone="danger" title={`No answer after ${result.durationMs} ms`}>
        {result.error}
      </Alert>
    );
  }
  const isSuccess = result.status >= 200 && result.status < 300;
  return (
    <div className="inspector-test-result" role="region" aria-label="Test response">
      <p className="inspector-test-meta">
        <Badge tone={isSuccess ? 'green' : 'red'}>Status {result.status}</Badge>
        <span>{result.durationMs} ms</span>
        <span className="muted">{isSuccess ? 'Leaves by “Success”' : 'Leaves by “Failure”'}</span>
      </p>
      <pre className="inspector-test-body" tabIndex={0} aria-label="Response body">
        {result.body === null
          ? '(empty)'
          : typeof result.body === 'string'
            ? result.body
            : JSON.stringify(result.body, null, 2)}
      </pre>
      {mapping.some((m) => m.variable !== '') && (
        <dl className="inspector-test-mapped" aria-label="Saved variables">
          {mapping
            .filter((m) => m.variable !== '')
            .map((m) => (
              <div key={m.variable}>
                <dt>
                  {m.variable} <span className="muted">← {m.path || 'whole body'}</span>
                </dt>
                <dd>{preview(result.mapped[m.variable])}</dd>
              </div>
            ))}
        </dl>
      )}
    </div>
  );
}

function preview(value: unknown): string {
  if (value === null || value === undefined) {
    return 'nothing there';
  }
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}
