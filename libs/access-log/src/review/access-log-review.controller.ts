import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { NotFound } from '@saeil/core';
import { CurrentAccess, type RequestAccess, Roles } from '@saeil/identity';
import { ChainedEntry, ChainVerdict, verifyChain } from '../domain/hash-chain';
import { AccessLogMonthDto, AccessLogReviewDto } from './access-log-review.dto';

// A month in Korean time, as the supervisor's calendar has it.
const MONTH_START = `(($1 || '-01')::timestamp AT TIME ZONE 'Asia/Seoul')`;
const MONTH_END = `((($1 || '-01')::timestamp + interval '1 month') AT TIME ZONE 'Asia/Seoul')`;
const COLUMNS = `seq, at, actor_id, actor_kind, actor_center_id, source_address, action, subject_client_id, route, reason, outcome, prev_hash, hash`;

export interface AccessLogPage {
  month: string;
  items: ChainedEntry[];
  page: number;
  pageSize: number;
  total: number;
}

/**
 * The supervisors' monthly review of the 접속기록 and its integrity check. A supervisor reviews
 * what the accounts of her center did (another center's id answers 404); the administrator
 * reviews any center's or everyone's, and alone verifies the chain.
 */
@ApiTags('access-log')
@Controller('access-log')
export class AccessLogReviewController {
  constructor(private readonly dataSource: DataSource) {}

  @Get()
  @ApiOperation({ summary: '접속기록 monthly review: who read or exported whose data, when, from where (oldest first, paged)' })
  @Roles('supervisor', 'administrator')
  async review(@Query() q: AccessLogReviewDto, @CurrentAccess() access: RequestAccess): Promise<AccessLogPage> {
    const centerId = access.scope.kind === 'center' ? access.scope.centerId : q.centerId;
    if (q.centerId !== undefined && !access.coversCenter(q.centerId)) throw new NotFound('센터', q.centerId);
    const page = q.page ?? 1;
    const pageSize = q.pageSize ?? 100;
    const where = `at >= ${MONTH_START} AND at < ${MONTH_END} AND ($2::text IS NULL OR actor_center_id = $2)`;
    const [{ total }] = await this.dataSource.query(`SELECT count(*)::int AS total FROM access_log WHERE ${where}`, [q.month, centerId ?? null]);
    const rows = await this.dataSource.query(`SELECT ${COLUMNS} FROM access_log WHERE ${where} ORDER BY seq LIMIT $3 OFFSET $4`, [q.month, centerId ?? null, pageSize, (page - 1) * pageSize]);
    return { month: q.month, items: rows.map(toEntry), page, pageSize, total };
  }

  @Get('verify')
  @ApiOperation({ summary: "Recomputes the month's hash chain from the row before it: { ok, rows } or the first broken row" })
  @Roles('administrator')
  async verify(@Query() q: AccessLogMonthDto): Promise<ChainVerdict> {
    const rows = (await this.dataSource.query(`SELECT ${COLUMNS} FROM access_log WHERE at >= ${MONTH_START} AND at < ${MONTH_END} ORDER BY seq`, [q.month])).map(toEntry);
    if (rows.length === 0) return { ok: true, rows: 0 };
    const [before] = await this.dataSource.query(`SELECT ${COLUMNS} FROM access_log WHERE seq < $1 ORDER BY seq DESC LIMIT 1`, [rows[0].seq]);
    return verifyChain(rows, before ? toEntry(before) : undefined);
  }
}

function toEntry(r: Record<string, unknown>): ChainedEntry {
  return {
    seq: Number(r.seq),
    at: (r.at as Date).toISOString(),
    actorId: r.actor_id as string,
    actorKind: r.actor_kind as ChainedEntry['actorKind'],
    actorCenterId: (r.actor_center_id as string | null) ?? null,
    sourceAddress: r.source_address as string,
    action: r.action as string,
    subjectClientId: (r.subject_client_id as string | null) ?? null,
    route: r.route as string,
    reason: (r.reason as string | null) ?? null,
    outcome: (r.outcome as ChainedEntry['outcome']) ?? null,
    prevHash: r.prev_hash as string,
    hash: r.hash as string,
  };
}
