import { ApiProperty } from '@nestjs/swagger';
import { IsDateOnly } from '@saeil/core';
import { IsClientId, IsReason } from '../client-fields';

/** The HTTP body of POST /clients/:clientId/closure. */
export class CloseCaseBody {
  @ApiProperty({ example: '취업 후 사후관리 종료' })
  @IsReason()
  reason: string;

  @ApiProperty({ example: '2026-11-20', description: 'YYYY-MM-DD (not in the future)' })
  @IsDateOnly()
  closedOn: string;
}

/** The command as both doors validate it (the Kafka payload carries the client id). */
export class CloseCaseDto extends CloseCaseBody {
  @ApiProperty({ format: 'uuid' })
  @IsClientId()
  clientId: string;
}
