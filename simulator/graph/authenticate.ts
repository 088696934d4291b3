// Bearer-token checks (contract §0): a request must carry the token of the number it addresses
// (for WABA-level objects, the token of a number in that WABA). Missing, wrong and expired
// tokens are all 401 with code 190, as Meta answers them.
import type { Request } from 'express';
import type { SimulatorContext } from '../core/simulator-context.ts';
import type { PhoneNumberRecord } from '../state/simulator-state.ts';
import { GraphError } from './graph-error.ts';

export function bearerToken(req: Request): string | null {
  const query = req.query.access_token;
  return headerToken(req.get('authorization')) ?? (typeof query === 'string' && query ? query : null);
}

/** The token of an Authorization header. Graph also takes `OAuth <token>` (the Resumable Upload API documents that form). */
export function headerToken(header: string | undefined): string | null {
  return (header && /^(?:Bearer|OAuth)\s+(\S+)\s*$/i.exec(header)?.[1]) || null;
}

/** The number among `allowed` whose token the request carries; throws 190 otherwise. */
export function authorize(ctx: SimulatorContext, req: Request, allowed: PhoneNumberRecord[]): PhoneNumberRecord {
  return authorizeToken(ctx, bearerToken(req), allowed);
}

/** The number among `allowed` holding `token`; throws 190 otherwise. */
export function authorizeToken(
  ctx: SimulatorContext,
  token: string | null,
  allowed: PhoneNumberRecord[],
): PhoneNumberRecord {
  if (!token) {
    throw new GraphError(190, 'An access token is required to request this resource.');
  }
  const matching = allowed.filter((number) => number.accessToken === token);
  const live = matching.find((number) => !isExpired(ctx, number));
  if (live) {
    return live;
  }
  const expired = matching[0];
  if (expired?.tokenExpiresAt != null) {
    throw new GraphError(
      190,
      `Error validating access token: Session has expired on ${new Date(expired.tokenExpiresAt).toUTCString()}.`,
      { title: 'Error validating access token: The access token has expired', subcode: 463 },
    );
  }
  throw new GraphError(190, 'Invalid OAuth access token - Cannot parse access token');
}

/** Any registered number holding this request's token (for calls that are not scoped to one). */
export function authorizeAny(ctx: SimulatorContext, req: Request): PhoneNumberRecord {
  return authorize(ctx, req, [...ctx.store.numbers.values()]);
}

export function isExpired(ctx: SimulatorContext, number: PhoneNumberRecord): boolean {
  return number.tokenExpiresAt !== null && number.tokenExpiresAt <= ctx.now();
}
