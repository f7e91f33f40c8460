import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** One bad field of a 400 VALIDATION_FAILED (or the field a 403 OUT_OF_SCOPE names). */
export class FieldErrorResponse {
  @ApiProperty({
    description: 'Dotted path of the offending field (`birthDate`, `milestones.0.n`, `(body)` for the body itself)',
    example: 'birthDate',
  })
  field: string;

  @ApiProperty({
    description:
      'Machine-readable reason: the class-validator rule that failed (`isDateString`, `whitelistValidation`, …), or `pathMismatch`, `maxDepth`, `forbiddenKey`, `outOfScope`',
    example: 'isDateString',
  })
  code: string;

  @ApiProperty({
    description: 'In Korean, naming the field by its label; one entry per field',
    example: '상담 주제를 입력하세요.',
  })
  message: string;
}

export class ErrorDetailResponse {
  @ApiProperty({
    description:
      'Machine-readable code: VALIDATION_FAILED, MALFORMED_REQUEST, AUTHENTICATION_REQUIRED, ACCESS_DENIED, OUT_OF_SCOPE, NOT_FOUND, VERSION_CONFLICT, a business rule code (422), …',
    example: 'VALIDATION_FAILED',
  })
  code: string;

  @ApiProperty({
    description: 'For a person to read, in Korean',
    example: '입력값이 올바르지 않습니다. 상담 주제를 입력하세요.',
  })
  message: string;

  @ApiPropertyOptional({
    type: [FieldErrorResponse],
    description:
      'Every bad field once (400 VALIDATION_FAILED: the first rule it breaks, presence and type before length and range), or the field out of her scope (403 OUT_OF_SCOPE)',
  })
  fields?: FieldErrorResponse[];

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    description: 'Facts of a refused business rule (422), when the rule gives them',
  })
  details?: Record<string, unknown>;
}

/** The body of every error answer (`SaeilErrorFilter`, the only place errors become HTTP). */
export class ErrorResponse {
  @ApiProperty({ type: ErrorDetailResponse })
  error: ErrorDetailResponse;
}
