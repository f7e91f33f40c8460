import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { isUuid } from '@saeil/core';

/**
 * Staff names for reads: who recorded an event, who carries a case. Read when asked (not copied
 * into read models), so a renamed account shows its new name everywhere at once. Only the display
 * name leaves identity; an id that is no account (a system actor, a counselor id written before
 * counselors were accounts) has no name.
 */
@Injectable()
export class AccountDirectory {
  constructor(private readonly dataSource: DataSource) {}

  async displayNames(ids: Iterable<string | null | undefined>): Promise<Map<string, string>> {
    const accountIds = [...new Set([...ids].filter((id): id is string => isUuid(id)))];
    if (accountIds.length === 0) return new Map();
    const rows: { account_id: string; display_name: string }[] = await this.dataSource.query(
      `SELECT account_id::text AS account_id, display_name FROM accounts WHERE account_id = ANY($1::uuid[])`,
      [accountIds],
    );
    return new Map(rows.map((r) => [r.account_id, r.display_name]));
  }
}
