import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AccountRepository } from '../accounts/account.repository';
import { AccountAudit } from '../audit/account-audit';
import { AuthenticationRequired } from '../principal/auth-errors';
import { AuthenticationProvider, LoginAttempt } from '../principal/principal';
import { AccessTokens } from '../tokens/access-tokens';
import { RefreshTokens } from '../tokens/refresh-tokens';
import type { TokenPair } from './session.dto';

/** Login, refresh and logout: the provider proves who she is; this hands out and takes back tokens. */
@Injectable()
export class Sessions {
  constructor(
    private readonly provider: AuthenticationProvider,
    private readonly accounts: AccountRepository,
    private readonly accessTokens: AccessTokens,
    private readonly refreshTokens: RefreshTokens,
    private readonly audit: AccountAudit,
    private readonly dataSource: DataSource,
  ) {}

  async login(attempt: LoginAttempt): Promise<TokenPair> {
    const principal = await this.provider.authenticate(attempt);
    const account = await this.accounts.findById(principal.accountId);
    if (!account) throw new AuthenticationRequired();
    const refreshToken = await this.dataSource.transaction((manager) =>
      this.refreshTokens.issue(account.accountId, manager),
    );
    return this.pair(await this.accessTokens.issue(account), refreshToken);
  }

  async refresh(token: string, sourceAddress: string): Promise<TokenPair> {
    const outcome = await this.refreshTokens.rotate(token, async (accountId, manager) => {
      const account = await this.accounts.findById(accountId, manager);
      return !!account && !account.disabledAt;
    });
    if (outcome.kind === 'revoke_family') {
      await this.audit.record({
        action: 'refresh_token_reused',
        sourceAddress,
        details: { familyId: outcome.familyId },
      });
      throw new AuthenticationRequired(
        'REFRESH_TOKEN_REUSED',
        '이미 사용된 갱신 토큰입니다. 보안을 위해 이 로그인을 끊었습니다. 다시 로그인하세요.',
      );
    }
    if (outcome.kind === 'refuse')
      throw new AuthenticationRequired('INVALID_REFRESH_TOKEN', '갱신 토큰이 유효하지 않습니다. 다시 로그인하세요.');
    const account = await this.accounts.findById(outcome.accountId);
    if (!account) throw new AuthenticationRequired();
    return this.pair(await this.accessTokens.issue(account), outcome.refreshToken);
  }

  /** Revokes the refresh token's whole family. An unknown token is no error: the answer is the same. */
  async logout(token: string, sourceAddress: string): Promise<void> {
    const accountId = await this.refreshTokens.revokeFamilyOf(token);
    if (accountId) await this.audit.record({ action: 'logged_out', accountId, actorId: accountId, sourceAddress });
  }

  private pair(accessToken: string, refreshToken: string): TokenPair {
    return {
      accessToken,
      tokenType: 'Bearer',
      expiresIn: this.accessTokens.ttlSeconds,
      refreshToken,
      refreshExpiresIn: this.refreshTokens.ttlSeconds,
    };
  }
}
