import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** One bad field of a 400 VALIDATION_FAILED (or the field a 403 OUT_OF_SCOPE names). */
export class FieldErrorResponse {
  @ApiProperty({ description: 'Dotted path of the offending field (`birthDate`, `milestones.0.n`, `(body)` for the body itself)', example: 'birthDate' })
  field: string;

  @ApiProperty({ description: 'Machine-readable reason: the class-validator rule that failed (`isDateString`, `whitelistValidation`, …), or `pathMismatch`, `maxDepth`, `forbiddenKey`, `outOfScope`', example: 'isDateString' })
  code: string;

  @ApiProperty({ example: 'birthDate must be a valid ISO 8601 date string' })
  message: string;
}

export class ErrorDetailResponse {
  @ApiProperty({ description: 'Machine-readable code: VALIDATION_FAILED, MALFORMED_REQUEST, AUTHENTICATION_REQUIRED, ACCESS_DENIED, OUT_OF_SCOPE, NOT_FOUND, VERSION_CONFLICT, a business rule code (422), …', example: 'VALIDATION_FAILED' })
  code: string;

  @ApiProperty({ description: 'For a person to read (Korean for business rules)', example: '입력값이 올바르지 않습니다: birthDate' })
  message: string;

  @ApiPropertyOptional({ type: [FieldErrorResponse], description: 'Every bad field (400 VALIDATION_FAILED), or the field out of her scope (403 OUT_OF_SCOPE)' })
  fields?: FieldErrorResponse[];

  @ApiPropertyOptional({ type: 'object', additionalProperties: true, description: 'Facts of a refused business rule (422), when the rule gives them' })
  details?: Record<string, unknown>;
}

/** The body of every error answer (`SaeilErrorFilter`, the only place errors become HTTP). */
export class ErrorResponse {
  @ApiProperty({ type: ErrorDetailResponse })
  error: ErrorDetailResponse;
}
