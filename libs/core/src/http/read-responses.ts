import { ApiProperty } from '@nestjs/swagger';

/** Present on a read asked with `minPosition`: whether the read model had reached it when it answered. */
export class ConsistencyResponse {
  @ApiProperty({ description: "The minPosition asked for (a command answer's `position`)" })
  minPosition: number;

  @ApiProperty({
    description:
      'False when the read model had not reached it within MAX_CONSISTENCY_WAIT_MS: the answer may not show that write yet',
  })
  reached: boolean;
}
