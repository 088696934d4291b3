// Nodes that call other systems: http_request, webhook, google_sheets, data_table_lookup.
// A call that still fails after its retries leaves by `failure` instead of failing the session.
import { ActivityFailure, ApplicationFailure, patched } from '@temporalio/workflow';
import type { DataTableLookupData } from '#flow-dsl/nodes/data_table_lookup/schema';
import type { GoogleSheetsData } from '#flow-dsl/nodes/google_sheets/schema';
import type { HttpRequestData } from '#flow-dsl/nodes/http_request/schema';
import type { WebhookData } from '#flow-dsl/nodes/webhook/schema';
import { interpolate } from '#flow-dsl/template';
import { crm, external, httpActivity } from '../activities.ts';
import { nextSeq, scopeOf } from '../session.ts';
import { dataOf, next, type StepHandler, type StepResult } from './types.ts';

const HTTP_AS_LOCAL_ACTIVITY = 'http-request-local-activity';

export const httpRequestStep: StepHandler = async (session, step) => {
  const data = dataOf<HttpRequestData>(step);
  const scope = scopeOf(session);
  const hasBody = data.method !== 'GET' && data.method !== 'DELETE' && data.body.trim() !== '';
  const headers = Object.fromEntries(
    data.headers.filter((h) => h.name).map((h) => [h.name, interpolate(h.value, scope)]),
  );
  if (hasBody && !Object.keys(headers).some((h) => h.toLowerCase() === 'content-type')) {
    headers['content-type'] = 'application/json';
  }
  return orFailure(async () => {
    // patched(): histories recorded before HTTP nodes ran locally replay with the ordinary activity.
    const result = await httpActivity(
      data.timeoutSeconds,
      patched(HTTP_AS_LOCAL_ACTIVITY),
    )({
      method: data.method,
      url: interpolate(data.url, scope, { escape: 'url' }),
      headers,
      body: hasBody ? interpolate(data.body, scope, { escape: 'json' }) : null,
      timeoutSeconds: data.timeoutSeconds,
      responseMapping: data.responseMapping.filter((m) => m.variable),
    });
    session.http = { status: result.status, body: result.body };
    Object.assign(session.variables, result.mapped);
    return next('success');
  });
};

export const webhookStep: StepHandler = async (session, step) => {
  const data = dataOf<WebhookData>(step);
  const scope = scopeOf(session);
  const payload = interpolate(data.payload, scope, { escape: 'json' }).trim();
  let extra: unknown = null;
  try {
    extra = payload ? JSON.parse(payload) : null;
  } catch {
    return next('failure'); // the template rendered to something that is not JSON
  }
  return orFailure(async () => {
    await external.callWebhook({
      url: interpolate(data.url, scope, { escape: 'url' }),
      flowId: session.program.flowId,
      sessionId: session.input.sessionId,
      seq: nextSeq(session),
      contact: session.context.contact,
      variables: session.variables,
      data: extra,
    });
    return next('success');
  });
};

export const googleSheetsStep: StepHandler = async (session, step) => {
  const data = dataOf<GoogleSheetsData>(step);
  const scope = scopeOf(session);
  return orFailure(async () => {
    const result = await external.googleSheets({
      tenantId: session.input.tenantId,
      integrationId: data.integrationId,
      spreadsheetId: data.spreadsheetId,
      sheet: data.sheet,
      action: data.action,
      values: data.values.map((v) => interpolate(v, scope)),
      lookupColumn: data.lookupColumn,
      lookupValue: interpolate(data.lookupValue, scope),
      resultMapping: data.resultMapping.filter((m) => m.variable),
    });
    Object.assign(session.variables, result.mapped);
    return next(data.action === 'append' ? 'success' : result.found ? 'found' : 'not_found');
  });
};

export const dataTableLookupStep: StepHandler = async (session, step) => {
  const data = dataOf<DataTableLookupData>(step);
  const found = await crm.lookupDataTable({
    tenantId: session.input.tenantId,
    tableId: data.tableId,
    column: data.column,
    value: interpolate(data.value, scopeOf(session)),
    resultMapping: data.resultMapping.filter((m) => m.variable),
  });
  if (!found) {
    return next('not_found');
  }
  Object.assign(session.variables, found);
  return next('found');
};

async function orFailure(call: () => Promise<StepResult>): Promise<StepResult> {
  try {
    return await call();
  } catch (error) {
    // A local activity's final failure may arrive as its ApplicationFailure, not wrapped.
    if (error instanceof ActivityFailure || error instanceof ApplicationFailure) {
      return next('failure');
    }
    throw error;
  }
}
