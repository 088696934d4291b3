// ask_question: which answer rules apply to which kind of answer (inputs.ts parseAnswer reads
// min/max for numbers and the length and pattern for text), so switching type drops the others.
import type { AnswerValidation, AskQuestionData, QuestionInputType } from '#flow-dsl/nodes/ask_question/schema';
import { regexProblem } from '#flow-dsl/text';

type RuleKey = keyof AnswerValidation;

export const VALIDATION_KEYS: Partial<Record<QuestionInputType, readonly RuleKey[]>> = {
  number: ['min', 'max'],
  text: ['minLength', 'maxLength', 'pattern'],
};

export function validationKeysFor(inputType: QuestionInputType): readonly RuleKey[] {
  return VALIDATION_KEYS[inputType] ?? [];
}

export function setInputType(data: AskQuestionData, inputType: QuestionInputType): AskQuestionData {
  const keep = validationKeysFor(inputType);
  const validation = Object.fromEntries(
    Object.entries(data.validation).filter(([key]) => keep.includes(key as RuleKey)),
  ) as AnswerValidation;
  return { ...data, inputType, validation };
}

/** Sets one rule; undefined (an emptied box) removes it. */
export function setRule<K extends RuleKey>(data: AskQuestionData, key: K, value: AnswerValidation[K] | undefined) {
  const { [key]: _removed, ...rest } = data.validation;
  const validation: AnswerValidation = value === undefined || value === '' ? rest : { ...rest, [key]: value };
  return { ...data, validation };
}

/** Why a pattern would be refused (invalid_regex), or null. */
export function safePattern(pattern: string | undefined): string | null {
  const problem = pattern ? regexProblem(pattern) : null;
  return problem ? `This pattern ${problem}.` : null;
}
