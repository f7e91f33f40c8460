import { IsInt, IsUUID, Min } from 'class-validator';
import { ValidationFailed } from '../errors/domain-errors';
import { dtoWithPathIds, MAX_BODY_DEPTH, validateDto } from './validation';

class RecordAttendance {
  @IsUUID()
  courseId: string;

  @IsInt()
  @Min(1)
  hours: number;
}

const courseId = '0b5d7a53-2a4c-4f0e-9d51-3c8f0f6b1a11';

function refusal(run: () => unknown): ValidationFailed['fields'] {
  try {
    run();
  } catch (error) {
    if (error instanceof ValidationFailed) return error.fields;
    throw error;
  }
  throw new Error('expected a 400');
}

describe('the DTO of a route with ids in its path', () => {
  it('takes the ids from the path into the same DTO the Kafka command topic validates', () => {
    expect(dtoWithPathIds(RecordAttendance, { hours: 3 }, { courseId })).toEqual(
      Object.assign(new RecordAttendance(), { hours: 3, courseId }),
    );
  });

  it('a malformed path id is a 400 on that field, reported together with the body’s own problems', () => {
    const fields = refusal(() => dtoWithPathIds(RecordAttendance, { hours: 0 }, { courseId: 'not-a-uuid' }));
    expect(fields.map((f) => f.field).sort()).toEqual(['courseId', 'hours']);
    expect(fields.find((f) => f.field === 'courseId')?.code).toBe('isUuid');
  });

  it('a body naming the id differently from the URL is refused with pathMismatch; naming the same id is fine', () => {
    expect(
      refusal(() =>
        dtoWithPathIds(RecordAttendance, { hours: 3, courseId: '9a7b3c51-6d2e-4f80-8a1b-2c3d4e5f6a7b' }, { courseId }),
      ),
    ).toEqual([expect.objectContaining({ field: 'courseId', code: 'pathMismatch' })]);
    expect(dtoWithPathIds(RecordAttendance, { hours: 3, courseId }, { courseId }).courseId).toBe(courseId);
  });

  it('a body that is not a JSON object is a 400 on the body, and unknown fields are refused', () => {
    expect(refusal(() => dtoWithPathIds(RecordAttendance, [1], { courseId }))).toEqual([
      expect.objectContaining({ field: '(body)', code: 'isObject' }),
    ]);
    expect(refusal(() => dtoWithPathIds(RecordAttendance, { hours: 3, minutes: 5 }, { courseId }))).toEqual([
      expect.objectContaining({ field: 'minutes', code: 'whitelistValidation' }),
    ]);
  });
});

// Found by tests/fuzz: class-transformer overflowed the stack on deep bodies and threw a TypeError
// on a nested `constructor` key, so both answered 500 (and stalled the Kafka command topic).
describe('a body shaped to break the transformer', () => {
  const nested = (depth: number): unknown => {
    let value: unknown = 1;
    for (let i = 0; i < depth; i++) value = { a: value };
    return value;
  };

  it('nested deeper than the limit is a 400 maxDepth, however deep (5,000 levels)', () => {
    expect(refusal(() => validateDto(RecordAttendance, { courseId, hours: 3, extra: nested(5_000) }))).toEqual([
      expect.objectContaining({ code: 'maxDepth' }),
    ]);
    // at the limit, the body reaches the ordinary validation (here: an unknown field)
    expect(
      refusal(() => validateDto(RecordAttendance, { courseId, hours: 3, extra: nested(MAX_BODY_DEPTH - 1) })),
    ).toEqual([expect.objectContaining({ field: 'extra', code: 'whitelistValidation' })]);
  });

  it('a `constructor`, `__proto__` or `prototype` key at any level is a 400 forbiddenKey on its path, and pollutes nothing', () => {
    expect(
      refusal(() =>
        validateDto(RecordAttendance, JSON.parse('{"hours": 3, "x": {"constructor": {"prototype": {"polluted": 1}}}}')),
      ),
    ).toEqual([expect.objectContaining({ field: 'x.constructor', code: 'forbiddenKey' })]);
    expect(
      refusal(() =>
        dtoWithPathIds(RecordAttendance, JSON.parse('{"hours": 3, "__proto__": {"polluted": 1}}'), { courseId }),
      ),
    ).toEqual([expect.objectContaining({ field: '__proto__', code: 'forbiddenKey' })]);
    expect(
      refusal(() => validateDto(RecordAttendance, JSON.parse('{"hours": 3, "list": [{"prototype": 1}]}'))),
    ).toEqual([expect.objectContaining({ field: 'list.0.prototype', code: 'forbiddenKey' })]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
