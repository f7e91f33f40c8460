/**
 * Authentication and authorization refusals (401, 403, 429), apart from the domain errors:
 * they carry their own status and, for locks, Retry-After. The concrete ones live in
 * @saeil/identity (auth-errors.ts); SaeilErrorFilter maps them, the one place for HTTP errors.
 */
export abstract class AuthError extends Error {
  abstract readonly status: number;
  constructor(
    readonly code: string,
    message: string,
    /** Seconds, sent as Retry-After. */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = new.target.name;
  }
}
