import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { SaeilConfig } from '@saeil/config';
import { ReadModelConsistency } from '@saeil/projections';
import { retentionProgramsProjection } from '../projections/retention-programs.projection';
import { BenefitSum, ProgramRow, programView, RetentionProgramView } from './program-view';

/** Reads programs and their benefit sums from the read model (after waiting for minPosition, when given). */
@Injectable()
export class ProgramViews {
  constructor(
    private readonly dataSource: DataSource,
    private readonly consistency: ReadModelConsistency,
    private readonly config: SaeilConfig,
  ) {}

  async consistent(minPosition: number | undefined): Promise<{ minPosition: number; reached: boolean } | undefined> {
    if (!minPosition) return undefined;
    return {
      minPosition,
      reached: await this.consistency.waitFor(
        retentionProgramsProjection,
        minPosition,
        this.config.MAX_CONSISTENCY_WAIT_MS,
      ),
    };
  }

  async find(where: { programId?: string; centerId?: string }): Promise<RetentionProgramView[]> {
    const rows: ProgramRow[] = await this.dataSource.query(
      `SELECT program_id, center_id, name, to_char(period_from, 'YYYY-MM-DD') AS period_from, to_char(period_to, 'YYYY-MM-DD') AS period_to, revision, milestones, budget
         FROM rm_retention_programs
        WHERE ($1::uuid IS NULL OR program_id = $1) AND ($2::text IS NULL OR center_id = $2)
        ORDER BY period_from DESC, name, program_id`,
      [where.programId ?? null, where.centerId ?? null],
    );
    if (rows.length === 0) return [];
    const sums: (BenefitSum & { program_id: string })[] = await this.dataSource.query(
      `SELECT program_id, n::int AS n, funding_source, count(*)::int AS given, count(over_plan_reason)::int AS over_plan, sum(unit_cost)::bigint AS executed
         FROM rm_retention_program_benefits WHERE program_id = ANY($1::uuid[])
        GROUP BY program_id, n, funding_source`,
      [rows.map((r) => r.program_id)],
    );
    return rows.map((row) =>
      programView(
        row,
        sums.filter((s) => s.program_id === row.program_id).map((s) => ({ ...s, executed: Number(s.executed) })),
      ),
    );
  }
}
