import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches } from 'class-validator';
import { ACTIVITY_KINDS, type ActivityKind } from '../../center-activities/activity-kinds';
import { PagedReadDto } from '../paging.dto';

export class CenterActivitiesDto extends PagedReadDto {
  @ApiProperty({ example: 'center-naju' })
  @Matches(/^[\w-]{1,64}$/, { message: 'centerId must be a center id' })
  centerId: string;

  @ApiPropertyOptional({ enum: ACTIVITY_KINDS, description: 'One kind of activity; all kinds when left out' })
  @IsOptional()
  @IsIn(ACTIVITY_KINDS)
  kind?: ActivityKind;
}
