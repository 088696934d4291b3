// The google_sheets node through the Sheets REST API v4 (GOOGLE_SHEETS_API_URL, so tests point it
// at a local server). append adds one row; lookup reads the sheet, takes the first row as headers
// and returns the first row whose lookup column equals the value, mapped into variables.
import { ApplicationFailure } from '@temporalio/activity';
import type { ActivityDeps } from '../deps.ts';
import { googleAccessToken } from './google-auth.ts';
import { throwUnlessOk } from './http-request.ts';
import { loadIntegration } from './load-integration.ts';
import { readCapped } from './read-capped.ts';

export type GoogleSheetsInput = {
  tenantId: string;
  integrationId: string;
  spreadsheetId: string;
  sheet: string;
  action: 'append' | 'lookup';
  /** append: the row, rendered by the workflow. */
  values: string[];
  lookupColumn: string;
  lookupValue: string;
  resultMapping: Array<{ variable: string; column: string }>;
};

export type GoogleSheetsResult = { found: boolean; mapped: Record<string, unknown> };

export function createGoogleSheetsActivity(deps: ActivityDeps) {
  return async function googleSheets(input: GoogleSheetsInput): Promise<GoogleSheetsResult> {
    const integration = await loadIntegration(deps, input.tenantId, { kind: 'google_sheets', id: input.integrationId });
    if (!integration) {
      throw ApplicationFailure.nonRetryable('The Google Sheets integration does not exist', 'NotFound');
    }
    const token = await googleAccessToken(integration.credentials);
    const range = encodeURIComponent(input.sheet);
    const base = `${deps.env.GOOGLE_SHEETS_API_URL}/v4/spreadsheets/${encodeURIComponent(input.spreadsheetId)}/values/${range}`;
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    if (input.action === 'append') {
      const response = await fetch(`${base}:append?valueInputOption=USER_ENTERED&insertDataOption=INSERT_ROWS`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ values: [input.values] }),
        signal: AbortSignal.timeout(15_000),
      });
      await readCapped(response);
      throwUnlessOk(response.status, 'Google Sheets append');
      return { found: true, mapped: {} };
    }
    const response = await fetch(base, { headers, signal: AbortSignal.timeout(15_000) });
    const body = (await readCapped(response)) as { values?: string[][] } | null;
    throwUnlessOk(response.status, 'Google Sheets lookup');
    return lookup(body?.values ?? [], input);
  };
}

function lookup(rows: string[][], input: GoogleSheetsInput): GoogleSheetsResult {
  const [header = [], ...data] = rows;
  const column = header.indexOf(input.lookupColumn);
  if (column < 0) {
    throw ApplicationFailure.nonRetryable(`The sheet has no column "${input.lookupColumn}"`, 'BadInput');
  }
  const row = data.find((r) => String(r[column] ?? '') === input.lookupValue);
  if (!row) {
    return { found: false, mapped: {} };
  }
  const mapped = Object.fromEntries(
    input.resultMapping.map((m) => [
      m.variable,
      header.includes(m.column) ? (row[header.indexOf(m.column)] ?? '') : null,
    ]),
  );
  return { found: true, mapped };
}
