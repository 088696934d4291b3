// Phone numbers: stored as E.164 (+16505551234) with WhatsApp's id (the digits) beside it.
// Numbers typed without a country code take the workspace's default country.
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';

export type NormalisedPhone = { ok: true; phone: string; waId: string } | { ok: false; message: string };

export function normalisePhone(input: string, defaultCountry?: string): NormalisedPhone {
  const text = input.trim();
  if (text === '') {
    return { ok: false, message: 'A phone number is required' };
  }
  // 00 is the international prefix in most of the world; WhatsApp ids are digits without a +.
  const international = text.startsWith('00')
    ? `+${text.slice(2)}`
    : /^\d{10,15}$/.test(text) && !defaultCountry
      ? `+${text}`
      : text;
  const parsed = parsePhoneNumberFromString(international, defaultCountry as CountryCode | undefined);
  if (!parsed || !parsed.isValid()) {
    return {
      ok: false,
      message: `"${text}" is not a valid phone number (include the country code, like +14155550123)`,
    };
  }
  return { ok: true, phone: parsed.number, waId: parsed.number.slice(1) };
}
