// The vocabulary of inspector-fields.ts: how a data key is edited.
import type { NodeData, NodeType } from '#flow-dsl/catalogue';
import type { SelectOption } from './field-options.ts';

export type { SelectOption };

/** How one key of a list item is edited; `generated` keys (handle ids) are never typed by people. */
export type ItemFieldKind = 'text' | 'template' | 'variable' | 'number' | 'strings' | 'generated';

type Base = { label: string; hint?: string };

export type FieldSpec = Base &
  (
    | { kind: 'message'; limit: number } // a WhatsApp text: variables, counter, formatting preview
    | { kind: 'template'; limit?: number; placeholder?: string } // one line that may hold {{…}}
    | { kind: 'json' } // a JSON template (HTTP body, webhook payload)
    | { kind: 'text'; limit?: number; placeholder?: string } // one plain line
    | { kind: 'longtext' } // several plain lines (AI instructions, knowledge)
    | { kind: 'variable' } // a variable name, kept a valid identifier as you type
    | { kind: 'number'; min: number; max: number; integer: boolean; unit?: string }
    | { kind: 'duration'; min: number; max: number } // seconds, typed with a unit
    | { kind: 'select'; options: readonly SelectOption[] }
    | { kind: 'toggle' }
    | { kind: 'flow' } // another flow of the workspace
    | { kind: 'tags' }
    | { kind: 'strings'; itemLabel: string; template: boolean }
    | { kind: 'items'; item: Readonly<Record<string, ItemFieldKind>>; min?: number; max?: number }
    | { kind: 'custom' } // its own component: conditions, sections, hours, handoff target, validation
  );

export type FieldKind = FieldSpec['kind'];
export type NodeFieldSpecs<T extends NodeType> = { readonly [K in keyof NodeData<T>]-?: FieldSpec };
export type InspectorFields = { readonly [T in NodeType]: NodeFieldSpecs<T> };
