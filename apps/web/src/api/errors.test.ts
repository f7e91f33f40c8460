import { describe, expect, it } from 'vitest';
import { ApiError, describeError, toFormFields, unwrap } from './errors';

describe('API errors as the screens show them', () => {
  it('maps the API’s field errors onto form fields, nested and indexed, in Korean', () => {
    const error = new ApiError(400, 'VALIDATION_FAILED', 'Validation failed', [
      { field: 'name', code: 'isNotEmpty', message: 'name should not be empty' },
      {
        field: 'nextAction.dueOn',
        code: 'isDateString',
        message: 'nextAction.dueOn must be a valid ISO 8601 date string',
      },
      { field: 'goals[1]', code: 'maxLength', message: 'goals.1 is too long' },
      { field: 'occurredOn', code: 'futureDate', message: '미래의 날짜는 기록할 수 없습니다: 2030-01-01' },
      { field: 'name', code: 'maxLength', message: 'name is too long' },
    ]);
    expect(toFormFields(error)).toEqual([
      { name: ['name'], errors: ['입력해 주세요.', '너무 깁니다.'] },
      { name: ['nextAction', 'dueOn'], errors: ['날짜 형식(YYYY-MM-DD)이 맞지 않습니다.'] },
      { name: ['goals', 1], errors: ['너무 깁니다.'] },
      // A message the API already gives in Korean is shown as it is.
      { name: ['occurredOn'], errors: ['미래의 날짜는 기록할 수 없습니다: 2030-01-01'] },
    ]);
    expect(toFormFields(new Error('network'))).toEqual([]);
  });

  it('says in a sentence what went wrong: the API’s Korean rule message, else by status', () => {
    expect(describeError(new ApiError(422, 'CASE_CLOSED', '종결된 사례입니다. 다시 열어야 기록할 수 있습니다.'))).toBe(
      '종결된 사례입니다. 다시 열어야 기록할 수 있습니다.',
    );
    expect(describeError(new ApiError(409, 'CONCURRENCY_CONFLICT', 'stream version mismatch'))).toBe(
      '다른 사람이 먼저 기록했습니다. 새로 불러온 뒤 다시 입력해 주세요.',
    );
    expect(describeError(new ApiError(403, 'ACCESS_DENIED', 'denied'))).toBe('이 화면을 볼 권한이 없습니다.');
    expect(describeError(new TypeError('Failed to fetch'))).toBe(
      '서버에 연결하지 못했습니다. 네트워크를 확인하고 다시 시도하세요.',
    );
  });

  it('turns an openapi-fetch answer into its data or a typed ApiError', () => {
    expect(unwrap({ data: { ok: 1 }, response: new Response(null, { status: 200 }) })).toEqual({ ok: 1 });
    try {
      unwrap({
        error: { error: { code: 'NOT_FOUND', message: '구직자를 찾을 수 없습니다.' } },
        response: new Response(null, { status: 404 }),
      });
      throw new Error('no throw');
    } catch (error) {
      expect(error).toBeInstanceOf(ApiError);
      expect([(error as ApiError).status, (error as ApiError).code, (error as ApiError).message]).toEqual([
        404,
        'NOT_FOUND',
        '구직자를 찾을 수 없습니다.',
      ]);
    }
  });
});
