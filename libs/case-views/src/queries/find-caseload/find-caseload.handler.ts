import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { SaeilConfig } from '@saeil/config';
import { ReadModelConsistency } from '@saeil/projections';
import { ValidationFailed } from '@saeil/core';
import { AccountDirectory } from '@saeil/identity';
import { IdentityHasher } from '@saeil/intake';
import { openStoredPersonalData, PrivacyVault } from '@saeil/privacy';
import type { ClientIdentityFields } from '@saeil/contracts';
import { caseloadProjection } from '../../projections/caseload.projection';
import { FindCaseloadQuery } from './find-caseload.query';

export interface CaseloadItem {
  clientId: string;
  centerId: string;
  counselorId: string;
  /** Her counselor's display name (read now: a rename shows); null when the id is no account (written before counselors were accounts). */
  counselorName: string | null;
  /** Opened from her sealed identity when asked; null once she is erased. */
  name: string | null;
  birthDate: string | null;
  phone: string | null;
  /** In clear (age band), erased or not. */
  birthYear: number | null;
  /** Her personal data was erased: name, birth date and phone are gone for good. */
  erased: boolean;
  region: string;
  status: string;
  registeredAt: string;
  lastContactOn: string | null;
  nextAction: { description: string; dueOn: string } | null;
  lastEventAt: string;
}

export interface CaseloadPage {
  items: CaseloadItem[];
  page: number;
  pageSize: number;
  total: number;
  /** Present when the caller asked for minPosition: whether the read model had reached it. */
  consistency?: { minPosition: number; reached: boolean };
}

const ORDER: Record<string, string> = {
  registered: 'registered_at DESC, client_id',
  lastContact: 'last_contact_on ASC NULLS FIRST, client_id',
  nextActionDue: 'next_action_due ASC NULLS LAST, client_id',
};

@QueryHandler(FindCaseloadQuery)
export class FindCaseloadHandler implements IQueryHandler<FindCaseloadQuery, CaseloadPage> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly consistency: ReadModelConsistency,
    private readonly config: SaeilConfig,
    private readonly vault: PrivacyVault,
    private readonly hasher: IdentityHasher,
    private readonly accounts: AccountDirectory,
  ) {}

  async execute({ filter, centerIds }: FindCaseloadQuery): Promise<CaseloadPage> {
    if (!filter.counselorId && !filter.centerId && !filter.clientId) {
      throw new ValidationFailed([
        { field: 'counselorId', code: 'required', message: 'counselorId, centerId or clientId is required' },
      ]);
    }
    const page = filter.page ?? 1;
    const pageSize = filter.pageSize ?? 50;
    let consistency: CaseloadPage['consistency'];
    if (filter.minPosition) {
      const wait = Math.min(filter.waitMs ?? this.config.MAX_CONSISTENCY_WAIT_MS, this.config.MAX_CONSISTENCY_WAIT_MS);
      consistency = {
        minPosition: filter.minPosition,
        reached: await this.consistency.waitFor(caseloadProjection, filter.minPosition, wait),
      };
    }
    const where = [
      'registered_at IS NOT NULL',
      '($1::text IS NULL OR counselor_id = $1)',
      '($2::text IS NULL OR center_id = $2)',
      '($3::text IS NULL OR status = $3)',
      // Exact match on her search keys (keyed hashes of her name, of her phone): no plaintext to
      // scan. They are intake's write-side index, which her erasure deletes her rows from.
      '($4::text[] IS NULL OR client_id IN (SELECT client_id FROM client_search_keys WHERE search_key = ANY($4)))',
      '($5::date IS NULL OR next_action_due <= $5)',
      '($6::text[] IS NULL OR center_id = ANY($6))',
      '($7::uuid IS NULL OR client_id = $7::uuid)',
    ].join(' AND ');
    const searchKeys = filter.q?.trim() ? this.hasher.searchKeysForQuery(filter.q) : null;
    const params = [
      filter.counselorId ?? null,
      filter.centerId ?? null,
      filter.status ?? null,
      searchKeys,
      filter.nextActionDueBefore ?? null,
      centerIds,
      filter.clientId ?? null,
    ];
    const [{ total }] = await this.dataSource.query(
      `SELECT count(*)::int AS total FROM rm_caseload WHERE ${where}`,
      params,
    );
    const rows: Record<string, any>[] = await this.dataSource.query(
      `SELECT client_id, center_id, counselor_id, personal, birth_year, erased_at, region, status, registered_at,
              to_char(last_contact_on, 'YYYY-MM-DD') AS last_contact_on, next_action, to_char(next_action_due, 'YYYY-MM-DD') AS next_action_due, last_event_at
         FROM rm_caseload WHERE ${where}
        ORDER BY ${ORDER[filter.sort ?? 'registered']} LIMIT $8 OFFSET $9`,
      [...params, pageSize, (page - 1) * pageSize],
    );
    // one key query for the page's envelopes, not one per row
    await this.vault.preloadKeys(rows.filter((r) => r.personal !== null && !r.erased_at).map((r) => r.client_id));
    const names = await this.accounts.displayNames(rows.map((r) => r.counselor_id));
    const items = await Promise.all(
      rows.map(async (r): Promise<CaseloadItem> => {
        const identity = await this.identityOf(r.client_id, r.personal, r.erased_at);
        return {
          clientId: r.client_id,
          centerId: r.center_id,
          counselorId: r.counselor_id,
          counselorName: names.get(r.counselor_id) ?? null,
          name: identity?.name ?? null,
          birthDate: identity?.birthDate ?? null,
          phone: identity?.phone ?? null,
          birthYear: r.birth_year ?? null,
          erased: identity === undefined,
          region: r.region,
          status: r.status,
          registeredAt: new Date(r.registered_at).toISOString(),
          lastContactOn: r.last_contact_on,
          nextAction: r.next_action ? { description: r.next_action, dueOn: r.next_action_due } : null,
          lastEventAt: new Date(r.last_event_at).toISOString(),
        };
      }),
    );
    return {
      items,
      page,
      pageSize,
      total,
      consistency,
    };
  }

  /**
   * Her identity opened through the vault (in this api process; the worker never opens it), or
   * undefined when she is erased: marked so by the projection, or her key destroyed a moment ago
   * and the read model not there yet.
   */
  private async identityOf(
    clientId: string,
    personal: string | null,
    erasedAt: Date | null,
  ): Promise<ClientIdentityFields | undefined> {
    if (erasedAt || personal === null) return undefined;
    const opened = await openStoredPersonalData<ClientIdentityFields>(this.vault, clientId, personal);
    return opened.status === 'open' ? opened.fields : undefined;
  }
}
