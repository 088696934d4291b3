import { isIpAllowed } from '#api/http/ip-allow-list';

describe('[api] IP allow-list matching', () => {
  it.each([
    [['203.0.113.7'], '203.0.113.7', true],
    [['203.0.113.7'], '203.0.113.8', false],
    [['198.51.100.0/24'], '198.51.100.255', true],
    [['198.51.100.0/24'], '198.51.101.0', false],
    [['10.1.2.3/8'], '10.200.0.1', true],
    [['2001:db8::/32'], '2001:db8:ffff::1', true],
    [['2001:db8::/32'], '2001:db9::1', false],
    [['::1'], '::1', true],
    [['127.0.0.1'], '::ffff:127.0.0.1', true],
    [['203.0.113.0/24', '2001:db8::/32'], '2001:db8::5', true],
    [['203.0.113.0/24'], 'unknown', false],
  ])('%j admits %s: %s', (list, ip, expected) => {
    expect(isIpAllowed(list, ip)).toBe(expected);
  });
});
