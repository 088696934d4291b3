// Media is served at signed, short-lived URLs so <img>/<audio> tags (which cannot send an
// Authorization header) can load it, and a leaked URL stops working within minutes.
import { createHmac } from 'node:crypto';
import { safeEqual } from '#lib/tokens';

const TTL_SECONDS = 600;

export function signedMediaPath(mediaId: string, secret: string, now = Date.now()): string {
  const expires = Math.floor(now / 1000) + TTL_SECONDS;
  return `/api/media/${mediaId}/content?expires=${expires}&signature=${sign(mediaId, expires, secret)}`;
}

export function isValidMediaSignature(
  mediaId: string,
  expires: string,
  signature: string,
  secret: string,
  now = Date.now(),
): boolean {
  const expiresAt = Number(expires);
  return (
    Number.isInteger(expiresAt) && expiresAt * 1000 > now && safeEqual(signature, sign(mediaId, expiresAt, secret))
  );
}

function sign(mediaId: string, expires: number, secret: string): string {
  return createHmac('sha256', `media:${secret}`).update(`${mediaId}.${expires}`).digest('base64url');
}
