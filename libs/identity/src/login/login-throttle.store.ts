import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { afterFailure, NO_FAILURES, ThrottlePolicy, ThrottleState } from '../domain/login-throttle';

type Row = { failures: number; window_started_at: Date | null; locked_until: Date | null };

/**
 * The `login_throttle` rows of a login attempt, locked for the attempt's transaction: parallel
 * guesses against one user name or from one address are counted one after the other, so no burst
 * gets more than the allowed number of tries. `window_started_at` holds the last failure's time.
 * `login_known_addresses` remembers where each user name has logged in.
 */
@Injectable()
export class LoginThrottleStore {
  /** Locks the keys' rows (created when missing), in a fixed order so two attempts never deadlock. */
  async lock(keys: string[], manager: EntityManager): Promise<Map<string, ThrottleState>> {
    const sorted = [...new Set(keys)].sort();
    await manager.query(
      `INSERT INTO login_throttle (throttle_key) SELECT unnest($1::text[]) ORDER BY 1 ON CONFLICT (throttle_key) DO NOTHING`,
      [sorted],
    );
    const states = new Map<string, ThrottleState>();
    for (const key of sorted) {
      const [row]: Row[] = await manager.query(
        `SELECT failures, window_started_at, locked_until FROM login_throttle WHERE throttle_key = $1 FOR UPDATE`,
        [key],
      );
      states.set(
        key,
        row
          ? { failures: row.failures, lastFailureAt: row.window_started_at, lockedUntil: row.locked_until }
          : NO_FAILURES,
      );
    }
    return states;
  }

  async recordFailure(
    key: string,
    state: ThrottleState,
    now: Date,
    policy: ThrottlePolicy,
    manager: EntityManager,
  ): Promise<ThrottleState> {
    const next = afterFailure(state, now, policy);
    await manager.query(
      `UPDATE login_throttle SET failures = $2, window_started_at = $3, locked_until = $4 WHERE throttle_key = $1`,
      [key, next.failures, next.lastFailureAt, next.lockedUntil],
    );
    return next;
  }

  /** After a successful login: the row goes, so the table holds only keys with recent failures. */
  async clear(key: string, manager: EntityManager): Promise<void> {
    await manager.query(`DELETE FROM login_throttle WHERE throttle_key = $1`, [key]);
  }

  /** Has this user name logged in from this address (within the housekeeping's 90 days)? */
  async isKnownAddress(username: string, address: string, manager: EntityManager): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `SELECT 1 FROM login_known_addresses WHERE username = $1 AND source_address = $2`,
      [username, address],
    );
    return rows.length > 0;
  }

  async rememberAddress(username: string, address: string, now: Date, manager: EntityManager): Promise<void> {
    await manager.query(
      `INSERT INTO login_known_addresses (username, source_address, last_success_at) VALUES ($1, $2, $3)
       ON CONFLICT (username, source_address) DO UPDATE SET last_success_at = excluded.last_success_at`,
      [username, address, now],
    );
  }
}
