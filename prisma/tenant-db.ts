// Tenant-scoped data access: the only database handle tenant routes, operations and activities get.
// Every query on a tenant-owned model has the caller's tenant injected into its filter and data,
// and runs inside a transaction that switches to the restricted `parley_tenant` role with
// `app.tenant_id` set, so Postgres row-level security (the rls migration) rejects any row of
// another tenant even if a query slipped past the injection.
import { Prisma, type PrismaClient } from './client.ts';

const TENANT_KEY_BY_MODEL: Partial<Record<Prisma.ModelName, string>> = {
  Tenant: 'id',
  TenantSettings: 'tenantId',
  Role: 'tenantId',
  Membership: 'tenantId',
  Invitation: 'tenantId',
  ApiKey: 'tenantId',
  AuditLog: 'tenantId',
  Channel: 'tenantId',
  Contact: 'tenantId',
  Conversation: 'tenantId',
  Message: 'tenantId',
  Media: 'tenantId',
  Notification: 'tenantId',
  Team: 'tenantId',
  Flow: 'tenantId',
  FlowVersion: 'tenantId',
  FlowSession: 'tenantId',
  FlowStepEvent: 'tenantId',
  DataTable: 'tenantId',
  DataTableRow: 'tenantId',
  Integration: 'tenantId',
  Tag: 'tenantId',
  ConversationTag: 'tenantId',
  ConversationNote: 'tenantId',
  ConversationAssignment: 'tenantId',
  SavedView: 'tenantId',
  CannedResponse: 'tenantId',
  ScheduledMessage: 'tenantId',
  TeamMember: 'tenantId',
  AgentStatus: 'tenantId',
  AssignmentRule: 'tenantId',
  SlaPolicy: 'tenantId',
  RoutingSettings: 'tenantId',
  CustomField: 'tenantId',
  ContactGroup: 'tenantId',
  ContactGroupMember: 'tenantId',
  Segment: 'tenantId',
  ContactImport: 'tenantId',
  MessageTemplate: 'tenantId',
  Campaign: 'tenantId',
  CampaignVariant: 'tenantId',
  CampaignRun: 'tenantId',
  CampaignRecipient: 'tenantId',
  TenantMessageUsage: 'tenantId',
  MessagingReach: 'tenantId',
  TenantEvent: 'tenantId',
  WebhookSubscription: 'tenantId',
  WebhookDelivery: 'tenantId',
  WebhookAttempt: 'tenantId',
  AutomationRule: 'tenantId',
  AutomationRun: 'tenantId',
  IdempotencyKey: 'tenantId',
  ApiRequestLog: 'tenantId',
};

const FILTERED_OPERATIONS = new Set([
  'findUnique',
  'findUniqueOrThrow',
  'findFirst',
  'findFirstOrThrow',
  'findMany',
  'count',
  'aggregate',
  'groupBy',
  'update',
  'updateMany',
  'updateManyAndReturn',
  'delete',
  'deleteMany',
]);

// Building the scoped client (Prisma's $extends) costs more than many queries, and every webhook,
// activity and request needs one: each process keeps the most recent ones per Prisma client.
const CACHED_TENANTS = 1000;
const cache = new WeakMap<PrismaClient, Map<string, TenantDb>>();

export function createTenantDb(prisma: PrismaClient, tenantId: string): TenantDb {
  let byTenant = cache.get(prisma);
  if (!byTenant) {
    byTenant = new Map();
    cache.set(prisma, byTenant);
  }
  let db = byTenant.get(tenantId);
  if (!db) {
    if (byTenant.size >= CACHED_TENANTS) {
      byTenant.delete(byTenant.keys().next().value!); // the oldest entry
    }
    db = buildTenantDb(prisma, tenantId);
    byTenant.set(tenantId, db);
  }
  return db;
}

function buildTenantDb(prisma: PrismaClient, tenantId: string) {
  const scoped = prisma.$extends({
    query: {
      $allModels: {
        async $allOperations({ model, operation, args, query }) {
          const scopedArgs = scopeArgs(model as Prisma.ModelName, operation, args, tenantId);
          const [, result] = await prisma.$transaction([
            enterTenant(prisma, tenantId),
            query(scopedArgs as typeof args),
          ]);
          return result;
        },
      },
    },
  });
  return {
    tenantId,
    tenant: scoped.tenant,
    settings: scoped.tenantSettings,
    role: scoped.role,
    membership: scoped.membership,
    invitation: scoped.invitation,
    apiKey: scoped.apiKey,
    auditLog: scoped.auditLog,
    channel: scoped.channel,
    contact: scoped.contact,
    conversation: scoped.conversation,
    message: scoped.message,
    media: scoped.media,
    notification: scoped.notification,
    flow: scoped.flow,
    flowVersion: scoped.flowVersion,
    flowSession: scoped.flowSession,
    flowStepEvent: scoped.flowStepEvent,
    integration: scoped.integration,
    dataTable: scoped.dataTable,
    dataTableRow: scoped.dataTableRow,
    team: scoped.team,
    tag: scoped.tag,
    conversationTag: scoped.conversationTag,
    conversationNote: scoped.conversationNote,
    conversationAssignment: scoped.conversationAssignment,
    savedView: scoped.savedView,
    cannedResponse: scoped.cannedResponse,
    scheduledMessage: scoped.scheduledMessage,
    teamMember: scoped.teamMember,
    agentStatus: scoped.agentStatus,
    assignmentRule: scoped.assignmentRule,
    slaPolicy: scoped.slaPolicy,
    routingSettings: scoped.routingSettings,
    customField: scoped.customField,
    contactGroup: scoped.contactGroup,
    contactGroupMember: scoped.contactGroupMember,
    segment: scoped.segment,
    contactImport: scoped.contactImport,
    messageTemplate: scoped.messageTemplate,
    campaign: scoped.campaign,
    campaignVariant: scoped.campaignVariant,
    campaignRun: scoped.campaignRun,
    campaignRecipient: scoped.campaignRecipient,
    messageUsage: scoped.tenantMessageUsage,
    automationRule: scoped.automationRule,
    automationRun: scoped.automationRun,
    tenantEvent: scoped.tenantEvent,
    webhookSubscription: scoped.webhookSubscription,
    webhookDelivery: scoped.webhookDelivery,
    webhookAttempt: scoped.webhookAttempt,
    /** Several statements in one transaction, under row-level security for this tenant. */
    transaction<T>(
      fn: (tx: Prisma.TransactionClient) => Promise<T>,
      options?: { timeout?: number; maxWait?: number },
    ): Promise<T> {
      return prisma.$transaction(async (tx) => {
        await enterTenant(tx, tenantId);
        return fn(tx);
      }, options);
    },
  };
}

export type TenantDb = ReturnType<typeof buildTenantDb>;

function enterTenant(client: PrismaClient | Prisma.TransactionClient, tenantId: string) {
  return client.$executeRaw`SELECT set_config('role', 'parley_tenant', true), set_config('app.tenant_id', ${tenantId}, true)`;
}

function scopeArgs(model: Prisma.ModelName, operation: string, args: unknown, tenantId: string): unknown {
  const key = TENANT_KEY_BY_MODEL[model];
  if (!key) {
    throw new Error(`${model} is not a tenant-owned model and cannot be reached through the tenant database`);
  }
  const input = (args ?? {}) as Record<string, unknown>;
  const scope = { [key]: tenantId };
  if (FILTERED_OPERATIONS.has(operation)) {
    return { ...input, where: { ...(input.where as object | undefined), ...scope } };
  }
  if (operation === 'create') {
    return { ...input, data: { ...(input.data as object), ...scope } };
  }
  if (operation === 'createMany' || operation === 'createManyAndReturn') {
    const rows = Array.isArray(input.data) ? input.data : [input.data];
    return { ...input, data: rows.map((row: object) => ({ ...row, ...scope })) };
  }
  if (operation === 'upsert') {
    return {
      ...input,
      where: { ...(input.where as object), ...scope },
      create: { ...(input.create as object), ...scope },
    };
  }
  throw new Error(`Operation ${operation} is not supported on the tenant database`);
}
