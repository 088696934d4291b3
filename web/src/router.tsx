// Every page of the app. Public pages sit outside the session guard; product areas and settings
// sections check their permission so a role that cannot use a page sees why.
import type { ReactElement } from 'react';
import { createBrowserRouter } from 'react-router';
import { PublicOnly, RequirePermission, RequireSession } from './auth/session-guards.tsx';
import { AppShell } from './layout/app-shell.tsx';
import { InvitePage } from './pages/auth/invite-page.tsx';
import { LoginPage } from './pages/auth/login-page.tsx';
import { SignupPage } from './pages/auth/signup-page.tsx';
import { CampaignEditorPage } from './pages/campaigns/campaign-editor-page.tsx';
import { CampaignResultsPage } from './pages/campaigns/campaign-results-page.tsx';
import { CampaignsPage } from './pages/campaigns/campaigns-page.tsx';
import { COMING_SOON, ComingSoonPage } from './pages/coming-soon-page.tsx';
import { ContactDetailPage } from './pages/contacts/contact-detail-page.tsx';
import { ContactsPage } from './pages/contacts/contacts-page.tsx';
import { GroupsPage } from './pages/contacts/groups-page.tsx';
import { SegmentEditorPage } from './pages/segments/segment-editor-page.tsx';
import { SegmentsPage } from './pages/segments/segments-page.tsx';
import { ContactImportPage } from './pages/contact-imports/contact-import-page.tsx';
import { ContactImportsPage } from './pages/contact-imports/contact-imports-page.tsx';
import { DashboardPage } from './pages/dashboard/dashboard-page.tsx';
import { FlowBuilderPage } from './pages/flows/flow-builder-page.tsx';
import { FlowsPage } from './pages/flows/flows-page.tsx';
import { MediaPage } from './pages/media/media-page.tsx';
import { InboxPage } from './pages/inbox/inbox-page.tsx';
import { NotFoundPage } from './pages/not-found-page.tsx';
import { ApiKeysPage } from './pages/settings/api-keys/api-keys-page.tsx';
import { SandboxPage } from './pages/sandbox/sandbox-page.tsx';
import { TemplateEditorPage } from './pages/templates/template-editor-page.tsx';
import { TemplatesPage } from './pages/templates/templates-page.tsx';
import { AuditLogPage } from './pages/settings/audit-log/audit-log-page.tsx';
import { AutomationsPage } from './pages/settings/automations/automations-page.tsx';
import { RuleEditorPage } from './pages/settings/automations/rule-editor-page.tsx';
import { AutomationRunsPage } from './pages/settings/automations/runs-page.tsx';
import { ApiRequestsPage } from './pages/settings/api-requests/api-requests-page.tsx';
import { CannedResponsesPage } from './pages/settings/canned-responses/canned-responses-page.tsx';
import { CustomFieldsPage } from './pages/settings/custom-fields/custom-fields-page.tsx';
import { NotificationsPage } from './pages/settings/notifications/notifications-page.tsx';
import { ChannelDetailPage } from './pages/settings/channels/channel-detail-page.tsx';
import { ChannelsPage } from './pages/settings/channels/channels-page.tsx';
import { RolesPage } from './pages/settings/roles/roles-page.tsx';
import { RoutingPage } from './pages/settings/routing/routing-page.tsx';
import { SecurityPage } from './pages/settings/security/security-page.tsx';
import { SettingsIndex, SettingsLayout } from './pages/settings/settings-layout.tsx';
import { TeamPage } from './pages/settings/team/team-page.tsx';
import { WorkspacePage } from './pages/settings/workspace/workspace-page.tsx';
import { SubscriptionPage } from './pages/settings/webhooks/subscription-page.tsx';
import { WebhooksPage } from './pages/settings/webhooks/webhooks-page.tsx';
import type { Permission } from '#api/auth/permissions';

const productAreas: Array<[keyof typeof COMING_SOON, Permission]> = [['reports', 'reports.view']];

export const router = createBrowserRouter([
  {
    element: <PublicOnly />,
    children: [
      { path: '/login', element: <LoginPage /> },
      { path: '/signup', element: <SignupPage /> },
    ],
  },
  { path: '/invite/:token', element: <InvitePage /> },
  {
    element: <RequireSession />,
    children: [
      {
        element: <AppShell />,
        children: [
          { index: true, element: <DashboardPage /> },
          ...productAreas.map(([area, permission]) => ({
            path: area,
            element: <RequirePermission permission={permission} />,
            children: [{ index: true, element: <ComingSoonPage {...COMING_SOON[area]} /> }],
          })),
          {
            // The open conversation is part of the path, the list's filters the query string.
            path: 'inbox/:conversationId?',
            element: <RequirePermission permission="inbox.view" />,
            children: [{ index: true, element: <InboxPage /> }],
          },
          guarded('campaigns', 'campaigns.view', <CampaignsPage />),
          guarded('campaigns/new', 'campaigns.manage', <CampaignEditorPage />),
          guarded('campaigns/:campaignId', 'campaigns.view', <CampaignResultsPage />),
          guarded('campaigns/:campaignId/edit', 'campaigns.manage', <CampaignEditorPage />),
          guarded('flows', 'flows.view', <FlowsPage />),
          guarded('media', 'flows.view', <MediaPage />),
          guarded('templates', 'templates.view', <TemplatesPage />),
          guarded('templates/new', 'templates.manage', <TemplateEditorPage />),
          guarded('templates/:templateId', 'templates.view', <TemplateEditorPage />),
          guarded('contacts', 'contacts.view', <ContactsPage />),
          guarded('contacts/groups', 'contacts.view', <GroupsPage />),
          guarded('contacts/segments', 'contacts.view', <SegmentsPage />),
          guarded('contacts/segments/new', 'contacts.view', <SegmentEditorPage />),
          guarded('contacts/segments/:segmentId', 'contacts.view', <SegmentEditorPage />),
          guarded('contacts/:contactId', 'contacts.view', <ContactDetailPage />),
          guarded('contacts/imports', 'contacts.manage', <ContactImportsPage />),
          guarded('contacts/imports/:importId', 'contacts.manage', <ContactImportPage />),
          {
            path: 'flows/:flowId',
            element: <RequirePermission permission="flows.view" />,
            children: [{ index: true, element: <FlowBuilderPage /> }],
          },
          { path: 'sandbox', element: <SandboxPage /> },
          {
            path: 'settings',
            element: <SettingsLayout />,
            children: [
              { index: true, element: <SettingsIndex /> },
              guarded('workspace', 'workspace.manage', <WorkspacePage />),
              { path: 'channels', element: <ChannelsPage /> },
              { path: 'channels/:channelId', element: <ChannelDetailPage /> },
              guarded('team', 'members.view', <TeamPage />),
              guarded('routing', 'members.view', <RoutingPage />),
              guarded('roles', 'roles.manage', <RolesPage />),
              guarded('api-keys', 'apiKeys.manage', <ApiKeysPage />),
              { path: 'security', element: <SecurityPage /> },
              { path: 'notifications', element: <NotificationsPage /> },
              guarded('canned-responses', 'inbox.reply', <CannedResponsesPage />),
              guarded('custom-fields', 'contacts.view', <CustomFieldsPage />),
              guarded('webhooks', 'webhooks.manage', <WebhooksPage />),
              guarded('webhooks/:subscriptionId', 'webhooks.manage', <SubscriptionPage />),
              guarded('automations', 'webhooks.manage', <AutomationsPage />),
              guarded('automations/new', 'webhooks.manage', <RuleEditorPage />),
              guarded('automations/:automationId', 'webhooks.manage', <RuleEditorPage />),
              guarded('automations/:automationId/runs', 'webhooks.manage', <AutomationRunsPage />),
              guarded('audit-log', 'audit.view', <AuditLogPage />),
              guarded('api-requests', 'audit.view', <ApiRequestsPage />),
            ],
          },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
]);

function guarded(path: string, permission: Permission, page: ReactElement) {
  return { path, element: <RequirePermission permission={permission} />, children: [{ index: true, element: page }] };
}
