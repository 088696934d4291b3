// The choices of the inspector's select fields, in the words business users know. The values come
// from flow-dsl's enums, so a value the engine does not know cannot be offered.
import { QUESTION_INPUT_TYPES, type QuestionInputType } from '#flow-dsl/nodes/ask_question/schema';
import { DELAY_UNITS } from '#flow-dsl/nodes/delay/schema';
import { HTTP_METHODS } from '#flow-dsl/nodes/http_request/schema';
import { SEND_MEDIA_TYPES } from '#flow-dsl/nodes/send_media/schema';

export type SelectOption = { value: string; label: string };

const options = <V extends string>(values: readonly V[], labels: Record<V, string>): SelectOption[] =>
  values.map((value) => ({ value, label: labels[value] }));

export const INPUT_TYPE_LABELS: Record<QuestionInputType, string> = {
  text: 'Text',
  number: 'Number',
  email: 'E-mail address',
  phone: 'Phone number',
  date: 'Date',
  image: 'Image',
  video: 'Video',
  audio: 'Audio',
  document: 'Document',
  location: 'Location',
  contact: 'Contact card',
};

export const INPUT_TYPE_OPTIONS = options(QUESTION_INPUT_TYPES, INPUT_TYPE_LABELS);

export const MEDIA_TYPE_OPTIONS = options(SEND_MEDIA_TYPES, {
  image: 'Image',
  video: 'Video',
  audio: 'Audio',
  document: 'Document',
  sticker: 'Sticker',
});

export const DELAY_UNIT_OPTIONS = options(DELAY_UNITS, {
  seconds: 'seconds',
  minutes: 'minutes',
  hours: 'hours',
  days: 'days',
});

export const HTTP_METHOD_OPTIONS = options(HTTP_METHODS, {
  GET: 'GET',
  POST: 'POST',
  PUT: 'PUT',
  PATCH: 'PATCH',
  DELETE: 'DELETE',
});

export const SHEET_ACTION_OPTIONS = options(['append', 'lookup'] as const, {
  append: 'Add a row',
  lookup: 'Look up a row',
});
