import { passwordProblems } from './password-policy';

const codeOf = (password: string, username?: string) => passwordProblems(password, username).map((p) => p.code);

describe('password policy', () => {
  it('accepts a 12-character password of varied characters, and a long Korean passphrase', () => {
    expect(codeOf('nAju-bay-2026')).toEqual([]);
    expect(codeOf('새일센터에서 다시 일을 시작합니다')).toEqual([]);
  });

  it('refuses 11 characters and counts Korean syllables as one character each', () => {
    expect(codeOf('nAju-bay-20')).toEqual(['passwordTooShort']);
    // 11 syllables are 33 bytes in UTF-8 but still 11 characters.
    expect(codeOf('가나다라마바사아자차카')).toEqual(['passwordTooShort']);
    expect(codeOf('가나다라마바사아자차카타')).toEqual([]);
  });

  it('refuses more than 128 characters (hashing cost is bounded)', () => {
    expect(codeOf('abcdefgh'.repeat(16))).toEqual([]);
    expect(codeOf('abcdefgh'.repeat(16) + 'x')).toEqual(['passwordTooLong']);
  });

  it('refuses well-known passwords whatever their case', () => {
    expect(codeOf('Password1234')).toEqual(['passwordTooCommon']);
    expect(codeOf('QWERTY123456')).toEqual(['passwordTooCommon']);
  });

  it('refuses a password containing the user name', () => {
    expect(codeOf('kim.counselor-2026', 'kim.counselor')).toEqual(['passwordContainsUsername']);
    expect(codeOf('kim.counselor-2026', 'lee.counselor')).toEqual([]);
  });

  it('refuses one or two characters repeated: fewer than 5 distinct characters', () => {
    expect(codeOf('abababababab')).toEqual(['passwordTooRepetitive']);
    expect(codeOf('abcdabcdabcd')).toEqual(['passwordTooRepetitive']);
    expect(codeOf('abcdeabcdeab')).toEqual([]);
  });

  it('names the field and says why in Korean', () => {
    expect(passwordProblems('short')).toEqual([
      { field: 'password', code: 'passwordTooShort', message: '비밀번호는 12자 이상이어야 합니다.' },
    ]);
  });
});
