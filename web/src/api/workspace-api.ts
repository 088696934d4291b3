import { useQuery } from '@tanstack/react-query';
import { workspaceSchema, type UpdateWorkspaceInput } from '#api/workspace/schemas';
import { apiRequest } from './client.ts';

export function useWorkspace() {
  return useQuery({
    queryKey: ['workspace'],
    queryFn: () => apiRequest('/api/workspace', { schema: workspaceSchema }),
  });
}

export const updateWorkspace = (body: UpdateWorkspaceInput) =>
  apiRequest('/api/workspace', { method: 'PATCH', body, schema: workspaceSchema });
