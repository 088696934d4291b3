// Buttons and list rows: the interactive message to send and how a reply picks a choice — by the
// reply id WhatsApp sends for a tap, or by the title typed out (case- and space-insensitive).
import type { FlowInput } from '#flow-dsl/inputs';
import type { ButtonsData } from '#flow-dsl/nodes/buttons/schema';
import type { ListData } from '#flow-dsl/nodes/list/schema';
import type { FlowScope } from '#flow-dsl/scope';
import { interpolate } from '#flow-dsl/template';
import { inputText } from '#flow-dsl/answers';
import type { Content } from './send.ts';

export type Choice = { id: string; title: string; handle: string };

export function matchChoice(choices: Choice[], input: FlowInput): { value: string; handle: string } | null {
  const replyId = input.replyId ?? null;
  const typed = normalise(inputText(input));
  const choice =
    (replyId ? choices.find((c) => c.id === replyId) : undefined) ??
    choices.find((c) => normalise(c.title) === typed && typed !== '');
  return choice ? { value: choice.title, handle: choice.handle } : null;
}

function normalise(text: string): string {
  return text.trim().replace(/\s+/g, ' ').toLowerCase();
}

export function buttonsContent(data: ButtonsData, scope: FlowScope): Content {
  const header = interpolate(data.header, scope);
  const footer = interpolate(data.footer, scope);
  return {
    type: 'interactive',
    interactive: {
      type: 'button',
      body: { text: interpolate(data.body, scope) },
      ...(header ? { header: { type: 'text' as const, text: header } } : {}),
      ...(footer ? { footer: { text: footer } } : {}),
      action: { buttons: data.buttons.map((b) => ({ type: 'reply' as const, reply: { id: b.id, title: b.title } })) },
    },
  };
}

export function listContent(data: ListData, scope: FlowScope): Content {
  const header = interpolate(data.header, scope);
  const footer = interpolate(data.footer, scope);
  return {
    type: 'interactive',
    interactive: {
      type: 'list',
      body: { text: interpolate(data.body, scope) },
      ...(header ? { header: { type: 'text' as const, text: header } } : {}),
      ...(footer ? { footer: { text: footer } } : {}),
      action: {
        button: data.buttonText,
        sections: data.sections.map((s) => ({
          ...(s.title ? { title: s.title } : {}),
          rows: s.rows.map((r) => ({
            id: r.id,
            title: r.title,
            ...(r.description ? { description: r.description } : {}),
          })),
        })),
      },
    },
  };
}
