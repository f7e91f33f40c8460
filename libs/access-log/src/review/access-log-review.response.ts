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
  @ApiProperty({ type: String, nullable: true, description: 'Why it was exported (file exports ask for a reason)' }) reason: string | null;
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
  @ApiProperty() seq: number;
  @ApiProperty({ enum: ['hash', 'link', 'gap'], description: 'hash: the row no longer matches its hash; link: its prev_hash is not the previous row\'s hash; gap: a row is missing before it' })
  problem: 'hash' | 'link' | 'gap';
}

export class ChainVerdictResponse {
  @ApiProperty() ok: boolean;
  @ApiProperty({ description: 'Rows of the month checked' }) rows: number;
  @ApiProperty({ type: ChainBreakResponse, required: false, description: 'The first broken row, when ok is false' }) brokenAt?: ChainBreakResponse;
}
