// One HTTP request to the Graph API with a text body, on node:http(s) with kept-alive connections.
// Every message Parley sends is one such request. fetch() costs several times the CPU per request
// (web streams, an AbortSignal and its timer, header objects): at 1,000 sends/s it was the largest
// part of the worker's own CPU. fetch stays for the rare multipart uploads and media downloads.
import http from 'node:http';
import https from 'node:https';

// An idle connection is closed after 4 s, or a second before the server's announced keep-alive
// timeout (Node applies the hint only when the agent has a timeout of its own): reusing one the
// server is closing fails with ECONNRESET, and a send that fails so has an unknown outcome (it is
// never resent). fetch() did the same.
const IDLE_MS = 4000;
const httpAgent = new http.Agent({ keepAlive: true, timeout: IDLE_MS, scheduling: 'lifo' });
const httpsAgent = new https.Agent({ keepAlive: true, timeout: IDLE_MS, scheduling: 'lifo' });

export type TextResponse = { status: number; text: string };

/** Rejects on a network error, or when the whole exchange takes longer than `timeoutMs`. */
export function requestText(
  url: string,
  init: { method: string; headers: Record<string, string>; body?: string; timeoutMs: number },
): Promise<TextResponse> {
  const target = new URL(url);
  const secure = target.protocol === 'https:';
  const transport = secure ? https : http;
  const agent = secure ? httpsAgent : httpAgent;
  const headers =
    init.body === undefined
      ? init.headers
      : { ...init.headers, 'content-length': String(Buffer.byteLength(init.body)) };
  return new Promise((resolve, reject) => {
    // The callbacks run later, once `deadline` and `fail` exist.
    const request = transport.request(target, { method: init.method, headers, agent }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('error', fail);
      response.on('end', () => {
        clearTimeout(deadline);
        resolve({ status: response.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') });
      });
    });
    const deadline = setTimeout(
      () => request.destroy(new Error(`No answer within ${init.timeoutMs} ms`)),
      init.timeoutMs,
    );
    const fail = (error: Error) => {
      clearTimeout(deadline);
      reject(error);
    };
    request.on('error', fail);
    request.end(init.body);
  });
}
