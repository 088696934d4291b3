// The tenant's AI provider: its `ai` integration when one is configured, else the fallback.
import type { ActivityDeps } from '../../deps.ts';
import { loadIntegration } from '../load-integration.ts';
import { fallbackProvider } from './fallback-provider.ts';
import { createOpenAiProvider } from './openai-provider.ts';
import type { AiProvider } from './provider.ts';

export async function resolveAiProvider(deps: ActivityDeps, tenantId: string): Promise<AiProvider> {
  const integration = await loadIntegration(deps, tenantId, { kind: 'ai' });
  const { baseUrl, model } = integration?.settings ?? {};
  const apiKey = integration?.credentials.apiKey;
  if (typeof baseUrl === 'string' && typeof model === 'string' && typeof apiKey === 'string') {
    return createOpenAiProvider({ baseUrl, model, apiKey });
  }
  return fallbackProvider;
}
