import { IsOptional, IsString, MaxLength } from 'class-validator';
import { ArgumentMetadata } from '@nestjs/common';
import { ValidationFailed } from '../errors/domain-errors';
import { checkedText, hasUnrepresentableText } from './text-integrity';
import { DtoValidationPipe, validateDto } from './validation';

class Session {
  @IsString()
  @MaxLength(200)
  topic: string;

  @IsOptional()
  @IsString({ each: true })
  tags?: string[];
}

function refusal(run: () => unknown): string[] {
  try {
    run();
  } catch (error) {
    if (error instanceof ValidationFailed) return error.fields.map((f) => `${f.field}:${f.code}`);
    throw error;
  }
  throw new Error('expected a 400');
}

/** What PostgreSQL cannot store in text or jsonb: each was a 500 "unsupported Unicode escape sequence" (issue 13). */
const UNSTORABLE = ['\u0000', 'a\u0000b', '\ud800', '\udfff', 'x\ud800', '\udc00\ud800', '상담\udbff'];
/** Odd but storable: kept (normalized to NFC). */
const STORABLE = ['😀', '\ud83d\ude00', '\u200b', '\u202eevil', '\ufeff', '\uffff', 'tab\there', '김영희'];

describe('text PostgreSQL cannot hold', () => {
  it('is U+0000 or an unpaired surrogate, and nothing else', () => {
    expect(UNSTORABLE.filter((s) => !hasUnrepresentableText(s))).toEqual([]);
    expect(STORABLE.filter((s) => hasUnrepresentableText(s))).toEqual([]);
  });

  it('is a 400 invalidCharacter naming the field, at any depth, in values and in keys, on the command path', () => {
    for (const bad of UNSTORABLE) {
      expect(refusal(() => validateDto(Session, { topic: bad }))).toEqual(['topic:invalidCharacter']);
      expect(refusal(() => validateDto(Session, { topic: 'ok', tags: ['fine', bad] }))).toEqual([
        'tags.1:invalidCharacter',
      ]);
      expect(refusal(() => validateDto(Session, { topic: 'ok', [`x${bad}`]: 1 }))).toEqual([
        `x${bad}:invalidCharacter`,
      ]);
    }
  });

  it('numbers past 2^53 and 1e400 (Infinity once parsed) are a 400 unsafeNumber on the field', () => {
    expect(refusal(() => checkedText(JSON.parse('{"a":{"b":1e400}}')))).toEqual(['a.b:unsafeNumber']);
    expect(refusal(() => checkedText({ n: 2 ** 53 + 2 }))).toEqual(['n:unsafeNumber']);
    expect(checkedText({ n: Number.MAX_SAFE_INTEGER, m: -1.5 })).toEqual({ n: Number.MAX_SAFE_INTEGER, m: -1.5 });
  });

  it('is refused by the global pipe on any query value or path parameter too, named by its parameter', () => {
    const pipe = new DtoValidationPipe();
    const as = (type: ArgumentMetadata['type'], data?: string): ArgumentMetadata => ({ type, data, metatype: String });
    expect(refusal(() => pipe.transform('\u0000', as('query', 'id')))).toEqual(['id:invalidCharacter']);
    expect(refusal(() => pipe.transform('\ud800', as('param', 'clientId')))).toEqual(['clientId:invalidCharacter']);
    expect(refusal(() => pipe.transform({ reason: 'x\u0000' }, as('query')))).toEqual(['reason:invalidCharacter']);
    expect(refusal(() => pipe.transform({ topic: '\ud800' }, { type: 'body', metatype: Object }))).toEqual([
      'topic:invalidCharacter',
    ]);
  });
});

describe('text that is kept', () => {
  it('is normalized to NFC: decomposed Hangul and accents become the composed form', () => {
    const decomposed = '김영희'.normalize('NFD');
    expect(decomposed).not.toBe('김영희');
    expect(validateDto(Session, { topic: decomposed }).topic).toBe('김영희');
    expect(validateDto(Session, { topic: 'Cafe\u0301', tags: ['e\u0301'] })).toEqual(
      Object.assign(new Session(), { topic: 'Café', tags: ['é'] }),
    );
    expect(new DtoValidationPipe().transform('e\u0301', { type: 'query', data: 'q', metatype: String })).toBe('é');
  });

  it('leaves the caller’s object unchanged', () => {
    const body = { topic: 'e\u0301' };
    validateDto(Session, body);
    expect(body.topic).toBe('e\u0301');
  });
});
