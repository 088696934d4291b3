// What every node editor receives: its node's data and the way to replace it.
import type { NodeData, NodeType } from '#flow-dsl/catalogue';
import { fieldSpec } from '../inspector-fields.ts';
import type { FieldValue } from '../controls/spec-field.tsx';

export type EditorProps<T extends NodeType> = { data: NodeData<T>; onChange: (data: NodeData<T>) => void };

/** Props of a SpecField for `key` of this node: its spec, path, value and a setter of that key. */
export function specProps<T extends NodeType>(
  type: T,
  { data, onChange }: EditorProps<T>,
  key: keyof NodeData<T> & string,
) {
  return {
    spec: fieldSpec(type, key),
    path: key,
    value: data[key] as FieldValue,
    onChange: (value: FieldValue) => onChange({ ...data, [key]: value }),
  };
}
