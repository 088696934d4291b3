// Teams, agent statuses, assignment rules, routing settings and SLA policies (docs/routing.md).
import { useQuery } from '@tanstack/react-query';
import {
  agentStatusListSchema,
  agentStatusSchema,
  assignmentRuleListSchema,
  assignmentRuleSchema,
  routingSettingsSchema,
  type AgentStatusName,
  type RoutingSettings,
} from '#api/routing/schemas';
import { slaPolicyListSchema, slaPolicySchema } from '#api/sla/schemas';
import { teamListSchema, teamSchema, type TeamAssignment } from '#api/teams/schemas';
import { apiRequest } from './client.ts';

export const routingKey = ['routing'];
export const agentStatusesKey = [...routingKey, 'agent-statuses'];
export const teamsKey = [...routingKey, 'teams'];
export const rulesKey = [...routingKey, 'rules'];
export const routingSettingsKey = [...routingKey, 'settings'];
export const slaPoliciesKey = [...routingKey, 'sla-policies'];

export const useAgentStatuses = (enabled = true) =>
  useQuery({
    queryKey: agentStatusesKey,
    queryFn: () => apiRequest('/api/agent-statuses', { schema: agentStatusListSchema }),
    enabled,
  });
export const setMyStatus = (status: AgentStatusName) =>
  apiRequest('/api/agent-statuses/me', { method: 'PUT', body: { status }, schema: agentStatusSchema });
export const sendHeartbeat = (active: boolean) =>
  apiRequest('/api/agent-statuses/me/heartbeat', { method: 'POST', body: { active }, schema: agentStatusSchema });
export const setMaxConcurrent = (userId: string, maxConcurrent: number | null) =>
  apiRequest(`/api/agent-statuses/${userId}`, { method: 'PATCH', body: { maxConcurrent }, schema: agentStatusSchema });

export const useTeams = () =>
  useQuery({ queryKey: teamsKey, queryFn: () => apiRequest('/api/teams', { schema: teamListSchema }) });
export const createTeam = (body: { name: string; assignment: TeamAssignment; requiredSkills: string[] }) =>
  apiRequest('/api/teams', { method: 'POST', body, schema: teamSchema });
export const updateTeam = (
  teamId: string,
  body: { name?: string; assignment?: TeamAssignment; requiredSkills?: string[] },
) => apiRequest(`/api/teams/${teamId}`, { method: 'PATCH', body, schema: teamSchema });
export const deleteTeam = (teamId: string) => apiRequest(`/api/teams/${teamId}`, { method: 'DELETE' });
export const addTeamMember = (teamId: string, userId: string, skills: string[]) =>
  apiRequest(`/api/teams/${teamId}/members`, { method: 'POST', body: { userId, skills }, schema: teamSchema });
export const setTeamMemberSkills = (teamId: string, userId: string, skills: string[]) =>
  apiRequest(`/api/teams/${teamId}/members/${userId}`, { method: 'PATCH', body: { skills }, schema: teamSchema });
export const removeTeamMember = (teamId: string, userId: string) =>
  apiRequest(`/api/teams/${teamId}/members/${userId}`, { method: 'DELETE' });

export const useRules = () =>
  useQuery({
    queryKey: rulesKey,
    queryFn: () => apiRequest('/api/routing/rules', { schema: assignmentRuleListSchema }),
  });
export const createRule = (body: { name: string; channelId: string | null; teamId: string }) =>
  apiRequest('/api/routing/rules', { method: 'POST', body, schema: assignmentRuleSchema });
export const updateRule = (ruleId: string, body: { isEnabled?: boolean; position?: number }) =>
  apiRequest(`/api/routing/rules/${ruleId}`, { method: 'PATCH', body, schema: assignmentRuleSchema });
export const deleteRule = (ruleId: string) => apiRequest(`/api/routing/rules/${ruleId}`, { method: 'DELETE' });

export const useRoutingSettings = () =>
  useQuery({
    queryKey: routingSettingsKey,
    queryFn: () => apiRequest('/api/routing/settings', { schema: routingSettingsSchema }),
  });
export const updateRoutingSettings = (body: Partial<RoutingSettings>) =>
  apiRequest('/api/routing/settings', { method: 'PATCH', body, schema: routingSettingsSchema });

export const useSlaPolicies = () =>
  useQuery({
    queryKey: slaPoliciesKey,
    queryFn: () => apiRequest('/api/sla-policies', { schema: slaPolicyListSchema }),
  });
export const createSlaPolicy = (body: {
  priority: string;
  firstResponseSeconds: number | null;
  resolutionSeconds: number | null;
}) => apiRequest('/api/sla-policies', { method: 'POST', body, schema: slaPolicySchema });
export const updateSlaPolicy = (
  policyId: string,
  body: { firstResponseSeconds?: number | null; resolutionSeconds?: number | null },
) => apiRequest(`/api/sla-policies/${policyId}`, { method: 'PATCH', body, schema: slaPolicySchema });
export const deleteSlaPolicy = (policyId: string) => apiRequest(`/api/sla-policies/${policyId}`, { method: 'DELETE' });
