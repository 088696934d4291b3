// One parser per ask_question input type (inputs.ts parseAnswer is the entry point).
import { toNumber } from './condition-values.ts';
import type { ParsedAnswer } from './answers.ts';
import type { FlowInput } from './inputs.ts';
import type { AnswerValidation, QuestionInputType } from './nodes/ask_question/schema.ts';
import { matchesWholePattern } from './text.ts';

const EMAIL = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;
const MEDIA_INPUTS = new Set(['image', 'video', 'audio', 'document']);

export function parseByInputType(type: QuestionInputType, rules: AnswerValidation, input: FlowInput): ParsedAnswer {
  if (MEDIA_INPUTS.has(type)) {
    return parseMedia(type, input);
  }
  if (type === 'location') {
    return input.type === 'location' && input.location ? accept(input.location) : reject('wrong_type');
  }
  if (type === 'contact') {
    const card = input.type === 'contacts' ? input.contacts?.[0] : undefined;
    return card === undefined ? reject('wrong_type') : accept(card);
  }
  const text = (input.text ?? input.replyTitle ?? '').trim();
  if (input.type !== 'text' && input.type !== 'interactive' && input.type !== 'button') {
    return reject('wrong_type');
  }
  if (text === '') {
    return reject('empty');
  }
  switch (type) {
    case 'email':
      return EMAIL.test(text) ? accept(text.toLowerCase()) : reject('invalid_email');
    case 'phone':
      return parsePhone(text);
    case 'number':
      return parseNumber(text, rules);
    case 'date':
      return parseDate(text);
    default:
      return parseText(text, rules);
  }
}

function parseMedia(type: QuestionInputType, input: FlowInput): ParsedAnswer {
  // A sticker is an image to the customer; accept it where an image is asked for.
  const matches = input.type === type || (type === 'image' && input.type === 'sticker');
  if (!matches || !input.media) {
    return reject('wrong_type');
  }
  return accept({ ...input.media, ...(input.text ? { caption: input.text } : {}) });
}

/** E.164-ish: `+` then 8–15 digits; spaces, dashes, dots and brackets are dropped, `00` means `+`. */
function parsePhone(text: string): ParsedAnswer {
  if (!/^\+?[\d\s().-]+$/.test(text)) {
    return reject('invalid_phone');
  }
  const digits = text.replace(/\D/g, '').replace(/^00/, '');
  return digits.length >= 8 && digits.length <= 15 ? accept(`+${digits}`) : reject('invalid_phone');
}

function parseNumber(text: string, rules: AnswerValidation): ParsedAnswer {
  const value = toNumber(text.replace(/\s/g, ''));
  if (Number.isNaN(value)) {
    return reject('invalid_number');
  }
  if (rules.min !== undefined && value < rules.min) {
    return reject('too_small');
  }
  if (rules.max !== undefined && value > rules.max) {
    return reject('too_large');
  }
  return accept(value);
}

/** 2026-11-21, 21/11/2026, 21.11.2026 and 21-11-2026 (day first, as most of the world writes it). */
function parseDate(text: string): ParsedAnswer {
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  const dayFirst = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text);
  const [year, month, day] = iso
    ? [Number(iso[1]), Number(iso[2]), Number(iso[3])]
    : dayFirst
      ? [Number(dayFirst[3]), Number(dayFirst[2]), Number(dayFirst[1])]
      : [0, 0, 0];
  const date = new Date(Date.UTC(year, month - 1, day));
  const valid =
    year > 0 && date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  return valid ? accept(date.toISOString().slice(0, 10)) : reject('invalid_date');
}

function parseText(text: string, rules: AnswerValidation): ParsedAnswer {
  if (rules.minLength !== undefined && text.length < rules.minLength) {
    return reject('too_short');
  }
  if (rules.maxLength !== undefined && text.length > rules.maxLength) {
    return reject('too_long');
  }
  if (rules.pattern) {
    // The whole answer must match (an answer over PATTERN_TEXT_LIMIT never does).
    if (!matchesWholePattern(rules.pattern, text)) {
      return reject('pattern_mismatch');
    }
  }
  return accept(text);
}

const accept = (value: unknown): ParsedAnswer => ({ ok: true, value });
const reject = (reason: Extract<ParsedAnswer, { ok: false }>['reason']): ParsedAnswer => ({ ok: false, reason });
