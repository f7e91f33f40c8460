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
  status: string;
  registeredAt: string;
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

@QueryHandler(FindCaseloadQuery)
export class FindCaseloadHandler implements IQueryHandler<FindCaseloadQuery, CaseloadPage> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly consistency: ReadModelConsistency,
    private readonly config: SaeilConfig,
  ) {}

  async execute({ filter }: FindCaseloadQuery): Promise<CaseloadPage> {
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
    const where = ['($1::text IS NULL OR counselor_id = $1)', '($2::text IS NULL OR center_id = $2)'].join(' AND ');
    const params = [filter.counselorId ?? null, filter.centerId ?? null];
    const [{ total }] = await this.dataSource.query(`SELECT count(*)::int AS total FROM rm_caseload WHERE ${where}`, params);
    const rows: Record<string, any>[] = await this.dataSource.query(
      `SELECT client_id, center_id, counselor_id, name, to_char(birth_date, 'YYYY-MM-DD') AS birth_date, phone, status, registered_at, last_event_at
         FROM rm_caseload WHERE ${where}
        ORDER BY registered_at DESC, client_id LIMIT $3 OFFSET $4`,
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
        status: r.status,
        registeredAt: new Date(r.registered_at).toISOString(),
        lastEventAt: new Date(r.last_event_at).toISOString(),
      })),
      page,
      pageSize,
      total,
      consistency,
    };
  }
}
