// The editor of nodes whose fields all have a shared control: every key of the node's spec, in
// order, optionally after a short explanation.
import type { ReactNode } from 'react';
import type { NodeData, NodeType } from '#flow-dsl/catalogue';
import { SpecField } from '../controls/spec-field.tsx';
import { INSPECTOR_FIELDS } from '../inspector-fields.ts';
import { specProps, type EditorProps } from './editor-props.ts';

export function specEditor<T extends NodeType>(type: T, note?: ReactNode) {
  const keys = Object.keys(INSPECTOR_FIELDS[type]) as Array<keyof NodeData<T> & string>;
  function SpecEditor(props: EditorProps<T>) {
    return (
      <>
        {note && <p className="inspector-note">{note}</p>}
        {keys.map((key) => (
          <SpecField key={key} {...specProps(type, props, key)} />
        ))}
      </>
    );
  }
  return SpecEditor;
}

export function StartEditor() {
  return (
    <p className="inspector-note">
      The flow begins here when its trigger fires: a keyword, a new conversation, outside business hours or an API call.
      Set the trigger in the flow’s settings, then connect this step to the first message.
    </p>
  );
}

export function EndEditor() {
  return (
    <p className="inspector-note">
      The bot stops here and the conversation stays open for your team. The customer meets the bot again the next time a
      trigger fires.
    </p>
  );
}
