// The IP allow-list as a text box: one entry per line (commas and spaces also separate), each
// checked by the API's own schema so a typo is named before the request; the server checks again.
import { z } from 'zod';
import { allowedIpSchema } from '#api/api-keys/schemas';

export const allowListTextSchema = z.string().transform((text, ctx) => {
  const entries = text.split(/[\s,]+/).filter(Boolean);
  const bad = entries.filter((entry) => !allowedIpSchema.safeParse(entry).success);
  if (bad.length > 0) {
    ctx.addIssue({ code: 'custom', message: `Not an IP address or CIDR range: ${bad.join(', ')}` });
  }
  return entries;
});

export const ALLOW_LIST_HINT =
  'One per line: an IPv4 or IPv6 address (203.0.113.7) or a CIDR range (198.51.100.0/24, 2001:db8::/32). Empty: any address.';
