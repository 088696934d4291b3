// Identifiers in Meta's formats: numeric-string object ids, `wamid.<base64>` message ids, wa_ids.
// All randomness comes from the injectable `random()` so runs can be made reproducible.
export type Random = () => number;

export function digits(random: Random, count: number): string {
  let out = '';
  for (let i = 0; i < count; i++) {
    out += String(Math.floor(random() * 10));
  }
  return out;
}

/** A Graph object id: digits, no leading zero, small enough to stay exact as a JSON number. */
export function objectId(random: Random): string {
  return `${1 + Math.floor(random() * 9)}${digits(random, 14)}`;
}

/** `wamid.HBgL…` like Meta's: base64 of a binary key holding the wa_id (opaque to receivers). */
export function wamid(random: Random, waId: string): string {
  const noise = Buffer.from(Array.from({ length: 18 }, () => Math.floor(random() * 256)));
  const key = Buffer.concat([
    Buffer.from([0x1c, 0x18, 0x0b]),
    Buffer.from(waId),
    Buffer.from([0x15, 0x02, 0x00]),
    noise,
  ]);
  return `wamid.${key.toString('base64')}`;
}

/** A random phone number in wa_id form: 11 to 13 digits, no leading zero. */
export function randomWaId(random: Random): string {
  const length = 11 + Math.floor(random() * 3);
  return `${1 + Math.floor(random() * 9)}${digits(random, length - 1)}`;
}

export function token(random: Random, length = 24): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  let out = '';
  for (let i = 0; i < length; i++) {
    out += alphabet[Math.floor(random() * alphabet.length)];
  }
  return out;
}

/** Digits of a phone number as webhooks write it (no `+`, spaces or dashes). */
export function phoneDigits(phone: string): string {
  return phone.replace(/\D/g, '');
}
