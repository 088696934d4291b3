// A select of workspace things (a connection, a table, an agent). While they load it says so;
// when they cannot be listed the id can still be typed, so a node is never stuck.
import type { ReactNode } from 'react';
import type { ResourceOptions } from '../data/workspace-resources.ts';
import { SelectField } from './select-field.tsx';
import { TextField } from './text-field.tsx';

type ResourceSelectProps = {
  label: string;
  path?: string;
  value: string;
  onChange: (value: string) => void;
  resource: ResourceOptions;
  placeholder: string;
  /** Said when the list is empty: how to create one. */
  emptyHint: ReactNode;
  hint?: ReactNode;
};

export function ResourceSelect({
  label,
  path,
  value,
  onChange,
  resource,
  placeholder,
  emptyHint,
  hint,
}: ResourceSelectProps) {
  if (resource.error) {
    return (
      <TextField
        label={label}
        path={path}
        value={value}
        mono
        onChange={(next) => onChange(next.trim())}
        hint="Could not list them here: enter the id."
      />
    );
  }
  const isEmpty = !resource.isPending && resource.options.length === 0;
  return (
    <SelectField
      label={label}
      path={path}
      value={value}
      options={resource.options}
      placeholder={resource.isPending ? 'Loading…' : placeholder}
      hint={isEmpty ? emptyHint : hint}
      onChange={onChange}
    />
  );
}
