import { getMetadataStorage } from 'class-validator';
import { type FieldError, hasFieldLabel, labelOfField, ValidationFailed, validateDto } from '@saeil/core';
import { SAEIL_MODULES } from './modules';

/**
 * Validation errors speak Korean, one per field, naming the field's label: for every DTO a
 * command route (and the Kafka command topic) validates, each field — nested ones too, as
 * `indicators.0.name` — is sent alone with a value it refuses, and the answer is checked.
 */

type Dto = new () => object;

/** class-transformer's record of `@Type(() => Nested)`: how a nested DTO is found (the package ships no types for it). */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { defaultMetadataStorage } = require('class-transformer/cjs/storage') as {
  defaultMetadataStorage: {
    findTypeMetadata(target: Function, property: string): { typeFunction(): unknown } | undefined;
  };
};

interface FieldUnderTest {
  /** The dotted path the answer names (`indicators.0.name`). */
  path: string;
  className: string;
  property: string;
  /** The body with `value` at the path. */
  body(value: unknown): Record<string, unknown>;
}

const metadataOf = (cls: Function) => getMetadataStorage().getTargetValidationMetadatas(cls, '', true, false);

function fieldsOf(
  cls: Dto,
  at: (inner: Record<string, unknown>) => Record<string, unknown> = (inner) => inner,
  prefix = '',
  seen = new Set<Function>(),
): FieldUnderTest[] {
  if (seen.has(cls)) return [];
  const properties = [...new Set(metadataOf(cls).map((m) => m.propertyName))];
  return properties.flatMap((property) => {
    const path = `${prefix}${property}`;
    const own: FieldUnderTest = { path, className: cls.name, property, body: (value) => at({ [property]: value }) };
    const nested = defaultMetadataStorage.findTypeMetadata(cls, property)?.typeFunction() as Dto | undefined;
    if (!nested) return [own];
    const isList = metadataOf(cls).some((m) => m.propertyName === property && m.name === 'isArray');
    const wrap = (inner: Record<string, unknown>) => at({ [property]: isList ? [inner] : inner });
    return [own, ...fieldsOf(nested, wrap, `${path}.${isList ? '0.' : ''}`, new Set([...seen, cls]))];
  });
}

const commandDtos: Dto[] = [...new Set(SAEIL_MODULES.flatMap((m) => (m.commands ?? []).map((c) => c.dto as Dto)))];
const cases = commandDtos.flatMap((dto) =>
  fieldsOf(dto).map((field) => ({ dto, field, name: `${dto.name}: ${field.path}` })),
);

/** Values of every kind: for each field the first one it refuses is used. */
const INVALID = [true, 12345, 'not-a-valid-value', -1, [], {}, '', 'x'.repeat(6000), [true], 1.23456789];

function refusal(dto: Dto, body: unknown): FieldError[] {
  try {
    validateDto(dto, body);
    return [];
  } catch (error) {
    if (error instanceof ValidationFailed) return error.fields;
    throw error;
  }
}

describe('validation messages in Korean, one per field, naming its label', () => {
  it('finds the command DTOs and their fields', () => {
    expect(commandDtos.length).toBeGreaterThan(40);
    expect(cases.map((c) => c.name)).toEqual(
      expect.arrayContaining([
        'RecordCounselingSessionDto: topic',
        'DefineKpiPlanDto: indicators.0.name',
        'SetEmploymentPlanDto: nextAction.dueOn',
      ]),
    );
  });

  it.each(cases)('$name', ({ dto, field }) => {
    expect(hasFieldLabel(field.property, field.className)).toBe(true);
    const label = labelOfField(field.property, field.className);
    const answer = INVALID.map((value) => refusal(dto, field.body(value))).find((fields) =>
      fields.some((f) => f.field === field.path),
    );
    expect(answer).toBeDefined();
    const fields = answer as FieldError[];
    // Each field once, every message Korean, codes machine-readable.
    expect(new Set(fields.map((f) => f.field)).size).toBe(fields.length);
    for (const f of fields) {
      expect(f.message).toMatch(/[가-힣]/);
      expect(f.message).not.toMatch(/must|should|property/);
      expect(f.code).toMatch(/^[a-zA-Z]+$/);
    }
    expect(fields.find((f) => f.field === field.path)!.message).toContain(label);
  });

  it("says what is wrong in her words: 상담 주제를 입력하세요, with the DTO's own bounds", () => {
    const session = commandDtos.find((d) => d.name === 'RecordCounselingSessionDto')!;
    const empty = refusal(session, { topic: '' }).filter((f) => f.field === 'topic');
    expect(empty).toEqual([{ field: 'topic', code: 'isNotEmpty', message: '상담 주제를 입력하세요.' }]);
    expect(refusal(session, { topic: '가'.repeat(201) }).find((f) => f.field === 'topic')).toEqual({
      field: 'topic',
      code: 'maxLength',
      message: '상담 주제는 200자 이하로 입력하세요.',
    });
    expect(refusal(session, { topic: 7 }).find((f) => f.field === 'topic')).toEqual({
      field: 'topic',
      code: 'isString',
      message: '상담 주제는 글자로 입력하세요.',
    });
    const plan = commandDtos.find((d) => d.name === 'DefineKpiPlanDto')!;
    expect(
      refusal(plan, { indicators: [{ name: 'a' }, { name: '' }] }).find((f) => f.field === 'indicators.1.name')
        ?.message,
    ).toBe('확인지표(2번째) 지표명을 입력하세요.');
    expect(refusal(session, { bogus: 1 }).find((f) => f.field === 'bogus')).toEqual({
      field: 'bogus',
      code: 'whitelistValidation',
      message: "'bogus' 항목은 이 요청에서 받지 않습니다. 빼고 보내 주세요.",
    });
  });

  it('a 400 raised outside the DTOs in English is answered in Korean too, each field once', () => {
    const error = new ValidationFailed([
      { field: 'to', code: 'periodOutOfOrder', message: 'to must not be before from' },
      { field: 'to', code: 'periodTooLong', message: 'the period may be at most 1827 days' },
      { field: 'Idempotency-Key', code: 'idempotencyKey', message: 'Idempotency-Key must be 8–200 characters' },
    ]);
    expect(error.fields).toEqual([
      { field: 'to', code: 'periodOutOfOrder', message: '종료일은 시작일보다 앞설 수 없습니다.' },
      {
        field: 'Idempotency-Key',
        code: 'idempotencyKey',
        message: '\'Idempotency-Key\' 항목은 영문자, 숫자, ".", ":", "_", "-"로 된 8~200자여야 합니다.',
      },
    ]);
    expect(error.message).toMatch(/^입력값이 올바르지 않습니다\. 종료일은/);
  });
});
