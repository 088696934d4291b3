// Credentials for the services flows call (google_sheets, ai). Credentials are sealed with the
// SecretBox as one JSON string, the shape activities/flows/load-integration.ts opens, and are
// never returned nor written to the audit log.
import { isUniqueViolation } from '#db/errors';
import type { z } from 'zod';
import type { Page } from '../common/schemas.ts';
import type { TenantContext } from '../context.ts';
import { AppError, type FieldIssue } from '../errors.ts';
import { audit } from '../audit/record-audit.ts';
import { pageArgs, toPage, type PageQuery } from '../http/pagination.ts';
import {
  CREDENTIALS_BY_KIND,
  INTEGRATION_KINDS,
  SETTINGS_BY_KIND,
  type CreateIntegrationInput,
  type Integration,
  type IntegrationKind,
  type UpdateIntegrationInput,
} from './schemas.ts';

const integrationSelect = {
  id: true,
  kind: true,
  name: true,
  settings: true,
  createdAt: true,
  updatedAt: true,
} as const;

type Row = { id: string; kind: string; name: string; settings: unknown; createdAt: Date; updatedAt: Date };

function toView(row: Row): Integration {
  return {
    ...row,
    kind: row.kind as IntegrationKind,
    settings: (row.settings ?? {}) as Record<string, unknown>,
    hasCredentials: true,
  };
}

function duplicate(error: unknown): unknown {
  return isUniqueViolation(error)
    ? AppError.field('name', 'is already used by another integration of this kind', 'CONFLICT')
    : error;
}

export async function listIntegrations(query: PageQuery, ctx: TenantContext): Promise<Page<Integration>> {
  const rows = await ctx.db.integration.findMany({
    ...pageArgs(query),
    where: { kind: { in: [...INTEGRATION_KINDS] } },
    select: integrationSelect,
  });
  return toPage(rows, query, toView);
}

export async function createIntegration(input: CreateIntegrationInput, ctx: TenantContext): Promise<Integration> {
  const row = await ctx.db.integration
    .create({
      data: {
        tenantId: ctx.db.tenantId,
        kind: input.kind,
        name: input.name,
        credentials: ctx.services.secretBox.encrypt(JSON.stringify(input.credentials)),
        settings: input.settings as object,
      },
      select: integrationSelect,
    })
    .catch((error: unknown) => {
      throw duplicate(error);
    });
  await audit(ctx, {
    action: 'integration.created',
    targetType: 'integration',
    targetId: row.id,
    metadata: { kind: input.kind, name: input.name },
  });
  return toView(row);
}

export async function updateIntegration(
  integrationId: string,
  input: UpdateIntegrationInput,
  ctx: TenantContext,
): Promise<Integration> {
  const current = await ctx.db.integration.findUnique({ where: { id: integrationId }, select: { kind: true } });
  if (!current) {
    throw AppError.notFound('Integration');
  }
  const kind = current.kind as IntegrationKind;
  const credentials =
    input.credentials !== undefined ? checked(CREDENTIALS_BY_KIND[kind], input.credentials, 'credentials') : undefined;
  const settings =
    input.settings !== undefined ? checked(SETTINGS_BY_KIND[kind], input.settings, 'settings') : undefined;
  const row = await ctx.db.integration
    .update({
      where: { id: integrationId },
      data: {
        ...(input.name !== undefined ? { name: input.name } : {}),
        ...(settings !== undefined ? { settings: settings as object } : {}),
        ...(credentials !== undefined
          ? { credentials: ctx.services.secretBox.encrypt(JSON.stringify(credentials)) }
          : {}),
      },
      select: integrationSelect,
    })
    .catch((error: unknown) => {
      throw duplicate(error);
    });
  const changed = Object.keys(input).map((k) => (k === 'credentials' ? 'credentials (replaced)' : k));
  await audit(ctx, {
    action: 'integration.updated',
    targetType: 'integration',
    targetId: integrationId,
    metadata: { kind, name: row.name, changed },
  });
  return toView(row);
}

export async function deleteIntegration(integrationId: string, ctx: TenantContext): Promise<void> {
  const current = await ctx.db.integration.findUnique({
    where: { id: integrationId },
    select: { kind: true, name: true },
  });
  if (!current) {
    throw AppError.notFound('Integration');
  }
  await ctx.db.integration.delete({ where: { id: integrationId } });
  await audit(ctx, {
    action: 'integration.deleted',
    targetType: 'integration',
    targetId: integrationId,
    metadata: { kind: current.kind, name: current.name },
  });
}

/** Validates a part of the body against the stored kind's schema, naming fields as the HTTP layer does. */
function checked<S extends z.ZodType>(schema: S, value: unknown, prefix: string): z.output<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) {
    return parsed.data;
  }
  const fields: FieldIssue[] = parsed.error.issues.map((issue) => ({
    field: [prefix, ...issue.path.map(String)].join('.'),
    message: issue.message,
    in: 'body',
  }));
  const summary = fields.map((f) => `${f.field}: ${f.message}`).join('; ');
  throw new AppError('VALIDATION_FAILED', `Invalid request: ${summary}`, { fields });
}
