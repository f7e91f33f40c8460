import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsCenterOrCounselorId } from '@saeil/core';
import { Absent, IsClientId, IsReason } from '../client-fields';

/** The HTTP body of POST /clients/:clientId/assignment. */
export class AssignCounselorBody {
  @ApiProperty({ example: 'center-jinju', description: 'the center taking her case (the same one, or another for a transfer)' })
  @IsCenterOrCounselorId()
  centerId: string;

  @ApiProperty({ example: 'counselor-lee' })
  @IsCenterOrCounselorId()
  counselorId: string;

  @ApiPropertyOptional({ example: '거주지 이전' })
  @Absent() @IsReason()
  reason?: string;
}

/** The command as both doors validate it (the Kafka payload carries the client id). */
export class AssignCounselorDto extends AssignCounselorBody {
  @ApiProperty({ format: 'uuid' })
  @IsClientId()
  clientId: string;
}
