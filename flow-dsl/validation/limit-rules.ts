// What WhatsApp itself would refuse (WHATSAPP_LIMITS), ids that must be unique within a node
// because they name its outputs, and A/B splits that cannot pick anything.
import { WHATSAPP_LIMITS } from '#api/whatsapp/limits';
import type { FlowDocument, FlowNode } from '../document.ts';
import { error, type Diagnostic } from './diagnostic.ts';

type Limit = [field: string, text: string, max: number];
type Problem = [field: string, message: string];

const { buttons: B, list: L, textBody, mediaCaption } = WHATSAPP_LIMITS;

export function limitRules(document: FlowDocument): Diagnostic[] {
  return document.nodes.flatMap((node) => [
    ...whatsappLimits(node),
    ...duplicateHandleIds(node),
    ...splitWeights(node),
  ]);
}

function whatsappLimits(node: FlowNode): Diagnostic[] {
  const tooLong = textLimits(node)
    .filter(([, text, max]) => text.length > max)
    .map(([field, text, max]): Problem => [field, `${field} is ${text.length} characters; WhatsApp allows ${max}.`]);
  return [...countProblems(node), ...tooLong].map(([field, message]) =>
    error('whatsapp_limit', `${node.id}: ${message}`, { nodeId: node.id, field }),
  );
}

/** The texts of a node WhatsApp caps in length (templates as written; values may add more). */
function textLimits(node: FlowNode): Limit[] {
  switch (node.type) {
    case 'send_text':
      return [['text', node.data.text, textBody]];
    case 'send_media':
      return [['caption', node.data.caption, mediaCaption]];
    case 'ask_question':
      return [
        ['prompt', node.data.prompt, textBody],
        ['retryPrompt', node.data.retryPrompt, textBody],
      ];
    case 'handoff':
    case 'close_conversation':
      return [['message', node.data.message, textBody]];
    case 'ai_reply':
      return [['fallbackText', node.data.fallbackText, textBody]];
    case 'buttons': {
      const { buttons, body, header, footer } = node.data;
      const perButton = buttons.flatMap((b, i): Limit[] => [
        [`buttons.${i}.title`, b.title, B.title],
        [`buttons.${i}.id`, b.id, B.id],
      ]);
      return [['body', body, B.body], ['header', header, B.headerText], ['footer', footer, B.footer], ...perButton];
    }
    case 'list': {
      const { sections, body, header, footer, buttonText } = node.data;
      const perSection = sections.flatMap((section, i): Limit[] => [
        [`sections.${i}.title`, section.title, L.sectionTitle],
        ...section.rows.flatMap((row, j): Limit[] => [
          [`sections.${i}.rows.${j}.title`, row.title, L.rowTitle],
          [`sections.${i}.rows.${j}.description`, row.description, L.rowDescription],
          [`sections.${i}.rows.${j}.id`, row.id, L.rowId],
        ]),
      ]);
      return [
        ['body', body, L.body],
        ['header', header, L.headerText],
        ['footer', footer, L.footer],
        ['buttonText', buttonText, L.button],
        ...perSection,
      ];
    }
    default:
      return [];
  }
}

/** How many buttons, sections and rows WhatsApp accepts in one message. */
function countProblems(node: FlowNode): Problem[] {
  if (node.type === 'buttons') {
    const count = node.data.buttons.length;
    return count < 1 || count > B.max ? [['buttons', `a message has 1 to ${B.max} buttons.`]] : [];
  }
  if (node.type !== 'list') {
    return [];
  }
  const { sections } = node.data;
  const rows = sections.reduce((total, section) => total + section.rows.length, 0);
  const problems: Problem[] = [];
  if (sections.length < 1 || sections.length > L.sections) {
    problems.push(['sections', `a list has 1 to ${L.sections} sections.`]);
  }
  if (rows < 1 || rows > L.rowsTotal) {
    problems.push(['sections', `a list has 1 to ${L.rowsTotal} rows in all.`]);
  }
  if (sections.length > 1 && sections.some((section) => section.title.trim() === '')) {
    problems.push(['sections', 'a list with several sections needs a title on each.']);
  }
  return problems;
}

function duplicateHandleIds(node: FlowNode): Diagnostic[] {
  const groups: Record<string, Array<{ id: string }>> = {
    buttons: node.type === 'buttons' ? node.data.buttons : [],
    sections: node.type === 'list' ? node.data.sections.flatMap((section) => section.rows) : [],
    variants: node.type === 'ab_split' ? node.data.variants : [],
    intents: node.type === 'ai_intent' ? node.data.intents : [],
  };
  return Object.entries(groups).flatMap(([field, items]) => {
    const ids = items.map((item) => item.id).filter((id) => id.trim() !== '');
    const repeated = [...new Set(ids.filter((id, index) => ids.indexOf(id) !== index))];
    return repeated.map((id) =>
      error('duplicate_handle_id', `${node.id}: the id ${id} is used twice; each option needs its own.`, {
        nodeId: node.id,
        field,
      }),
    );
  });
}

function splitWeights(node: FlowNode): Diagnostic[] {
  if (node.type !== 'ab_split') {
    return [];
  }
  const { variants } = node.data;
  const where = { nodeId: node.id, field: 'variants' };
  if (variants.length < 2 || variants.length > 5) {
    return [error('invalid_weights', `${node.id}: an A/B split has 2 to 5 variants.`, where)];
  }
  const total = variants.reduce((sum, variant) => sum + variant.weight, 0);
  return total > 0 ? [] : [error('invalid_weights', `${node.id}: the variants' weights add up to 0.`, where)];
}
