import { Injectable } from '@nestjs/common';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { SaeilConfig } from '@saeil/config';
import { decideRefresh, RefreshDecision, StoredRefreshToken } from '../domain/refresh-rotation';

/** Only the SHA-256 of a refresh token is stored: 256 random bits need no slow hash, and a dump reveals no usable token. */
function hashOf(token: string): Buffer {
  return createHash('sha256').update(token, 'utf8').digest();
}

export type RotationOutcome =
  { kind: 'rotated'; accountId: string; refreshToken: string } | Exclude<RefreshDecision, { kind: 'rotate' }>;

/** Opaque refresh tokens in `refresh_tokens`, one family per login, rotated at each use. */
@Injectable()
export class RefreshTokens {
  constructor(
    private readonly dataSource: DataSource,
    private readonly config: SaeilConfig,
  ) {}

  get ttlSeconds(): number {
    return this.config.REFRESH_TOKEN_TTL_SECONDS;
  }

  /** A new token: of a new family (a login) or of the given one (a rotation). */
  async issue(accountId: string, manager: EntityManager, familyId: string = randomUUID()): Promise<string> {
    const token = randomBytes(32).toString('base64url');
    await manager.query(
      `INSERT INTO refresh_tokens (token_hash, family_id, account_id, expires_at) VALUES ($1, $2, $3, now() + make_interval(secs => $4))`,
      [hashOf(token), familyId, accountId, this.ttlSeconds],
    );
    return token;
  }

  /**
   * Uses the token once: marks it used and issues its successor, or, when it was used before,
   * revokes its family. Under the row's lock, so two uses racing each other are one rotation and
   * one reuse. `accountUsable` says whether the account may still sign in (not disabled).
   */
  async rotate(
    token: string,
    accountUsable: (accountId: string, manager: EntityManager) => Promise<boolean>,
  ): Promise<RotationOutcome> {
    return this.dataSource.transaction(async (manager) => {
      const [row] = await manager.query(
        `SELECT family_id, account_id, expires_at, used_at, revoked_at FROM refresh_tokens WHERE token_hash = $1 FOR UPDATE`,
        [hashOf(token)],
      );
      const stored: StoredRefreshToken | undefined = row && {
        familyId: row.family_id,
        accountId: row.account_id,
        expiresAt: row.expires_at,
        usedAt: row.used_at,
        revokedAt: row.revoked_at,
      };
      const decision = decideRefresh(stored, new Date());
      if (decision.kind === 'revoke_family') {
        await this.revokeFamily(decision.familyId, manager);
        return decision;
      }
      if (decision.kind === 'refuse') return decision;
      if (!(await accountUsable(stored!.accountId, manager))) {
        await this.revokeFamily(stored!.familyId, manager);
        return { kind: 'refuse', reason: 'revoked' };
      }
      await manager.query(`UPDATE refresh_tokens SET used_at = now() WHERE token_hash = $1`, [hashOf(token)]);
      return {
        kind: 'rotated',
        accountId: stored!.accountId,
        refreshToken: await this.issue(stored!.accountId, manager, stored!.familyId),
      };
    });
  }

  /** Logout: the token's family is revoked. Returns its account, or undefined for an unknown token. */
  async revokeFamilyOf(token: string): Promise<string | undefined> {
    return this.dataSource.transaction(async (manager) => {
      const [row] = await manager.query(`SELECT family_id, account_id FROM refresh_tokens WHERE token_hash = $1`, [
        hashOf(token),
      ]);
      if (!row) return undefined;
      await this.revokeFamily(row.family_id, manager);
      return row.account_id as string;
    });
  }

  async revokeAllOf(accountId: string, manager: EntityManager): Promise<void> {
    await manager.query(`UPDATE refresh_tokens SET revoked_at = now() WHERE account_id = $1 AND revoked_at IS NULL`, [
      accountId,
    ]);
  }

  private async revokeFamily(familyId: string, manager: EntityManager): Promise<void> {
    await manager.query(`UPDATE refresh_tokens SET revoked_at = now() WHERE family_id = $1 AND revoked_at IS NULL`, [
      familyId,
    ]);
  }
}
