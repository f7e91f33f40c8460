import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

export type AccountAuditAction =
  | 'account_created'
  | 'account_disabled'
  | 'account_enabled'
  | 'account_renamed'
  | 'password_reset'
  | 'password_changed'
  | 'login_succeeded'
  | 'login_failed'
  | 'refresh_token_reused'
  | 'logged_out';

export interface AccountAuditEntry {
  action: AccountAuditAction;
  /** The account concerned, when there is one (a failed login may name no account). */
  accountId?: string;
  /** Who did it: the administrator, or the account itself. */
  actorId?: string;
  sourceAddress?: string;
  details?: Record<string, unknown>;
}

/**
 * The audit trail of the account tables: since accounts are rows that change in place, this is
 * where who created, disabled or reset what, and every login, is kept. Written in the same
 * transaction as the change it records.
 */
@Injectable()
export class AccountAudit {
  constructor(private readonly dataSource: DataSource) {}

  async record(entry: AccountAuditEntry, manager?: EntityManager): Promise<void> {
    await (manager ?? this.dataSource).query(
      `INSERT INTO account_audit (account_id, actor_id, action, source_address, details) VALUES ($1, $2, $3, $4, $5)`,
      [
        entry.accountId ?? null,
        entry.actorId ?? null,
        entry.action,
        entry.sourceAddress ?? null,
        JSON.stringify(entry.details ?? {}),
      ],
    );
  }

  /** The newest entries first (all accounts, or one). */
  async list(options: { accountId?: string; limit: number }): Promise<
    {
      auditId: string;
      recordedAt: string;
      accountId?: string;
      actorId?: string;
      action: string;
      sourceAddress?: string;
      details: Record<string, unknown>;
    }[]
  > {
    const rows = await this.dataSource.query<
      {
        audit_id: string;
        recorded_at: Date;
        account_id: string | null;
        actor_id: string | null;
        action: string;
        source_address: string | null;
        details: Record<string, unknown>;
      }[]
    >(
      `SELECT audit_id, recorded_at, account_id, actor_id, action, source_address, details FROM account_audit
        WHERE ($1::uuid IS NULL OR account_id = $1) ORDER BY audit_id DESC LIMIT $2`,
      [options.accountId ?? null, options.limit],
    );
    return rows.map((r) => ({
      auditId: String(r.audit_id),
      recordedAt: new Date(r.recorded_at).toISOString(),
      ...(r.account_id ? { accountId: r.account_id } : {}),
      ...(r.actor_id ? { actorId: r.actor_id } : {}),
      action: r.action,
      ...(r.source_address ? { sourceAddress: r.source_address } : {}),
      details: r.details ?? {},
    }));
  }
}
