import { getMetadataStorage } from 'class-validator';
import { labelOfField } from './field-labels';

/**
 * Validation messages in Korean, one per field, naming the field by its label ("상담 주제를
 * 입력하세요"): what a counselor reads under a form field. The machine-readable `code` stays the
 * class-validator rule (or ours), so clients keep mapping by code and field.
 */

/** 을/를, 은/는, 이/가 after a word: by the last syllable's final consonant; unknown (Latin, digits) gives both. */
function particle(word: string, withFinal: string, withoutFinal: string): string {
  const last = word.replace(/[\s)\]]+$/, '').slice(-1);
  const code = last.charCodeAt(0) - 0xac00;
  if (code < 0 || code > 11171) return `${withFinal}(${withoutFinal})`;
  return code % 28 === 0 ? withoutFinal : withFinal;
}
export const objectParticle = (word: string) => particle(word, '을', '를');
export const topicParticle = (word: string) => particle(word, '은', '는');
export const subjectParticle = (word: string) => particle(word, '이', '가');

const list = (values: unknown): string => (Array.isArray(values) ? values.map(String).join(', ') : String(values));

type Template = (label: string, constraints: readonly unknown[]) => string;
const is = (label: string) => `${label}${topicParticle(label)}`;

/** One Korean sentence per rule code (class-validator's names and ours). */
export const KOREAN_MESSAGES: Readonly<Record<string, Template>> = {
  isDefined: (l) => `${l}${objectParticle(l)} 입력하세요.`,
  isNotEmpty: (l) => `${l}${objectParticle(l)} 입력하세요.`,
  arrayNotEmpty: (l) => `${l}${objectParticle(l)} 하나 이상 입력하세요.`,
  isString: (l) => `${is(l)} 글자로 입력하세요.`,
  isInt: (l) => `${is(l)} 정수로 입력하세요.`,
  isNumber: (l, [places]) =>
    typeof places === 'number'
      ? `${is(l)} 소수점 아래 ${places}자리까지의 숫자로 입력하세요.`
      : `${is(l)} 숫자로 입력하세요.`,
  isBoolean: (l) => `${is(l)} 예(true) 또는 아니요(false)로 입력하세요.`,
  isArray: (l) => `${is(l)} 목록으로 입력하세요.`,
  isObject: (l) => `${is(l)} 항목을 묶은 객체(JSON 객체)여야 합니다.`,
  nestedValidation: (l) => `${is(l)} 항목을 묶은 객체(JSON 객체)여야 합니다.`,
  isIn: (l, [values]) =>
    Array.isArray(values)
      ? `${is(l)} 다음 중 하나여야 합니다: ${list(values)}.`
      : `${is(l)} 정해진 값 중 하나여야 합니다.`,
  isEnum: (l, [values]) =>
    `${is(l)} 정해진 값 중 하나여야 합니다${values && typeof values === 'object' ? `: ${list(Object.values(values))}` : ''}.`,
  min: (l, [n]) => (n === undefined ? `${is(l)} 너무 작습니다.` : `${is(l)} ${n} 이상이어야 합니다.`),
  max: (l, [n]) => (n === undefined ? `${is(l)} 너무 큽니다.` : `${is(l)} ${n} 이하여야 합니다.`),
  minLength: (l, [n]) => (n === undefined ? `${is(l)} 너무 짧습니다.` : `${is(l)} ${n}자 이상 입력하세요.`),
  maxLength: (l, [n]) => (n === undefined ? `${is(l)} 너무 깁니다.` : `${is(l)} ${n}자 이하로 입력하세요.`),
  length: (l, [min, max]) => `${is(l)} ${min}~${max}자로 입력하세요.`,
  arrayMinSize: (l, [n]) => (n === undefined ? `${l}의 개수가 너무 적습니다.` : `${is(l)} ${n}개 이상이어야 합니다.`),
  arrayMaxSize: (l, [n]) => (n === undefined ? `${l}의 개수가 너무 많습니다.` : `${is(l)} ${n}개 이하여야 합니다.`),
  arrayUnique: (l) => `${l}에 같은 값이 두 번 들어 있습니다.`,
  matches: (l) => `${l}의 형식이 올바르지 않습니다.`,
  isUuid: (l) => `${is(l)} 올바른 식별자(소문자 UUID)가 아닙니다.`,
  isDateOnly: (l) => `${is(l)} 1900-01-01부터 2099-12-31 사이의 실제 날짜(YYYY-MM-DD)여야 합니다.`,
  isDateString: (l) => `${is(l)} 날짜(YYYY-MM-DD)여야 합니다.`,
  isBusinessRegistrationNumber: (l) => `${is(l)} 올바른 사업자등록번호가 아닙니다(10자리, 검증 숫자 확인).`,
  isQuarterRows: (l) => `${is(l)} 연도마다 분기별 목표 4개(0 이상, 소수점 아래 4자리까지)여야 합니다.`,
  whitelistValidation: (l) => `${is(l)} 이 요청에서 받지 않습니다. 빼고 보내 주세요.`,
  required: (l) => `${l}${objectParticle(l)} 입력하세요.`,
  notAllowed: (l) => `${is(l)} 여기에서는 지정하지 않습니다.`,
  invalidDate: (l) => `${is(l)} 실제로 있는 날짜(YYYY-MM-DD)여야 합니다.`,
  periodOutOfOrder: (l) => `${is(l)} 시작일보다 앞설 수 없습니다.`,
  periodTooLong: (l) => `${l}까지의 기간이 너무 깁니다(최대 5년).`,
  idempotencyKey: (l) => `${is(l)} 영문자, 숫자, ".", ":", "_", "-"로 된 8~200자여야 합니다.`,
  exportReasonRequired: (l) => `파일로 내보낼 때는 ${l}${objectParticle(l)} 적어야 합니다(1~500자).`,
  invalidCharacter: (l) => `${l}에 저장할 수 없는 문자(U+0000 또는 짝이 없는 서로게이트)가 있습니다.`,
  unsafeNumber: (l) => `${is(l)} 절댓값 ${Number.MAX_SAFE_INTEGER} 이하의 유한한 수여야 합니다.`,
  pathMismatch: (l) => `${is(l)} 주소(URL)에서 가져옵니다. 본문에서는 빼 주세요.`,
  maxDepth: (l, [depth]) => `${is(l)} ${depth ?? ''}단계보다 깊게 중첩할 수 없습니다.`,
  forbiddenKey: (l) => `${is(l)} 항목 이름으로 쓸 수 없습니다.`,
};

/** The rule a field is reported by when it breaks several: presence and type first, the finer rules after. */
const PRECEDENCE = [
  'whitelistValidation',
  'invalidCharacter',
  'unsafeNumber',
  'isDefined',
  'isNotEmpty',
  'arrayNotEmpty',
  'isString',
  'isInt',
  'isNumber',
  'isBoolean',
  'isArray',
  'isObject',
  'nestedValidation',
];

/** Of the rules a field broke, the one to report. */
export function firstRule(codes: readonly string[]): string {
  for (const code of PRECEDENCE) if (codes.includes(code)) return code;
  return codes[0];
}

/** The Korean message for a rule broken by a field: its label in the sentence. */
export function koreanMessage(code: string, label: string, constraints: readonly unknown[] = []): string {
  const template = KOREAN_MESSAGES[code];
  return template ? template(label, constraints) : `${label}${subjectParticle(label)} 올바르지 않습니다.`;
}

/** The constraints a DTO declared for a rule (MaxLength(200) → [200]), read from class-validator's metadata. */
export function constraintsOf(target: Function | undefined, property: string, code: string): readonly unknown[] {
  if (!target) return [];
  const metadata = getMetadataStorage().getTargetValidationMetadatas(target, '', true, false);
  return metadata.find((m) => m.propertyName === property && m.name === code)?.constraints ?? [];
}

/** A dotted path's label: `indicators.1.name` → "확인지표(2번째) 지표명"; the last class's own label first. */
export function labelOfPath(path: string, leafClass?: string): string {
  const parts = path.split('.');
  const words: string[] = [];
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i];
    if (/^\d+$/.test(part)) {
      if (words.length > 0) words[words.length - 1] = `${words[words.length - 1]}(${Number(part) + 1}번째)`;
      continue;
    }
    const isLeaf = parts.slice(i + 1).every((p) => /^\d+$/.test(p));
    words.push(labelOfField(part, isLeaf ? leafClass : undefined));
  }
  return words.join(' ');
}
