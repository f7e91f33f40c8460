import { AuthError } from '@saeil/core';

/** Authentication and authorization refusals; SaeilErrorFilter (@saeil/core) maps them to HTTP. */
export { AuthError };

/** No bearer token, or one that is malformed, expired, revoked, or of a disabled account: 401. */
export class AuthenticationRequired extends AuthError {
  readonly status = 401;
  constructor(code = 'AUTHENTICATION_REQUIRED', message = '로그인이 필요합니다.') {
    super(code, message);
  }
}

/** Wrong user name or password, or a disabled account: the same 401 for all, so nobody learns which. */
export class InvalidCredentials extends AuthError {
  readonly status = 401;
  constructor() {
    super('INVALID_CREDENTIALS', '사용자 이름 또는 비밀번호가 올바르지 않습니다.');
  }
}

/**
 * Too many failures for this user name from this address (or, from an address she has not logged
 * in from, for the user name or the address as a whole): 429 with Retry-After until the delay ends.
 * Never a lock that another address could set on her.
 */
export class TooManyLoginAttempts extends AuthError {
  readonly status = 429;
  constructor(retryAfterSeconds: number) {
    super(
      'TOO_MANY_LOGIN_ATTEMPTS',
      `로그인 실패가 너무 많습니다. ${retryAfterSeconds}초 뒤에 다시 시도하세요.`,
      retryAfterSeconds,
    );
  }
}

/** Authenticated, but her role may not do this: 403. */
export class AccessDenied extends AuthError {
  readonly status = 403;
  constructor(message = '이 작업을 할 권한이 없습니다.') {
    super('ACCESS_DENIED', message);
  }
}
