// A scheduled message's content in WhatsApp's own shape, for the inbox's send path.
import type { OutboundContent } from '../whatsapp/schemas.ts';
import type { ScheduledContent } from './schemas.ts';

export function toOutboundContent(content: ScheduledContent): OutboundContent {
  if (content.type === 'text') {
    return { type: 'text', text: { body: content.text } };
  }
  const { name, language, bodyParameters } = content.template;
  return {
    type: 'template',
    template: {
      name,
      language: { code: language },
      ...(bodyParameters.length > 0
        ? { components: [{ type: 'body', parameters: bodyParameters.map((text) => ({ type: 'text', text })) }] }
        : {}),
    },
  };
}
