import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query, Req } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiAnswer, ApiErrors } from '@saeil/core';
import type { Request } from 'express';
import { CurrentPrincipal } from '../access/current-principal.decorator';
import { Roles } from '../access/roles.decorator';
import type { Principal } from '../principal/principal';
import { sourceAddressOf } from '../access/source-address';
import {
  AccountAuditEntryView,
  AccountAuditQueryDto,
  AccountView,
  CreateAccountDto,
  RenameAccountDto,
  ResetPasswordDto,
} from './account.dto';
import { AccountAudit } from '../audit/account-audit';
import { AccountsService } from './accounts.service';

/** Account administration: administrators only (401 without a token, 403 for any other role). */
@ApiTags('accounts')
@Controller('accounts')
@Roles('administrator')
export class AccountsController {
  constructor(
    private readonly accounts: AccountsService,
    private readonly audit: AccountAudit,
  ) {}

  @Post()
  @HttpCode(201)
  @ApiOperation({
    summary:
      'Create an account: role, and the center (counselor, supervisor) or 시·도 (regional supervisor) it works for',
  })
  @ApiAnswer(AccountView, { status: 201 })
  @ApiErrors(422)
  create(
    @Body() body: CreateAccountDto,
    @CurrentPrincipal() actor: Principal,
    @Req() req: Request,
  ): Promise<AccountView> {
    return this.accounts.create(body, { actor, sourceAddress: sourceAddressOf(req) });
  }

  @Get()
  @ApiAnswer(AccountView, { isArray: true })
  list(): Promise<AccountView[]> {
    return this.accounts.list();
  }

  @Get('audit')
  @ApiOperation({
    summary: '계정 감사 기록: who created, disabled or reset which account, and every login (newest first)',
  })
  @ApiAnswer(AccountAuditEntryView, { isArray: true })
  auditTrail(@Query() query: AccountAuditQueryDto): Promise<AccountAuditEntryView[]> {
    return this.audit.list({ accountId: query.accountId, limit: query.limit ?? 200 });
  }

  @Patch(':accountId')
  @HttpCode(200)
  @ApiOperation({ summary: 'Rename an account (its display name): timelines and caseloads show the new name at once' })
  @ApiAnswer(AccountView)
  rename(
    @Param('accountId') accountId: string,
    @Body() body: RenameAccountDto,
    @CurrentPrincipal() actor: Principal,
    @Req() req: Request,
  ): Promise<AccountView> {
    return this.accounts.rename(accountId, body.displayName, { actor, sourceAddress: sourceAddressOf(req) });
  }

  @Post(':accountId/disable')
  @HttpCode(200)
  @ApiOperation({ summary: 'Disable an account: refused from its very next request' })
  @ApiAnswer(AccountView)
  @ApiErrors(422)
  disable(
    @Param('accountId') accountId: string,
    @CurrentPrincipal() actor: Principal,
    @Req() req: Request,
  ): Promise<AccountView> {
    return this.accounts.disable(accountId, { actor, sourceAddress: sourceAddressOf(req) });
  }

  @Post(':accountId/enable')
  @HttpCode(200)
  @ApiAnswer(AccountView)
  enable(
    @Param('accountId') accountId: string,
    @CurrentPrincipal() actor: Principal,
    @Req() req: Request,
  ): Promise<AccountView> {
    return this.accounts.enable(accountId, { actor, sourceAddress: sourceAddressOf(req) });
  }

  @Post(':accountId/password-reset')
  @HttpCode(200)
  @ApiOperation({ summary: 'Set a new password (policy applies); her current sessions end' })
  @ApiAnswer(AccountView)
  resetPassword(
    @Param('accountId') accountId: string,
    @Body() body: ResetPasswordDto,
    @CurrentPrincipal() actor: Principal,
    @Req() req: Request,
  ): Promise<AccountView> {
    return this.accounts.resetPassword(accountId, body.newPassword, { actor, sourceAddress: sourceAddressOf(req) });
  }
}
