// Step events, buffered and written in batches: before the session waits (so the database shows
// where it is), before it continues as new, and when it ends. A node that waits is written open
// and closed later; both writes upsert the same (sessionId, seq) row.
import type { ProgramStep } from '#flow-dsl/program';
import type { StepEventRecord } from '#activities/flows/record-flow-steps';
import { records } from './activities.ts';
import type { Session } from './session.ts';

export class Recorder {
  private buffered: StepEventRecord[] = [];
  private open: StepEventRecord | null = null;

  constructor(private readonly session: Session) {}

  enter(step: ProgramStep, seq: number): void {
    this.open = { seq, nodeId: step.id, nodeType: step.type, outcome: null, enteredAt: Date.now(), exitedAt: null };
  }

  exit(outcome: string | null): void {
    if (this.open) {
      this.buffered.push({ ...this.open, outcome, exitedAt: Date.now() });
      this.open = null;
    }
  }

  /** Writes what is buffered (and the open step, still open) with the session's status. */
  async flush(): Promise<void> {
    const events = this.open ? [...this.buffered, this.open] : this.buffered;
    this.buffered = [];
    const { input, program, status, cursor } = this.session;
    await records.recordFlowSteps({
      tenantId: input.tenantId,
      sessionId: input.sessionId,
      flowId: program.flowId,
      events,
      session: { status, currentNodeId: cursor },
    });
  }
}
