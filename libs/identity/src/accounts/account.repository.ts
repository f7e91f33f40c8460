import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { Role } from '../domain/roles';
import type { Principal } from '../principal/principal';

export interface Account {
  accountId: string;
  username: string;
  displayName: string;
  role: Role;
  centerId?: string;
  region?: string;
  passwordHash: string;
  tokenVersion: number;
  disabledAt?: Date;
  createdAt: Date;
}

type Row = Record<string, unknown>;
/** An id that is not a UUID names no account (and must not reach PostgreSQL's uuid cast as a 500). */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const COLUMNS = `account_id, username, display_name, role, center_id, region, password_hash, token_version, disabled_at, created_at`;

function toAccount(row: Row): Account {
  return {
    accountId: row.account_id as string,
    username: row.username as string,
    displayName: row.display_name as string,
    role: row.role as Role,
    centerId: (row.center_id as string | null) ?? undefined,
    region: (row.region as string | null) ?? undefined,
    passwordHash: row.password_hash as string,
    tokenVersion: row.token_version as number,
    disabledAt: (row.disabled_at as Date | null) ?? undefined,
    createdAt: row.created_at as Date,
  };
}

export function principalOf(
  account: Pick<Account, 'accountId' | 'username' | 'displayName' | 'role' | 'centerId' | 'region'>,
): Principal {
  const { accountId, username, displayName, role, centerId, region } = account;
  return {
    accountId,
    username,
    displayName,
    role,
    ...(centerId ? { centerId } : {}),
    ...(region ? { region } : {}),
    provider: 'local',
  };
}

/** User names are compared as typed at creation: trimmed, NFC, lower case. */
export function normalizeUsername(username: string): string {
  return username.trim().normalize('NFC').toLowerCase();
}

/** The `accounts` table. Methods take the transaction's manager when they are part of one. */
@Injectable()
export class AccountRepository {
  constructor(private readonly dataSource: DataSource) {}

  private q(manager?: EntityManager) {
    return manager ?? this.dataSource;
  }

  async findById(accountId: string, manager?: EntityManager): Promise<Account | undefined> {
    if (!UUID.test(accountId)) return undefined;
    const rows: Row[] = await this.q(manager).query(`SELECT ${COLUMNS} FROM accounts WHERE account_id = $1`, [
      accountId,
    ]);
    return rows[0] ? toAccount(rows[0]) : undefined;
  }

  async findByUsername(username: string, manager?: EntityManager): Promise<Account | undefined> {
    const rows: Row[] = await this.q(manager).query(`SELECT ${COLUMNS} FROM accounts WHERE username = $1`, [
      normalizeUsername(username),
    ]);
    return rows[0] ? toAccount(rows[0]) : undefined;
  }

  /** The account, its row locked until the transaction ends: changes to one account are serialized. */
  async lock(accountId: string, manager: EntityManager): Promise<Account | undefined> {
    if (!UUID.test(accountId)) return undefined;
    const rows: Row[] = await manager.query(`SELECT ${COLUMNS} FROM accounts WHERE account_id = $1 FOR UPDATE`, [
      accountId,
    ]);
    return rows[0] ? toAccount(rows[0]) : undefined;
  }

  async list(): Promise<Account[]> {
    const rows: Row[] = await this.dataSource.query(`SELECT ${COLUMNS} FROM accounts ORDER BY username`);
    return rows.map(toAccount);
  }

  /** Inserts the account; false when the user name is taken. */
  async insert(
    account: Omit<Account, 'tokenVersion' | 'disabledAt' | 'createdAt'>,
    manager?: EntityManager,
  ): Promise<boolean> {
    const rows: Row[] = await this.q(manager).query(
      `INSERT INTO accounts (account_id, username, display_name, role, center_id, region, password_hash)
       VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (username) DO NOTHING RETURNING account_id`,
      [
        account.accountId,
        normalizeUsername(account.username),
        account.displayName,
        account.role,
        account.centerId ?? null,
        account.region ?? null,
        account.passwordHash,
      ],
    );
    return rows.length === 1;
  }

  /**
   * Disables or enables the account. Disabling raises the token version, so every access token
   * issued before stops working at its next request.
   */
  async setDisabled(accountId: string, disabled: boolean, manager: EntityManager): Promise<void> {
    await manager.query(
      `UPDATE accounts SET disabled_at = CASE WHEN $2 THEN now() ELSE NULL END,
              token_version = token_version + CASE WHEN $2 THEN 1 ELSE 0 END, updated_at = now()
       WHERE account_id = $1`,
      [accountId, disabled],
    );
  }

  /** Her name as the staff read it (timelines, caseloads read it when asked: the new name shows at once). */
  async setDisplayName(accountId: string, displayName: string, manager: EntityManager): Promise<void> {
    await manager.query(`UPDATE accounts SET display_name = $2, updated_at = now() WHERE account_id = $1`, [
      accountId,
      displayName,
    ]);
  }

  /** A new password hash; with `signOut`, tokens issued before stop working (a reset by an administrator). */
  async setPasswordHash(
    accountId: string,
    passwordHash: string,
    signOut: boolean,
    manager?: EntityManager,
  ): Promise<void> {
    await this.q(manager).query(
      `UPDATE accounts SET password_hash = $2, token_version = token_version + CASE WHEN $3 THEN 1 ELSE 0 END, updated_at = now() WHERE account_id = $1`,
      [accountId, passwordHash, signOut],
    );
  }

  async anyAdministrator(manager: EntityManager): Promise<boolean> {
    const rows: Row[] = await manager.query(`SELECT 1 FROM accounts WHERE role = 'administrator' LIMIT 1`);
    return rows.length > 0;
  }
}
