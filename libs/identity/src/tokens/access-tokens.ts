import { Inject, Injectable } from '@nestjs/common';
import { JwtService, TokenExpiredError } from '@nestjs/jwt';
import { SaeilConfig } from '@saeil/config';
import { AccountCache } from '../accounts/account-cache';
import { Account, principalOf } from '../accounts/account.repository';
import { AuthenticationRequired } from '../principal/auth-errors';
import { AccessTokenVerifier, Principal } from '../principal/principal';

/** The JwtService signing and verifying Saeil's access tokens (HS256 only, see identity.module.ts). */
export const ACCESS_TOKEN_JWT = Symbol('ACCESS_TOKEN_JWT');

const ISSUER = 'saeil';
const AUDIENCE = 'saeil-api';

interface AccessClaims {
  sub: string;
  /** The account's token version when issued: disabling or resetting raises it. */
  ver: number;
}

/**
 * Short-lived access tokens: they carry only the account id and its token version. Everything
 * else a guard needs (role, center, region, disabled) is the account's at each request — from
 * `AccountCache`, which answers from memory only while it hears every change to the accounts
 * table (NOTIFY from a trigger), so a change made by an administrator counts in every process as
 * soon as its announcement arrives, and from the table while it cannot be heard.
 */
@Injectable()
export class AccessTokens extends AccessTokenVerifier {
  constructor(
    @Inject(ACCESS_TOKEN_JWT) private readonly jwt: JwtService,
    private readonly accounts: AccountCache,
    private readonly config: SaeilConfig,
  ) {
    super();
  }

  get ttlSeconds(): number {
    return this.config.ACCESS_TOKEN_TTL_SECONDS;
  }

  issue(account: Pick<Account, 'accountId' | 'tokenVersion'>): Promise<string> {
    const claims: AccessClaims = { sub: account.accountId, ver: account.tokenVersion };
    return this.jwt.signAsync(claims, { expiresIn: this.ttlSeconds, issuer: ISSUER, audience: AUDIENCE });
  }

  async verify(token: string): Promise<Principal> {
    let claims: AccessClaims;
    try {
      claims = await this.jwt.verifyAsync<AccessClaims>(token, {
        algorithms: ['HS256'],
        issuer: ISSUER,
        audience: AUDIENCE,
      });
    } catch (error) {
      if (error instanceof TokenExpiredError)
        throw new AuthenticationRequired(
          'TOKEN_EXPIRED',
          '로그인이 만료되었습니다. 토큰을 갱신하거나 다시 로그인하세요.',
        );
      throw new AuthenticationRequired('INVALID_TOKEN', '유효하지 않은 토큰입니다.');
    }
    const account = typeof claims.sub === 'string' ? await this.accounts.findById(claims.sub) : undefined;
    if (!account || account.disabledAt || account.tokenVersion !== claims.ver) {
      throw new AuthenticationRequired('TOKEN_REVOKED', '더 이상 유효하지 않은 로그인입니다. 다시 로그인하세요.');
    }
    return principalOf(account);
  }
}
