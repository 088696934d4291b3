// What an agent waits for in the inbox, through the real HTTP API with their access token: the
// conversation list under the common filters (api/inbox/schemas.ts), deeper pages through the
// cursor, and opening a conversation (its detail and first page of messages, fetched together
// as the web app does). Requests go one at a time: this measures each request's own latency,
// not throughput. The cases take turns, so caches warmed by one case do not flatter the next
// run of the same case.
import { Pool } from 'undici';
import { quantile } from '../quantile.ts';
import { SEARCH_COMMON, SEARCH_RARE } from './vocabulary.ts';

export type ListCase = { label: string; query: string };
export type CaseResult = { label: string; latencies: number[]; errors: Map<number, number>; firstPageItems: number };

export function listCases(filterTagId: string, filterTagName: string): ListCase[] {
  return [
    { label: 'all, last activity (default)', query: '' },
    { label: 'status=open', query: 'status=open' },
    { label: 'assignee=me', query: 'assignee=me' },
    { label: 'assignee=unassigned&status=open', query: 'assignee=unassigned&status=open' },
    { label: `tag "${filterTagName}"`, query: `tagIds=${filterTagId}` },
    { label: 'sort=waiting (open)', query: 'status=open&sort=waiting' },
    { label: `search "${SEARCH_COMMON}" (common word)`, query: `search=${SEARCH_COMMON}` },
    { label: `search "${SEARCH_RARE}" (rare word)`, query: `search=${SEARCH_RARE}` },
  ];
}

type Page = { items: Array<{ id: string }>; nextCursor: string | null };

export async function measureInbox(
  base: string,
  token: string,
  cases: ListCase[],
  options: { iterations: number; warmup: number; pagesDeep: number; heaviestConversationId: string },
): Promise<CaseResult[]> {
  const pool = new Pool(base, { connections: 4, pipelining: 1 });
  const get = async (path: string): Promise<{ status: number; ms: number; body: unknown }> => {
    const at = performance.now();
    const response = await pool.request({ path, method: 'GET', headers: { authorization: `Bearer ${token}` } });
    const text = await response.body.text();
    const ms = performance.now() - at;
    return { status: response.statusCode, ms, body: response.statusCode === 200 ? JSON.parse(text) : text };
  };
  try {
    // Cursors of pages 2…pagesDeep+1 of the default list, and conversations to open: those an
    // agent sees first, plus the one with the longest history.
    const cursors: string[] = [];
    const toOpen: string[] = [options.heaviestConversationId];
    let cursor: string | null = null;
    for (let page = 0; page <= options.pagesDeep; page++) {
      const { status, body } = await get(`/api/conversations${cursor ? `?cursor=${encodeURIComponent(cursor)}` : ''}`);
      if (status !== 200) {
        throw new Error(`the conversation list answered ${status}: ${String(body)}`);
      }
      const { items, nextCursor } = body as Page;
      if (page < 4) {
        toOpen.push(...items.map((item) => item.id));
      }
      if (!nextCursor) {
        break;
      }
      cursors.push(nextCursor);
      cursor = nextCursor;
    }
    cursors.splice(options.pagesDeep);

    type Runner = { label: string; run: (iteration: number) => Promise<{ status: number; ms: number; items: number }> };
    const listRunner = (label: string, path: (iteration: number) => string): Runner => ({
      label,
      run: async (iteration) => {
        const { status, ms, body } = await get(path(iteration));
        return { status, ms, items: status === 200 ? (body as Page).items.length : 0 };
      },
    });
    const runners: Runner[] = cases.map((c) =>
      listRunner(c.label, () => `/api/conversations${c.query ? `?${c.query}` : ''}`),
    );
    if (cursors.length > 0) {
      runners.push(
        listRunner(
          `pages 2–${cursors.length + 1} via the cursor`,
          (iteration) => `/api/conversations?cursor=${encodeURIComponent(cursors[iteration % cursors.length]!)}`,
        ),
      );
    }
    // Opening: both requests at once (the page shows the conversation and its messages together).
    const detailMs: number[] = [];
    const messagesMs: number[] = [];
    runners.push({
      label: 'open a conversation (detail + first page of messages, in parallel)',
      run: async (iteration) => {
        const id = toOpen[iteration % toOpen.length]!;
        const at = performance.now();
        const [detail, messages] = await Promise.all([
          get(`/api/conversations/${id}`),
          get(`/api/conversations/${id}/messages`),
        ]);
        detailMs.push(detail.ms);
        messagesMs.push(messages.ms);
        const status = detail.status !== 200 ? detail.status : messages.status;
        return { status, ms: performance.now() - at, items: status === 200 ? (messages.body as Page).items.length : 0 };
      },
    });

    for (let i = 0; i < options.warmup; i++) {
      for (const runner of runners) {
        await runner.run(-1 - i);
      }
    }
    detailMs.length = 0;
    messagesMs.length = 0;
    const results = runners.map((runner): CaseResult => ({
      label: runner.label,
      latencies: [],
      errors: new Map(),
      firstPageItems: -1,
    }));
    for (let i = 0; i < options.iterations; i++) {
      for (const [index, runner] of runners.entries()) {
        const { status, ms, items } = await runner.run(i);
        const result = results[index]!;
        if (status === 200) {
          result.latencies.push(ms);
          result.firstPageItems = Math.max(result.firstPageItems, items);
        } else {
          result.errors.set(status, (result.errors.get(status) ?? 0) + 1);
        }
      }
    }
    results.push(
      { label: '  of which the detail', latencies: detailMs, errors: new Map(), firstPageItems: -1 },
      { label: '  of which the messages page', latencies: messagesMs, errors: new Map(), firstPageItems: -1 },
    );
    return results;
  } finally {
    await pool.close();
  }
}

export function formatCase(result: CaseResult, targetMs: number): string {
  const p95 = Number(quantile(result.latencies, 0.95));
  const errors = result.errors.size > 0 ? `; errors ${JSON.stringify(Object.fromEntries(result.errors))}` : '';
  const items = result.firstPageItems >= 0 ? `, ${result.firstPageItems} items` : '';
  const verdict = result.latencies.length === 0 ? '' : p95 < targetMs ? '' : `  ← over the ${targetMs} ms target`;
  return `  ${result.label}: p50 ${quantile(result.latencies, 0.5)} ms, p95 ${p95.toFixed(1)} ms (n=${result.latencies.length}${items}${errors})${verdict}`;
}
