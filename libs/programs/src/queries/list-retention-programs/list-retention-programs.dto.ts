import { ApiProperty } from '@nestjs/swagger';
import { Matches } from 'class-validator';
import { ReadYourWritesDto } from '../read-your-writes.dto';

export class ListRetentionProgramsDto extends ReadYourWritesDto {
  @ApiProperty({ example: 'center-naju' })
  @Matches(/^[\w-]{1,64}$/, { message: 'centerId must be a center id' })
  centerId: string;
}
