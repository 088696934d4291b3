// The jump_to_flow node: the target flow's active published program. A flow that was never
// published, or was switched off, is a permanent failure: the session ends as failed.
import { ApplicationFailure } from '@temporalio/activity';
import { parseFlowProgram, type FlowProgram } from '#flow-dsl/program';
import { createTenantDb } from '#db/tenant-db';
import type { ActivityDeps } from '../deps.ts';

export function createLoadFlowProgramActivity(deps: ActivityDeps) {
  return async function loadFlowProgram(input: { tenantId: string; flowId: string }): Promise<FlowProgram> {
    const db = createTenantDb(deps.prisma, input.tenantId);
    const flow = await db.transaction((tx) =>
      tx.flow.findFirst({
        where: { id: input.flowId, tenantId: input.tenantId },
        select: { isActive: true, activeVersion: { select: { program: true } } },
      }),
    );
    if (!flow?.activeVersion) {
      throw ApplicationFailure.nonRetryable(`Flow ${input.flowId} has no published version`, 'NotPublished');
    }
    if (!flow.isActive) {
      throw ApplicationFailure.nonRetryable(`Flow ${input.flowId} is switched off`, 'FlowInactive');
    }
    try {
      return parseFlowProgram(flow.activeVersion.program);
    } catch {
      throw ApplicationFailure.nonRetryable(`Flow ${input.flowId}'s program cannot be read`, 'BadProgram');
    }
  };
}
