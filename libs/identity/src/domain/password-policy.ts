import type { FieldError } from '@saeil/core';

export const PASSWORD_MIN_LENGTH = 12;
/** Long enough for any passphrase, short enough that hashing it cannot be used to tie up the server. */
export const PASSWORD_MAX_LENGTH = 128;
const MIN_DISTINCT_CHARACTERS = 5;

/**
 * Passwords people reach for first. Length alone lets these through, and they are the first a
 * guesser tries; the list is short on purpose (NIST SP 800-63B: check against known-bad values,
 * no composition rules).
 */
const COMMON_PASSWORDS = new Set([
  'password1234',
  'password12345',
  'password123456',
  'passw0rd1234',
  'qwerty123456',
  'qwertyuiop12',
  'qwertyuiop123',
  '1q2w3e4r5t6y',
  '1qaz2wsx3edc',
  'abcd12345678',
  'abc123456789',
  'iloveyou1234',
  'admin1234567',
  'administrator',
  'welcome12345',
  'letmein12345',
  'saeil1234567',
  'changeme1234',
  'asdfghjkl123',
  'zxcvbnm12345',
  '123456789012',
  '1234567890ab',
  '123412341234',
  '000000000000',
]);

/**
 * The password policy (NIST SP 800-63B, the 개인정보의 안전성 확보조치 기준's "안전한 비밀번호"):
 * 12 to 128 characters, not a well-known password, not built on the user name, and not one or two
 * characters repeated. Returns the problems on field `password`, empty when it is acceptable.
 */
export function passwordProblems(password: string, username?: string): FieldError[] {
  const problem = (code: string, message: string): FieldError[] => [{ field: 'password', code, message }];
  const characters = [...password];
  if (characters.length < PASSWORD_MIN_LENGTH)
    return problem('passwordTooShort', `비밀번호는 ${PASSWORD_MIN_LENGTH}자 이상이어야 합니다.`);
  if (characters.length > PASSWORD_MAX_LENGTH)
    return problem('passwordTooLong', `비밀번호는 ${PASSWORD_MAX_LENGTH}자 이하여야 합니다.`);
  const lower = password.toLowerCase();
  if (COMMON_PASSWORDS.has(lower)) return problem('passwordTooCommon', '널리 알려진 비밀번호는 사용할 수 없습니다.');
  if (username && username.length >= 3 && lower.includes(username.toLowerCase()))
    return problem('passwordContainsUsername', '비밀번호에 사용자 이름을 넣을 수 없습니다.');
  if (new Set(characters).size < MIN_DISTINCT_CHARACTERS)
    return problem(
      'passwordTooRepetitive',
      `비밀번호에는 서로 다른 문자가 ${MIN_DISTINCT_CHARACTERS}개 이상 있어야 합니다.`,
    );
  return [];
}
