// Turns zod issues into Graph-style `error_data.details`: the parameter path in Meta's bracket
// notation (`Param interactive['action']['buttons']`) followed by what is wrong with it.
import type { z } from 'zod';
import { invalidParameter, type GraphError } from './graph-error.ts';

export function detailsOf(error: z.ZodError): string {
  return flatten(error.issues)
    .slice(0, 5)
    .map((issue) => `Param ${paramPath(issue.path)}: ${issue.message}`)
    .join('; ');
}

export function invalidParameterFrom(error: z.ZodError): GraphError {
  return invalidParameter(detailsOf(error));
}

/** Unions report "invalid input"; the nested issues of the closest branch say what is wrong. */
function flatten(
  issues: z.core.$ZodIssue[],
  prefix: PropertyKey[] = [],
): Array<{ path: PropertyKey[]; message: string }> {
  return issues.flatMap((issue) => {
    const path = [...prefix, ...issue.path];
    if (issue.code === 'invalid_union' && issue.errors.length > 0) {
      const closest = [...issue.errors].sort((a, b) => depth(b) - depth(a))[0] ?? [];
      return closest.length > 0 ? flatten(closest, path) : [{ path, message: issue.message }];
    }
    return [{ path, message: issue.message }];
  });
}

function depth(issues: z.core.$ZodIssue[]): number {
  return Math.max(0, ...issues.map((issue) => issue.path.length));
}

function paramPath(path: PropertyKey[]): string {
  if (path.length === 0) {
    return '(body)';
  }
  const [head, ...rest] = path;
  return `${String(head)}${rest.map((part) => (typeof part === 'number' ? `[${part}]` : `['${String(part)}']`)).join('')}`;
}
