// What WhatsApp itself would refuse (WHATSAPP_LIMITS), ids that must be unique within a node
// because they name its outputs, and A/B splits that cannot pick anything.
import { WHATSAPP_LIMITS } from '#api/whatsapp/limits';
import type { FlowDocument, FlowNode } from '../document.ts';
import { error, type Diagnostic } from './diagnostic.ts';

type Limit = [field: string, text: string, max: number];

const { buttons: B, list: L } = WHATSAPP_LIMITS;

export function limitRules(document: FlowDocument): Diagnostic[] {
  return document.nodes.flatMap((node) => [
    ...whatsappLimits(node),
    ...duplicateHandleIds(node),
    ...splitWeights(node),
  ]);
}

function whatsappLimits(node: FlowNode): Diagnostic[] {
  const at = (field: string, message: string) =>
    error('whatsapp_limit', `${node.id}: ${message}`, { nodeId: node.id, field });
  const tooLong = (limits: Limit[]) =>
    limits
      .filter(([, text, max]) => text.length > max)
      .map(([field, text, max]) => at(field, `${field} is ${text.length} characters; WhatsApp allows ${max}.`));
  switch (node.type) {
    case 'send_text':
      return tooLong([['text', node.data.text, WHATSAPP_LIMITS.textBody]]);
    case 'send_media':
      return tooLong([['caption', node.data.caption, WHATSAPP_LIMITS.mediaCaption]]);
    case 'ask_question':
      return tooLong([
        ['prompt', node.data.prompt, WHATSAPP_LIMITS.textBody],
        ['retryPrompt', node.data.retryPrompt, WHATSAPP_LIMITS.textBody],
      ]);
    case 'handoff':
    case 'close_conversation':
      return tooLong([['message', node.data.message, WHATSAPP_LIMITS.textBody]]);
    case 'ai_reply':
      return tooLong([['fallbackText', node.data.fallbackText, WHATSAPP_LIMITS.textBody]]);
    case 'buttons': {
      const { buttons, body, header, footer } = node.data;
      const count =
        buttons.length < 1 || buttons.length > B.max ? [at('buttons', `a message has 1 to ${B.max} buttons.`)] : [];
      return [
        ...count,
        ...tooLong([
          ['body', body, B.body],
          ['header', header, B.headerText],
          ['footer', footer, B.footer],
          ...buttons.flatMap((b, i): Limit[] => [
            [`buttons.${i}.title`, b.title, B.title],
            [`buttons.${i}.id`, b.id, B.id],
          ]),
        ]),
      ];
    }
    case 'list': {
      const { sections, body, header, footer, buttonText } = node.data;
      const rows = sections.flatMap((section, i) =>
        section.rows.map((row, j) => ({ row, field: `sections.${i}.rows.${j}` })),
      );
      return [
        ...(sections.length < 1 || sections.length > L.sections
          ? [at('sections', `a list has 1 to ${L.sections} sections.`)]
          : []),
        ...(rows.length < 1 || rows.length > L.rowsTotal
          ? [at('sections', `a list has 1 to ${L.rowsTotal} rows in all.`)]
          : []),
        ...(sections.length > 1 && sections.some((s) => s.title.trim() === '')
          ? [at('sections', 'a list with several sections needs a title on each.')]
          : []),
        ...tooLong([
          ['body', body, L.body],
          ['header', header, L.headerText],
          ['footer', footer, L.footer],
          ['buttonText', buttonText, L.button],
          ...sections.map((s, i): Limit => [`sections.${i}.title`, s.title, L.sectionTitle]),
          ...rows.flatMap(({ row, field }): Limit[] => [
            [`${field}.title`, row.title, L.rowTitle],
            [`${field}.description`, row.description, L.rowDescription],
            [`${field}.id`, row.id, L.rowId],
          ]),
        ]),
      ];
    }
    default:
      return [];
  }
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
