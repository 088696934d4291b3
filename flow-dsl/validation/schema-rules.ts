// The first pass: is it a document at all? Unknown node types are reported by name (not as a
// failed union), and every zod issue becomes a `schema_invalid` that names its path.
import { flowDocumentSchema, type FlowDocument } from '../document.ts';
import { upgradeFlowDocument } from '../migrations/index.ts';
import { isNodeType } from '../node-types.ts';
import { error, type Diagnostic } from './diagnostic.ts';

export type ParsedForValidation = { document: FlowDocument | null; diagnostics: Diagnostic[] };

export function parseForValidation(raw: unknown): ParsedForValidation {
  const { upgraded } = upgradeFlowDocument(raw);
  const rawNodes = nodesOf(upgraded);
  const diagnostics: Diagnostic[] = [];
  // Positions in the original nodes array of the nodes that are parsed, for issue paths.
  const knownIndexes: number[] = [];
  const known = rawNodes.filter((node, index) => {
    // A node without a string type is a shape problem: zod reports it below.
    if (typeof node?.type !== 'string' || isNodeType(node.type)) {
      knownIndexes.push(index);
      return true;
    }
    const nodeId = idOf(node);
    const message = `Node ${nodeId ?? `#${index}`} has an unknown type ${JSON.stringify(node.type)}.`;
    diagnostics.push(error('unknown_node_type', message, nodeId ? { nodeId } : {}));
    return false;
  });
  const candidate = diagnostics.length > 0 && isRecord(upgraded) ? { ...upgraded, nodes: known } : upgraded;
  const parsed = flowDocumentSchema.safeParse(candidate);
  if (parsed.success) {
    return { document: diagnostics.length > 0 ? null : parsed.data, diagnostics };
  }
  const filtered = diagnostics.length > 0;
  for (const issue of parsed.error.issues) {
    const path = issue.path.map((segment, i) =>
      filtered && i === 1 && issue.path[0] === 'nodes' ? (knownIndexes[Number(segment)] ?? segment) : segment,
    );
    diagnostics.push(schemaIssue(path, issue.message, rawNodes));
  }
  return { document: null, diagnostics };
}

function schemaIssue(
  rawPath: ReadonlyArray<PropertyKey>,
  issueMessage: string,
  nodes: Array<Record<string, unknown> | undefined>,
): Diagnostic {
  const path = rawPath.map(String);
  const at = path.join('.');
  const message = at === '' ? `The document: ${issueMessage}` : `${at}: ${issueMessage}`;
  if (path[0] === 'nodes' && path[1] !== undefined) {
    const nodeId = idOf(nodes[Number(path[1])]);
    const field = path[2] === 'data' ? path.slice(3).join('.') : path.slice(2).join('.');
    return error('schema_invalid', message, { ...(nodeId ? { nodeId } : {}), ...(field ? { field } : {}) });
  }
  return error('schema_invalid', message, at === '' ? {} : { field: at });
}

function nodesOf(document: unknown): Array<Record<string, unknown> | undefined> {
  if (!isRecord(document) || !Array.isArray(document.nodes)) {
    return [];
  }
  return document.nodes.map((node: unknown) => (isRecord(node) ? node : undefined));
}

function idOf(node: Record<string, unknown> | undefined): string | undefined {
  return typeof node?.id === 'string' && node.id !== '' ? node.id : undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
