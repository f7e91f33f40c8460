import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsCenterOrCounselorId } from '@saeil/core';
import { Absent, IsClientId, IsReason } from '../client-fields';

/** The HTTP body of POST /clients/:clientId/assignment. */
export class AssignCounselorBody {
  @ApiProperty({
    example: 'center-jinju',
    description: 'the center taking her case (the same one, or another for a transfer)',
  })
  @IsCenterOrCounselorId()
  centerId: string;

  @ApiProperty({
    example: '8b2d4f60-1c9e-4a37-b5d8-6e0f2a9c4b13',
    description: 'account id of a counselor or supervisor of the center taking her case',
  })
  @IsCenterOrCounselorId()
  counselorId: string;

  @ApiPropertyOptional({ example: '거주지 이전' })
  @Absent()
  @IsReason()
  reason?: string;
}

/** The command as both doors validate it (the Kafka payload carries the client id). */
export class AssignCounselorDto extends AssignCounselorBody {
  @ApiProperty({ format: 'uuid' })
  @IsClientId()
  clientId: string;
}
