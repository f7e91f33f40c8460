import type { Role } from '../domain/roles';

/**
 * Who is calling, as every guard and handler sees it, whatever proved it (a local password, later
 * an external OIDC provider). Authorization decisions use only these fields.
 */
export interface Principal {
  accountId: string;
  username: string;
  displayName: string;
  role: Role;
  /** Set for a counselor and a supervisor: the one center whose data they work with. */
  centerId?: string;
  /** Set for a regional supervisor: her 시·도. */
  region?: string;
  /** Which provider authenticated her: 'local' accounts today. */
  provider: string;
}

export interface LoginAttempt {
  username: string;
  password: string;
  /** The caller's address, for the per-address limit and the audit trail. */
  sourceAddress: string;
}

/**
 * Proves who someone is from credentials. The local implementation checks the `accounts` table;
 * an OIDC provider would instead be met in a redirect flow and need no password here.
 */
export abstract class AuthenticationProvider {
  abstract authenticate(attempt: LoginAttempt): Promise<Principal>;
}

/**
 * Turns a bearer token into the principal it stands for, refusing tokens that are invalid,
 * expired or issued to an account disabled since. The guard depends only on this: swapping local
 * JWTs for an OIDC provider's tokens (verified against its JWKS) replaces this one class.
 */
export abstract class AccessTokenVerifier {
  abstract verify(token: string): Promise<Principal>;
}
