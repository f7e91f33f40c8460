import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { IsQueryInt, IsRecordId } from '@saeil/core';
import { Role, ROLES } from '../domain/roles';

export class CreateAccountDto {
  @ApiProperty({ example: 'kim.counselor', description: '3-64 lower-case letters, digits, ".", "_" or "-"' })
  @IsString()
  @Matches(/^[a-z0-9][a-z0-9._-]{2,63}$/, {
    message: 'username must be 3-64 lower-case letters, digits, ".", "_" or "-", starting with a letter or digit',
  })
  username: string;

  @ApiPropertyOptional({ example: '김상담' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  displayName?: string;

  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES)
  role: Role;

  @ApiPropertyOptional({ example: 'center-naju', description: 'counselor and supervisor only' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  centerId?: string;

  @ApiPropertyOptional({ example: '전라남도', description: 'regional_supervisor only: the 시·도 by its official name' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(20)
  region?: string;

  @ApiProperty({ format: 'password', description: 'the initial password (password policy: 12-128 characters …)' })
  @IsString()
  @MaxLength(1024)
  password: string;
}

export class RenameAccountDto {
  @ApiProperty({ example: '김상담', description: 'the name staff see on timelines and caseloads' })
  @IsString()
  @Matches(/\S/, { message: 'displayName must not be blank' })
  @MaxLength(100)
  displayName: string;
}

export class ResetPasswordDto {
  @ApiProperty({ format: 'password' })
  @IsString()
  @MaxLength(1024)
  newPassword: string;
}

/** An account as administrators see it: never its password hash. */
export class AccountView {
  @ApiProperty({ format: 'uuid' }) accountId: string;
  @ApiProperty() username: string;
  @ApiProperty() displayName: string;
  @ApiProperty({ enum: ROLES }) role: Role;
  @ApiPropertyOptional() centerId?: string;
  @ApiPropertyOptional() region?: string;
  @ApiProperty() disabled: boolean;
  @ApiProperty() createdAt: string;
}

/** `GET /accounts/audit`: the newest entries first, of one account or of all. */
export class AccountAuditQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'only the entries about this account' })
  @IsOptional()
  @IsRecordId()
  accountId?: string;

  @ApiPropertyOptional({ default: 200, maximum: 1000 })
  @IsOptional()
  @IsQueryInt(1, 1000)
  limit?: number;
}

/** One entry of the account audit: who created, disabled, reset what, and every login. */
export class AccountAuditEntryView {
  @ApiProperty() auditId: string;
  @ApiProperty() recordedAt: string;
  @ApiPropertyOptional({ format: 'uuid' }) accountId?: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'the administrator, or the account itself' }) actorId?: string;
  @ApiProperty({
    enum: [
      'account_created',
      'account_disabled',
      'account_enabled',
      'password_reset',
      'password_changed',
      'login_succeeded',
      'login_failed',
      'refresh_token_reused',
      'logged_out',
    ],
  })
  action: string;
  @ApiPropertyOptional() sourceAddress?: string;
  @ApiProperty({ type: 'object', additionalProperties: true }) details: Record<string, unknown>;
}
