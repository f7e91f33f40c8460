import { ApiProperty } from '@nestjs/swagger';

export class CourseResponse {
  @ApiProperty() courseId: string;
  @ApiProperty({ description: 'Center running (or commissioning) the course' }) centerId: string;
  @ApiProperty() title: string;
  @ApiProperty({ description: '훈련기관: who delivers it' }) provider: string;
  @ApiProperty({ description: "훈련 분야, e.g. '간호조무사'" }) field: string;
  @ApiProperty({ format: 'date' }) startsOn: string;
  @ApiProperty({ format: 'date' }) endsOn: string;
  @ApiProperty({ description: 'Total training hours' }) hours: number;
  @ApiProperty({ description: '정원: most trainees enrolled at once' }) capacity: number;
  @ApiProperty({ description: 'Seats taken: enrolled or completed (a dropout frees her seat)' }) enrolled: number;
  @ApiProperty() remainingCapacity: number;
  @ApiProperty() completed: number;
  @ApiProperty() droppedOut: number;
  @ApiProperty() streamVersion: number;
}
