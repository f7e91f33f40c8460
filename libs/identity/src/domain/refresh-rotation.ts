/**
 * Refresh-token rotation (OAuth 2.0 Security BCP, RFC 9700 §4.14.2): every refresh token is used
 * once and replaced by a new one of the same family. A token presented again after it was used
 * was copied by someone: the whole family is revoked, so the thief and the user both have to log
 * in again.
 */
export interface StoredRefreshToken {
  familyId: string;
  accountId: string;
  expiresAt: Date;
  usedAt: Date | null;
  revokedAt: Date | null;
}

export type RefreshDecision =
  | { kind: 'rotate' }
  | { kind: 'revoke_family'; familyId: string }
  | { kind: 'refuse'; reason: 'unknown' | 'revoked' | 'expired' };

export function decideRefresh(token: StoredRefreshToken | undefined, now: Date): RefreshDecision {
  if (!token) return { kind: 'refuse', reason: 'unknown' };
  if (token.revokedAt) return { kind: 'refuse', reason: 'revoked' };
  if (token.usedAt) return { kind: 'revoke_family', familyId: token.familyId };
  if (token.expiresAt.getTime() <= now.getTime()) return { kind: 'refuse', reason: 'expired' };
  return { kind: 'rotate' };
}
