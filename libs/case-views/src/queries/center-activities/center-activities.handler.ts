import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { SaeilConfig } from '@saeil/config';
import { AccountDirectory } from '@saeil/identity';
import { ReadModelConsistency } from '@saeil/projections';
import { centerActivitiesProjection } from '../../projections/center-activities.projection';
import { CenterActivitiesQuery } from './center-activities.query';
import type { CenterActivitiesPageResponse } from './center-activities.response';

interface Row {
  kind: string;
  activity_id: string;
  center_id: string;
  title: string;
  on_date: string | null;
  details: Record<string, unknown>;
  total: number;
}

/** One center's activities, newest first (employers, which have no date, by name after the dated ones). */
@QueryHandler(CenterActivitiesQuery)
export class CenterActivitiesHandler implements IQueryHandler<CenterActivitiesQuery, CenterActivitiesPageResponse> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly consistency: ReadModelConsistency,
    private readonly config: SaeilConfig,
    private readonly accounts: AccountDirectory,
  ) {}

  async execute({ filter }: CenterActivitiesQuery): Promise<CenterActivitiesPageResponse> {
    const consistency = filter.minPosition
      ? {
          minPosition: filter.minPosition,
          reached: await this.consistency.waitFor(
            centerActivitiesProjection,
            filter.minPosition,
            this.config.MAX_CONSISTENCY_WAIT_MS,
          ),
        }
      : undefined;
    const page = filter.page ?? 1;
    const pageSize = filter.pageSize ?? 50;
    const rows: Row[] = await this.dataSource.query(
      `SELECT kind, activity_id, center_id, title, to_char(on_date, 'YYYY-MM-DD') AS on_date, details, count(*) OVER ()::int AS total
         FROM rm_center_activities
        WHERE center_id = $1 AND ($2::text IS NULL OR kind = $2)
        ORDER BY on_date DESC NULLS LAST, title, activity_id
        LIMIT $3 OFFSET $4`,
      [filter.centerId, filter.kind ?? null, pageSize, (page - 1) * pageSize],
    );
    const total = rows[0]?.total ?? (page > 1 ? await this.count(filter.centerId, filter.kind) : 0);
    // The staff who went out to an outreach, by name as the caseload names a counselor (the screen
    // showed their account ids): one read of the accounts for the whole page.
    const counselorIds = (r: Row) =>
      Array.isArray(r.details.counselorIds) ? (r.details.counselorIds as string[]) : [];
    const names = await this.accounts.displayNames(rows.flatMap(counselorIds));
    const withNames = (r: Row) => {
      const ids = counselorIds(r);
      return ids.length === 0
        ? r.details
        : {
            ...r.details,
            counselorNames: Object.fromEntries(ids.filter((id) => names.has(id)).map((id) => [id, names.get(id)!])),
          };
    };
    return {
      items: rows.map((r) => ({
        kind: r.kind,
        id: r.activity_id,
        centerId: r.center_id,
        title: r.title,
        date: r.on_date,
        details: withNames(r),
      })),
      page,
      pageSize,
      total,
      ...(consistency ? { consistency } : {}),
    };
  }

  private async count(centerId: string, kind: string | undefined): Promise<number> {
    const [row] = await this.dataSource.query(
      `SELECT count(*)::int AS n FROM rm_center_activities WHERE center_id = $1 AND ($2::text IS NULL OR kind = $2)`,
      [centerId, kind ?? null],
    );
    return row.n;
  }
}
