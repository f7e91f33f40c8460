import { Injectable, Optional } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { NotFound, RuleViolation, ValidationFailed } from '@saeil/core';
import { passwordProblems } from '../domain/password-policy';
import { scopeProblems } from '../domain/roles';
import { AccountAudit } from '../audit/account-audit';
import { PasswordHasher } from '../passwords/password-hasher';
import { RefreshTokens } from '../tokens/refresh-tokens';
import { AuthenticationProvider, Principal } from '../principal/principal';
import { Account, AccountRepository } from './account.repository';
import { AccountCache } from './account-cache';
import type { AccountView, CreateAccountDto } from './account.dto';

export interface AdminAction {
  actor: Principal;
  sourceAddress: string;
}

export function viewOf(account: Account): AccountView {
  const { accountId, username, displayName, role, centerId, region } = account;
  return {
    accountId,
    username,
    displayName,
    role,
    ...(centerId ? { centerId } : {}),
    ...(region ? { region } : {}),
    disabled: !!account.disabledAt,
    createdAt: account.createdAt.toISOString(),
  };
}

/** What an administrator does with accounts; each change and its audit entry in one transaction. */
@Injectable()
export class AccountsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly accounts: AccountRepository,
    private readonly hasher: PasswordHasher,
    private readonly refreshTokens: RefreshTokens,
    private readonly audit: AccountAudit,
    private readonly provider: AuthenticationProvider,
    @Optional() private readonly cache?: AccountCache,
  ) {}

  async create(dto: CreateAccountDto, action: AdminAction): Promise<AccountView> {
    const problems = [...scopeProblems(dto.role, dto), ...passwordProblems(dto.password, dto.username)];
    if (problems.length > 0) throw new ValidationFailed(problems);
    const accountId = randomUUID();
    const passwordHash = await this.hasher.hash(dto.password);
    await this.dataSource.transaction(async (manager) => {
      const inserted = await this.accounts.insert(
        {
          accountId,
          username: dto.username,
          displayName: dto.displayName ?? dto.username,
          role: dto.role,
          centerId: dto.centerId,
          region: dto.region,
          passwordHash,
        },
        manager,
      );
      if (!inserted) throw new RuleViolation('USERNAME_TAKEN', `사용자 이름 ${dto.username}은(는) 이미 사용 중입니다.`);
      await this.audit.record(
        {
          action: 'account_created',
          accountId,
          actorId: action.actor.accountId,
          sourceAddress: action.sourceAddress,
          details: { username: dto.username, role: dto.role, centerId: dto.centerId, region: dto.region },
        },
        manager,
      );
    });
    return viewOf((await this.accounts.findById(accountId))!);
  }

  async list(): Promise<AccountView[]> {
    return (await this.accounts.list()).map(viewOf);
  }

  /** Takes effect at once: her access tokens are refused from the next request, her refresh tokens revoked. */
  async disable(accountId: string, action: AdminAction): Promise<AccountView> {
    if (accountId === action.actor.accountId)
      throw new RuleViolation('CANNOT_DISABLE_SELF', '자기 계정은 비활성화할 수 없습니다.');
    return this.change(accountId, action, async (account, manager) => {
      if (account.disabledAt) return;
      await this.accounts.setDisabled(accountId, true, manager);
      await this.refreshTokens.revokeAllOf(accountId, manager);
      await this.audit.record(
        { action: 'account_disabled', accountId, actorId: action.actor.accountId, sourceAddress: action.sourceAddress },
        manager,
      );
    });
  }

  /** A new display name (a marriage, a typo): recorded in the audit trail with the old one. */
  async rename(accountId: string, displayName: string, action: AdminAction): Promise<AccountView> {
    return this.change(accountId, action, async (account, manager) => {
      const name = displayName.trim().normalize('NFC');
      if (account.displayName === name) return;
      await this.accounts.setDisplayName(accountId, name, manager);
      await this.audit.record(
        {
          action: 'account_renamed',
          accountId,
          actorId: action.actor.accountId,
          sourceAddress: action.sourceAddress,
          details: { from: account.displayName, to: name },
        },
        manager,
      );
    });
  }

  async enable(accountId: string, action: AdminAction): Promise<AccountView> {
    return this.change(accountId, action, async (account, manager) => {
      if (!account.disabledAt) return;
      await this.accounts.setDisabled(accountId, false, manager);
      await this.audit.record(
        { action: 'account_enabled', accountId, actorId: action.actor.accountId, sourceAddress: action.sourceAddress },
        manager,
      );
    });
  }

  /** A new password set by an administrator: her sessions end (tokens refused, refresh tokens revoked). */
  async resetPassword(accountId: string, newPassword: string, action: AdminAction): Promise<AccountView> {
    const target = await this.accounts.findById(accountId);
    if (!target) throw new NotFound('계정', accountId);
    const problems = passwordProblems(newPassword, target.username).map((p) => ({ ...p, field: 'newPassword' }));
    if (problems.length > 0) throw new ValidationFailed(problems);
    const passwordHash = await this.hasher.hash(newPassword);
    return this.change(accountId, action, async (_, manager) => {
      await this.accounts.setPasswordHash(accountId, passwordHash, true, manager);
      await this.refreshTokens.revokeAllOf(accountId, manager);
      await this.audit.record(
        { action: 'password_reset', accountId, actorId: action.actor.accountId, sourceAddress: action.sourceAddress },
        manager,
      );
    });
  }

  /**
   * She changes her own password, proving the current one through the login path (so wrong
   * guesses count toward the lockout like any login). Every session of hers ends, this one too.
   */
  async changeOwnPassword(
    principal: Principal,
    currentPassword: string,
    newPassword: string,
    sourceAddress: string,
  ): Promise<void> {
    const problems = passwordProblems(newPassword, principal.username).map((p) => ({ ...p, field: 'newPassword' }));
    if (newPassword === currentPassword)
      problems.push({
        field: 'newPassword',
        code: 'passwordUnchanged',
        message: '새 비밀번호가 지금 비밀번호와 같습니다.',
      });
    if (problems.length > 0) throw new ValidationFailed(problems);
    await this.provider.authenticate({ username: principal.username, password: currentPassword, sourceAddress });
    const passwordHash = await this.hasher.hash(newPassword);
    await this.change(principal.accountId, { actor: principal, sourceAddress }, async (_, manager) => {
      await this.accounts.setPasswordHash(principal.accountId, passwordHash, true, manager);
      await this.refreshTokens.revokeAllOf(principal.accountId, manager);
      await this.audit.record(
        { action: 'password_changed', accountId: principal.accountId, actorId: principal.accountId, sourceAddress },
        manager,
      );
    });
  }

  private async change(
    accountId: string,
    action: AdminAction,
    apply: (account: Account, manager: EntityManager) => Promise<void>,
  ): Promise<AccountView> {
    await this.dataSource.transaction(async (manager) => {
      const account = await this.accounts.lock(accountId, manager);
      if (!account) throw new NotFound('계정', accountId);
      await apply(account, manager);
    });
    // This process forgets her at once; the others when the trigger's announcement reaches them.
    this.cache?.forget(accountId);
    return viewOf((await this.accounts.findById(accountId))!);
  }
}
