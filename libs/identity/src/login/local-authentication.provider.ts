import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { SaeilConfig } from '@saeil/config';
import { LOGIN_FAILURES_FORGOTTEN_AFTER_MS, retryAfterSeconds, ThrottlePolicy } from '../domain/login-throttle';
import { AuthError, InvalidCredentials, TooManyLoginAttempts } from '../principal/auth-errors';
import { AuthenticationProvider, LoginAttempt, Principal } from '../principal/principal';
import { AccountRepository, normalizeUsername, principalOf } from '../accounts/account.repository';
import { AccountAudit } from '../audit/account-audit';
import { PasswordHasher } from '../passwords/password-hasher';
import { LoginThrottleStore } from './login-throttle.store';

/**
 * Password login against the `accounts` table, with growing delays per user name and address
 * (the pair), and higher ceilings per address and per user name that do not hold back a user name
 * at an address she has logged in from (domain/login-throttle.ts). The answers never tell whether
 * an account exists: an unknown name, a wrong password and a disabled account are the same 401
 * after the same argon2 work, and an unknown name is delayed like a real one.
 */
@Injectable()
export class LocalAuthenticationProvider extends AuthenticationProvider {
  private readonly pairPolicy: ThrottlePolicy;
  private readonly userPolicy: ThrottlePolicy;
  private readonly addressPolicy: ThrottlePolicy;

  constructor(
    private readonly dataSource: DataSource,
    private readonly accounts: AccountRepository,
    private readonly hasher: PasswordHasher,
    private readonly throttle: LoginThrottleStore,
    private readonly audit: AccountAudit,
    config: SaeilConfig,
  ) {
    super();
    const delays = {
      baseDelayMs: config.LOGIN_BACKOFF_BASE_SECONDS * 1000,
      maxDelayMs: config.LOGIN_MAX_DELAY_SECONDS * 1000,
      forgetAfterMs: LOGIN_FAILURES_FORGOTTEN_AFTER_MS,
    };
    this.pairPolicy = { delayFrom: config.LOGIN_MAX_FAILURES, doublingEvery: 1, ...delays };
    // The ceilings grow slowly: doubling every 10 failures past them.
    this.userPolicy = { delayFrom: config.LOGIN_MAX_FAILURES_PER_USERNAME, doublingEvery: 10, ...delays };
    this.addressPolicy = { delayFrom: config.LOGIN_MAX_FAILURES_PER_ADDRESS, doublingEvery: 10, ...delays };
  }

  async authenticate(attempt: LoginAttempt): Promise<Principal> {
    const username = normalizeUsername(attempt.username);
    const address = attempt.sourceAddress;
    const pairKey = `pair:${username}|${address}`;
    const userKey = `user:${username}`;
    const addressKey = `address:${address}`;
    // The outcome is decided inside the transaction and thrown after it commits, so that a
    // refusal still records its failure.
    const outcome = await this.dataSource.transaction(async (manager): Promise<Principal | AuthError> => {
      const now = new Date();
      const states = await this.throttle.lock([pairKey, userKey, addressKey], manager);
      // At an address she has logged in from, only her own failures there can make her wait.
      const known = await this.throttle.isKnownAddress(username, address, manager);
      const keys = known ? [pairKey] : [pairKey, userKey, addressKey];
      const wait = Math.max(...keys.map((key) => retryAfterSeconds(states.get(key)!, now)));
      if (wait > 0) return new TooManyLoginAttempts(wait);

      const account = await this.accounts.findByUsername(username, manager);
      const passwordMatches = account
        ? await this.hasher.verify(account.passwordHash, attempt.password)
        : await this.hasher.verifyDecoy(attempt.password);
      if (!account || !passwordMatches || account.disabledAt) {
        await this.throttle.recordFailure(pairKey, states.get(pairKey)!, now, this.pairPolicy, manager);
        if (!known) {
          await this.throttle.recordFailure(userKey, states.get(userKey)!, now, this.userPolicy, manager);
          await this.throttle.recordFailure(addressKey, states.get(addressKey)!, now, this.addressPolicy, manager);
        }
        await this.audit.record(
          {
            action: 'login_failed',
            accountId: account?.accountId,
            sourceAddress: address,
            details: {
              username,
              reason: !account ? 'unknown_username' : !passwordMatches ? 'wrong_password' : 'disabled',
            },
          },
          manager,
        );
        return new InvalidCredentials();
      }
      // A success clears the pair's count only: one valid account must not let an address go on
      // guessing at others, nor end a spraying attack on her name from elsewhere.
      await this.throttle.clear(pairKey, manager);
      await this.throttle.rememberAddress(username, address, now, manager);
      if (this.hasher.needsRehash(account.passwordHash))
        await this.accounts.setPasswordHash(
          account.accountId,
          await this.hasher.hash(attempt.password),
          false,
          manager,
        );
      await this.audit.record(
        { action: 'login_succeeded', accountId: account.accountId, actorId: account.accountId, sourceAddress: address },
        manager,
      );
      return principalOf(account);
    });
    if (outcome instanceof AuthError) throw outcome;
    return outcome;
  }
}
