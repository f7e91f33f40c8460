import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { SaeilConfig } from '@saeil/config';
import { ReadModelConsistency } from '@saeil/projections';
import { ValidationFailed } from '@saeil/core';
import { caseloadProjection } from '../../projections/caseload.projection';
import { FindCaseloadQuery } from './find-caseload.query';

export interface CaseloadItem {
  clientId: string;
  centerId: string;
  counselorId: string;
  name: string;
  birthDate: string;
  phone: string;
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
  name: 'name ASC, client_id',
};

@QueryHandler(FindCaseloadQuery)
export class FindCaseloadHandler implements IQueryHandler<FindCaseloadQuery, CaseloadPage> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly consistency: ReadModelConsistency,
    private readonly config: SaeilConfig,
  ) {}

  async execute({ filter, centerIds }: FindCaseloadQuery): Promise<CaseloadPage> {
    if (!filter.counselorId && !filter.centerId) {
      throw new ValidationFailed([{ field: 'counselorId', code: 'required', message: 'counselorId or centerId is required' }]);
    }
    const page = filter.page ?? 1;
    const pageSize = filter.pageSize ?? 50;
    let consistency: CaseloadPage['consistency'];
    if (filter.minPosition) {
      const wait = Math.min(filter.waitMs ?? this.config.MAX_CONSISTENCY_WAIT_MS, this.config.MAX_CONSISTENCY_WAIT_MS);
      consistency = { minPosition: filter.minPosition, reached: await this.consistency.waitFor(caseloadProjection, filter.minPosition, wait) };
    }
    const where = [
      'registered_at IS NOT NULL',
      '($1::text IS NULL OR counselor_id = $1)',
      '($2::text IS NULL OR center_id = $2)',
      '($3::text IS NULL OR status = $3)',
      `($4::text IS NULL OR name ILIKE '%' || replace(replace(replace($4, '\\', '\\\\'), '%', '\\%'), '_', '\\_') || '%')`,
      '($5::date IS NULL OR next_action_due <= $5)',
      '($6::text[] IS NULL OR center_id = ANY($6))',
    ].join(' AND ');
    const params = [filter.counselorId ?? null, filter.centerId ?? null, filter.status ?? null, filter.q?.trim() || null, filter.nextActionDueBefore ?? null, centerIds];
    const [{ total }] = await this.dataSource.query(`SELECT count(*)::int AS total FROM rm_caseload WHERE ${where}`, params);
    const rows: Record<string, any>[] = await this.dataSource.query(
      `SELECT client_id, center_id, counselor_id, name, to_char(birth_date, 'YYYY-MM-DD') AS birth_date, phone, region, status, registered_at,
              to_char(last_contact_on, 'YYYY-MM-DD') AS last_contact_on, next_action, to_char(next_action_due, 'YYYY-MM-DD') AS next_action_due, last_event_at
         FROM rm_caseload WHERE ${where}
        ORDER BY ${ORDER[filter.sort ?? 'registered']} LIMIT $7 OFFSET $8`,
      [...params, pageSize, (page - 1) * pageSize],
    );
    return {
      items: rows.map((r) => ({
        clientId: r.client_id,
        centerId: r.center_id,
        counselorId: r.counselor_id,
        name: r.name,
        birthDate: r.birth_date,
        phone: r.phone,
        region: r.region,
        status: r.status,
        registeredAt: new Date(r.registered_at).toISOString(),
        lastContactOn: r.last_contact_on,
        nextAction: r.next_action ? { description: r.next_action, dueOn: r.next_action_due } : null,
        lastEventAt: new Date(r.last_event_at).toISOString(),
      })),
      page,
      pageSize,
      total,
      consistency,
    };
  }
}
