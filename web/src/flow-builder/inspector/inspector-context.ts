// What every field of the inspector reads besides its own value: the flow's variables and other
// flows for the pickers, the diagnostics placed on its path, and whether anything may change.
import { createContext, useContext } from 'react';
import type { Diagnostic } from '#flow-dsl/validate';

export type InspectorContextValue = {
  nodeId: string;
  variables: string[];
  flows: Array<{ id: string; name: string }>;
  readOnly: boolean;
  /** The diagnostics placed on exactly this path (diagnostic-placement.ts). */
  diagnosticsAt: (path: string) => Diagnostic[];
};

export const InspectorContext = createContext<InspectorContextValue | null>(null);

export function useInspector(): InspectorContextValue {
  const value = useContext(InspectorContext);
  if (value === null) {
    throw new Error('useInspector is used outside NodeInspector');
  }
  return value;
}
