// What a step handler returns: the output handle it leaves by, or the end of the session, or a
// jump to another flow's program (the interpreter continues as new with it).
import type { FlowProgram, ProgramStep } from '#flow-dsl/program';
import type { Session } from '../session.ts';
import type { SessionStatus } from '../state.ts';

export type StepResult =
  { handle: string } | { end: Extract<SessionStatus, 'completed' | 'cancelled'> } | { jump: FlowProgram };

export type StepHandler = (session: Session, step: ProgramStep) => Promise<StepResult>;

export const next = (handle = 'next'): StepResult => ({ handle });

/** The node's data as its schema's output type (the compiler applied the defaults). */
export function dataOf<T>(step: ProgramStep): T {
  return step.data as T;
}
