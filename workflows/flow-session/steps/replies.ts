// The nodes that ask and wait: buttons, list and ask_question. Each sends its message, waits up
// to timeoutSeconds for an answer, and on an answer that does not fit sends the retry prompt (or
// the question again) until maxAttempts answers were tried, then leaves by `invalid`.
import type { FlowInput } from '#flow-dsl/inputs';
import { parseAnswer } from '#flow-dsl/answers';
import type { AskQuestionData } from '#flow-dsl/nodes/ask_question/schema';
import type { ButtonsData } from '#flow-dsl/nodes/buttons/schema';
import type { ListData } from '#flow-dsl/nodes/list/schema';
import { interpolate } from '#flow-dsl/template';
import { scopeOf, type Session } from '../session.ts';
import { waitForInput } from '../wait.ts';
import { buttonsContent, listContent, matchChoice, type Choice } from './choices.ts';
import { sendText, send } from './send.ts';
import { dataOf, type StepHandler, type StepResult } from './types.ts';

type ReplySettings = { saveAs: string; timeoutSeconds: number; retryPrompt: string; maxAttempts: number };
/** An answer's value to save and the handle to leave by, or null when it does not fit. */
type Accept = (input: FlowInput) => { value: unknown; handle: string } | null;

export const buttonsStep: StepHandler = async (session, step) => {
  const data = dataOf<ButtonsData>(step);
  const choices: Choice[] = data.buttons.map((b) => ({ id: b.id, title: b.title, handle: `button:${b.id}` }));
  const ask = () => send(session, buttonsContent(data, scopeOf(session)));
  return askUntilAnswered(session, data, ask, (input) => matchChoice(choices, input));
};

export const listStep: StepHandler = async (session, step) => {
  const data = dataOf<ListData>(step);
  const choices: Choice[] = data.sections.flatMap((s) =>
    s.rows.map((r) => ({ id: r.id, title: r.title, handle: `row:${r.id}` })),
  );
  const ask = () => send(session, listContent(data, scopeOf(session)));
  return askUntilAnswered(session, data, ask, (input) => matchChoice(choices, input));
};

export const askQuestionStep: StepHandler = async (session, step) => {
  const data = dataOf<AskQuestionData>(step);
  const ask = () => sendText(session, interpolate(data.prompt, scopeOf(session)));
  return askUntilAnswered(session, data, ask, (input) => {
    const parsed = parseAnswer(data, input);
    return parsed.ok ? { value: parsed.value, handle: 'answered' } : null;
  });
};

async function askUntilAnswered(
  session: Session,
  settings: ReplySettings,
  ask: () => Promise<void>,
  accept: Accept,
): Promise<StepResult> {
  await ask();
  for (let attempt = 1; ; attempt++) {
    const input = await waitForInput(session, settings.timeoutSeconds);
    if (input === 'cancelled') {
      return { end: 'cancelled' };
    }
    if (input === 'timeout') {
      return { handle: 'timeout' };
    }
    const accepted = accept(input);
    if (accepted) {
      if (settings.saveAs) {
        session.variables[settings.saveAs] = accepted.value;
      }
      return { handle: accepted.handle };
    }
    if (attempt >= settings.maxAttempts) {
      return { handle: 'invalid' };
    }
    const retry = interpolate(settings.retryPrompt, scopeOf(session));
    await (retry.trim() ? sendText(session, retry) : ask());
  }
}
