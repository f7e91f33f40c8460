import { decideRefresh, StoredRefreshToken } from './refresh-rotation';

const now = new Date('2026-03-02T09:00:00Z');
const token = (overrides: Partial<StoredRefreshToken> = {}): StoredRefreshToken => ({
  familyId: 'family-1',
  accountId: 'account-1',
  expiresAt: new Date('2026-03-16T09:00:00Z'),
  usedAt: null,
  revokedAt: null,
  ...overrides,
});

describe('refresh-token rotation', () => {
  it('a fresh, unused token is rotated', () => {
    expect(decideRefresh(token(), now)).toEqual({ kind: 'rotate' });
  });

  it('a token used before is reuse: its whole family is revoked', () => {
    expect(decideRefresh(token({ usedAt: new Date('2026-03-02T08:00:00Z') }), now)).toEqual({
      kind: 'revoke_family',
      familyId: 'family-1',
    });
  });

  it('a revoked token is refused (logout, or its family already revoked), even if it was also used', () => {
    expect(decideRefresh(token({ revokedAt: new Date('2026-03-02T08:30:00Z') }), now)).toEqual({
      kind: 'refuse',
      reason: 'revoked',
    });
    expect(
      decideRefresh(
        token({ usedAt: new Date('2026-03-02T08:00:00Z'), revokedAt: new Date('2026-03-02T08:30:00Z') }),
        now,
      ),
    ).toEqual({ kind: 'refuse', reason: 'revoked' });
  });

  it('a token is refused from the instant it expires', () => {
    expect(decideRefresh(token({ expiresAt: now }), now)).toEqual({ kind: 'refuse', reason: 'expired' });
    expect(decideRefresh(token({ expiresAt: new Date(now.getTime() + 1) }), now)).toEqual({ kind: 'rotate' });
  });

  it('an unknown token is refused', () => {
    expect(decideRefresh(undefined, now)).toEqual({ kind: 'refuse', reason: 'unknown' });
  });
});
