import { signJwt, verifyJwt } from '#lib/jwt';

describe('[auth] access token signing', () => {
  const secret = 'a'.repeat(40);

  it('round-trips claims until the token expires', () => {
    const now = Date.now();
    const token = signJwt({ sub: 'user-1', tid: 'tenant-1' }, secret, 60, now);
    expect(verifyJwt(token, secret, now + 59_000)).toMatchObject({ sub: 'user-1', tid: 'tenant-1' });
    expect(verifyJwt(token, secret, now + 61_000)).toBeNull();
  });

  it('rejects a token signed with another secret or edited in transit', () => {
    const token = signJwt({ sub: 'user-1', role: 'agent' }, secret, 60);
    expect(verifyJwt(token, 'b'.repeat(40))).toBeNull();
    const [header, , signature] = token.split('.');
    const forged = Buffer.from(JSON.stringify({ sub: 'user-1', role: 'owner', exp: 9999999999 })).toString('base64url');
    expect(verifyJwt(`${header}.${forged}.${signature}`, secret)).toBeNull();
    expect(verifyJwt('not.a.token', secret)).toBeNull();
  });

  it('refuses the "none" algorithm', () => {
    const header = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url');
    const payload = Buffer.from(JSON.stringify({ sub: 'x', exp: 9999999999 })).toString('base64url');
    expect(verifyJwt(`${header}.${payload}.`, secret)).toBeNull();
  });
});
