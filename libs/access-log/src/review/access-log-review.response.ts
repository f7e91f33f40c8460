import { INTEGRITY_PROBLEMS } from '../anchoring/access-log-verification';
import type { IntegrityProblem } from '../anchoring/access-log-verification';
import { ApiProperty } from '@nestjs/swagger';

export class AccessLogEntryResponse {
  @ApiProperty() seq: number;
  @ApiProperty({ description: 'When (ISO 8601, UTC)' }) at: string;
  @ApiProperty() actorId: string;
  @ApiProperty({ enum: ['account', 'header'] }) actorKind: 'account' | 'header';
  @ApiProperty({ type: String, nullable: true }) actorCenterId: string | null;
  @ApiProperty() sourceAddress: string;
  @ApiProperty({ example: 'read.timeline' }) action: string;
  @ApiProperty({ type: String, nullable: true }) subjectClientId: string | null;
  @ApiProperty() route: string;
  @ApiProperty({ type: String, nullable: true, description: 'Why it was exported (file exports ask for a reason)' })
  reason: string | null;
  @ApiProperty() prevHash: string;
  @ApiProperty() hash: string;
}

export class AccessLogPage {
  @ApiProperty({ example: '2026-03' }) month: string;
  @ApiProperty({ type: [AccessLogEntryResponse], description: 'Oldest first' }) items: AccessLogEntryResponse[];
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
  @ApiProperty() total: number;
}

export class ChainBreakResponse {
  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'The first row found wrong (null: the anchors themselves, or an emptied log)',
  })
  seq: number | null;
  @ApiProperty({
    enum: INTEGRITY_PROBLEMS,
    description:
      "hash: the row no longer matches its hash; link: its prev_hash is not the previous row's hash; gap: a row is missing before it; genesis: the log does not start at the chain's start (rows deleted at the beginning); anchor: rows no longer hash to a head anchored outside the database (rewritten and recomputed); truncated/missing: fewer rows than an anchor vouches for; unauthentic-anchor: an anchor not made with ACCESS_LOG_MAC_KEY",
  })
  problem: IntegrityProblem;
}

export class ChainVerdictResponse {
  @ApiProperty() ok: boolean;
  @ApiProperty({ description: 'Rows of the month checked' }) rows: number;
  @ApiProperty({
    type: Number,
    nullable: true,
    description:
      'The last row an anchor published outside the database vouches for (null: none yet); rows after it are checked by the hash chain alone',
  })
  anchoredThrough: number | null;
  @ApiProperty({ description: 'Authentic head anchors read (from the Kafka topic or the anchor file)' })
  anchors: number;
  @ApiProperty({ type: ChainBreakResponse, required: false, description: 'The first problem found, when ok is false' })
  brokenAt?: ChainBreakResponse;
  @ApiProperty({ required: false, description: 'What the problem means, in Korean, when ok is false' }) reason?: string;
}
