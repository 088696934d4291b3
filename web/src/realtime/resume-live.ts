// Asks the server for the events missed since `position` (socket event `resume`, acknowledged).
// A slow or odd answer counts as an error: the caller refetches instead.
import type { Socket } from 'socket.io-client';
import { RESUME_EVENT, resumeAnswerSchema, type ResumeAnswer, type ResumeInput } from '#api/realtime/schemas';

const RESUME_TIMEOUT_MS = 10_000;

export async function resumeLive(socket: Socket, position: ResumeInput): Promise<ResumeAnswer> {
  try {
    const answer: unknown = await socket.timeout(RESUME_TIMEOUT_MS).emitWithAck(RESUME_EVENT, position);
    const parsed = resumeAnswerSchema.safeParse(answer);
    return parsed.success ? parsed.data : { status: 'error', message: 'The server’s answer was not understood' };
  } catch {
    return { status: 'error', message: 'The server did not answer in time' };
  }
}
