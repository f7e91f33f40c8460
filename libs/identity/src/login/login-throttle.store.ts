import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { afterFailure, NO_FAILURES, ThrottlePolicy, ThrottleState } from '../domain/login-throttle';

type Row = { failures: number; window_started_at: Date | null; locked_until: Date | null };

/**
 * The `login_throttle` rows of a login attempt, locked for the attempt's transaction: parallel
 * guesses against one user name or from one address are counted one after the other, so no burst
 * gets more than the allowed number of tries.
 */
@Injectable()
export class LoginThrottleStore {
  /** Locks the keys' rows (created when missing), in a fixed order so two attempts never deadlock. */
  async lock(keys: string[], manager: EntityManager): Promise<Map<string, ThrottleState>> {
    const sorted = [...new Set(keys)].sort();
    await manager.query(`INSERT INTO login_throttle (throttle_key) SELECT unnest($1::text[]) ORDER BY 1 ON CONFLICT (throttle_key) DO NOTHING`, [sorted]);
    const states = new Map<string, ThrottleState>();
    for (const key of sorted) {
      const [row]: Row[] = await manager.query(`SELECT failures, window_started_at, locked_until FROM login_throttle WHERE throttle_key = $1 FOR UPDATE`, [key]);
      states.set(key, row ? { failures: row.failures, windowStartedAt: row.window_started_at, lockedUntil: row.locked_until } : NO_FAILURES);
    }
    return states;
  }

  async recordFailure(key: string, state: ThrottleState, now: Date, policy: ThrottlePolicy, manager: EntityManager): Promise<ThrottleState> {
    const next = afterFailure(state, now, policy);
    await this.save(key, next, manager);
    return next;
  }

  /** After a successful login: the row goes, so the table holds only keys with recent failures. */
  async clear(key: string, manager: EntityManager): Promise<void> {
    await manager.query(`DELETE FROM login_throttle WHERE throttle_key = $1`, [key]);
  }

  private async save(key: string, state: ThrottleState, manager: EntityManager): Promise<void> {
    await manager.query(`UPDATE login_throttle SET failures = $2, window_started_at = $3, locked_until = $4 WHERE throttle_key = $1`, [key, state.failures, state.windowStartedAt, state.lockedUntil]);
  }
}
