import type { BusinessHoursData } from './schema.ts';

export const businessHoursDefaults = { hours: 'workspace', timezone: '' } satisfies BusinessHoursData;
