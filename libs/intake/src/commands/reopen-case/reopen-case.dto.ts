import { ApiProperty } from '@nestjs/swagger';
import { IsDateOnly } from '@saeil/core';
import { IsClientId, IsReason } from '../client-fields';

/** The HTTP body of POST /clients/:clientId/reopening. */
export class ReopenCaseBody {
  @ApiProperty({ example: '퇴사 후 재취업 희망' })
  @IsReason()
  reason: string;

  @ApiProperty({ example: '2026-11-21', description: 'YYYY-MM-DD (not in the future)' })
  @IsDateOnly()
  reopenedOn: string;
}

/** The command as both doors validate it (the Kafka payload carries the client id). */
export class ReopenCaseDto extends ReopenCaseBody {
  @ApiProperty({ format: 'uuid' })
  @IsClientId()
  clientId: string;
}
