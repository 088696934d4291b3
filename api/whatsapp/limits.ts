// Meta's Cloud API limits (docs: the shared whatsapp-cloud-api contract, §7, §10, §12). The
// send schemas, the simulator and the builder's validation all read them from here.
export const WHATSAPP_LIMITS = {
  textBody: 4096,
  mediaCaption: 1024,
  contactsPerMessage: 257,
  bizOpaqueCallbackData: 512,
  buttons: { max: 3, id: 256, title: 20, body: 1024, footer: 60, headerText: 60 },
  list: {
    button: 20,
    body: 4096,
    footer: 60,
    headerText: 60,
    sections: 10,
    rowsTotal: 10,
    sectionTitle: 24,
    rowId: 200,
    rowTitle: 24,
    rowDescription: 72,
  },
  template: { name: 512, headerText: 60, body: 1024, footer: 60, buttons: 10, buttonText: 25 },
  businessProfile: { about: 139, address: 256, description: 512, email: 128, websites: 2, website: 256 },
  /** Default messages per second per phone number (130429 beyond). */
  throughputPerSecond: 80,
  /** One message per 6 s to the same user, bursts of 45 (131056 beyond). */
  pairRate: { windowSeconds: 6, burst: 45 },
  customerServiceWindowHours: 24,
} as const;

export const BUSINESS_VERTICALS = [
  'UNDEFINED',
  'OTHER',
  'AUTO',
  'BEAUTY',
  'APPAREL',
  'EDU',
  'ENTERTAIN',
  'EVENT_PLAN',
  'FINANCE',
  'GROCERY',
  'GOVT',
  'HOTEL',
  'HEALTH',
  'NONPROFIT',
  'PROF_SERVICES',
  'RETAIL',
  'TRAVEL',
  'RESTAURANT',
  'NOT_A_BIZ',
] as const;
export type BusinessVertical = (typeof BUSINESS_VERTICALS)[number];
