import { businessHoursSchema, isOpenAt, isValidTimeZone } from '#flow-dsl/business-hours';

const weekdays = { from: '09:00', to: '17:00' };
const hours = businessHoursSchema.parse({
  days: {
    mon: [weekdays],
    tue: [weekdays],
    wed: [weekdays],
    thu: [weekdays],
    fri: [weekdays],
    sat: [{ from: '22:00', to: '02:00' }],
  },
  holidays: ['2026-12-25'],
});

describe('[flow-dsl] business hours', () => {
  it('accepts the workspace default stored by the database', () => {
    const prismaDefault =
      '{"days":{"mon":[{"from":"09:00","to":"17:00"}],"tue":[{"from":"09:00","to":"17:00"}],"wed":[{"from":"09:00","to":"17:00"}],"thu":[{"from":"09:00","to":"17:00"}],"fri":[{"from":"09:00","to":"17:00"}]}}';
    expect(businessHoursSchema.safeParse(JSON.parse(prismaDefault)).success).toBe(true);
    expect(businessHoursSchema.safeParse({ days: { mon: [{ from: '9am', to: '17:00' }] } }).success).toBe(false);
  });

  it('reads the clock in the given time zone, with the end of an interval excluded', () => {
    // Friday 2026-11-20 16:30 in Lisbon (UTC+0 in winter) is 11:30 in New York.
    const friday = new Date('2026-11-20T16:30:00Z');
    expect(isOpenAt(hours, 'Europe/Lisbon', friday)).toBe(true);
    expect(isOpenAt(hours, 'Asia/Tokyo', friday)).toBe(false);
    expect(isOpenAt(hours, 'Europe/Lisbon', new Date('2026-11-20T17:00:00Z'))).toBe(false);
    expect(isOpenAt(hours, 'America/New_York', new Date('2026-11-20T14:00:00Z'))).toBe(true);
  });

  it('is closed on holidays and on days without hours', () => {
    expect(isOpenAt(hours, 'Europe/Lisbon', new Date('2026-12-25T10:00:00Z'))).toBe(false);
    expect(isOpenAt(hours, 'Europe/Lisbon', new Date('2026-11-22T10:00:00Z'))).toBe(false);
  });

  it('keeps an overnight interval open past midnight into the next day', () => {
    expect(isOpenAt(hours, 'UTC', new Date('2026-11-21T23:00:00Z'))).toBe(true);
    expect(isOpenAt(hours, 'UTC', new Date('2026-11-22T01:59:00Z'))).toBe(true);
    expect(isOpenAt(hours, 'UTC', new Date('2026-11-22T02:00:00Z'))).toBe(false);
    expect(isOpenAt(hours, 'UTC', new Date('2026-11-21T21:59:00Z'))).toBe(false);
  });

  it('knows which time zones exist', () => {
    expect(isValidTimeZone('Europe/Lisbon')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus')).toBe(false);
    expect(() => isOpenAt(hours, 'Mars/Olympus', new Date())).toThrow(RangeError);
  });
});
