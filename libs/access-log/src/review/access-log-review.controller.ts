import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { ApiAnswer, ApiErrors, NotFound } from '@saeil/core';
import { CurrentAccess, type RequestAccess, Roles } from '@saeil/identity';
import { AccessLogAnchoring } from '../anchoring/access-log-anchoring';
import { toEntry, verifyAccessLog } from '../anchoring/access-log-verification';
import { AccessLogMonthDto, AccessLogReviewDto } from './access-log-review.dto';
import { AccessLogPage, ChainVerdictResponse } from './access-log-review.response';

// A month in Korean time, as the supervisor's calendar has it.
const MONTH_START = `(($1 || '-01')::timestamp AT TIME ZONE 'Asia/Seoul')`;
const MONTH_END = `((($1 || '-01')::timestamp + interval '1 month') AT TIME ZONE 'Asia/Seoul')`;
const COLUMNS = `seq, at, actor_id, actor_kind, actor_center_id, source_address, action, subject_client_id, route, reason, outcome, prev_hash, hash`;

/**
 * The supervisors' monthly review of the 접속기록 and its integrity check. A supervisor reviews
 * what the accounts of her center did (another center's id answers 404); the administrator
 * reviews any center's or everyone's, and alone verifies the chain.
 */
@ApiTags('access-log')
@Controller('access-log')
export class AccessLogReviewController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly anchoring: AccessLogAnchoring,
  ) {}

  @Get()
  @ApiOperation({
    summary: '접속기록 monthly review: who read or exported whose data, when, from where (oldest first, paged)',
  })
  @Roles('supervisor', 'administrator')
  @ApiAnswer(AccessLogPage)
  @ApiErrors(404)
  async review(@Query() q: AccessLogReviewDto, @CurrentAccess() access: RequestAccess): Promise<AccessLogPage> {
    const centerId = access.scope.kind === 'center' ? access.scope.centerId : q.centerId;
    if (q.centerId !== undefined && !access.coversCenter(q.centerId)) throw new NotFound('센터', q.centerId);
    const page = q.page ?? 1;
    const pageSize = q.pageSize ?? 100;
    const where = `at >= ${MONTH_START} AND at < ${MONTH_END} AND ($2::text IS NULL OR actor_center_id = $2)`;
    const [{ total }] = await this.dataSource.query(`SELECT count(*)::int AS total FROM access_log WHERE ${where}`, [
      q.month,
      centerId ?? null,
    ]);
    const rows = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM access_log WHERE ${where} ORDER BY seq LIMIT $3 OFFSET $4`,
      [q.month, centerId ?? null, pageSize, (page - 1) * pageSize],
    );
    return { month: q.month, items: rows.map(toEntry), page, pageSize, total };
  }

  @Get('verify')
  @ApiOperation({
    summary:
      "Recomputes the month's hash chain from the row before it, and checks the whole log against the anchors published outside the database (genesis, anchored heads, rows up to the last anchor): { ok, rows, anchoredThrough, anchors } or where and why it is broken",
  })
  @Roles('administrator')
  @ApiAnswer(ChainVerdictResponse)
  async verify(@Query() q: AccessLogMonthDto): Promise<ChainVerdictResponse> {
    return verifyAccessLog(this.dataSource, this.anchoring, q.month);
  }
}
