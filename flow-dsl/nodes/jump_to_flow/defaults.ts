import type { JumpToFlowData } from './schema.ts';

export const jumpToFlowDefaults = { flowId: '' } satisfies JumpToFlowData;
