// The document a new flow starts with: a start node alone, started only by hand (API or test
// panel) until the builder picks a trigger. A start with no edge is a complete, empty flow.
import { flowDocumentSchema, LATEST_FLOW_VERSION, type FlowDocument } from '#flow-dsl/document';

export function defaultFlowDocument(name: string): FlowDocument {
  return flowDocumentSchema.parse({
    schemaVersion: LATEST_FLOW_VERSION,
    name,
    trigger: { type: 'manual' },
    nodes: [{ id: 'start', type: 'start', position: { x: 0, y: 0 }, data: {} }],
  });
}
