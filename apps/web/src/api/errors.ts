/** The API's error body (`{ error: { code, message, fields? } }`) as the app shows it. */
export interface ApiFieldError {
  field: string;
  code: string;
  message: string;
}

export interface ApiErrorBody {
  error: { code: string; message: string; fields?: ApiFieldError[]; retryAfterSeconds?: number };
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: ApiFieldError[] = [],
    /** A 429's wait (Retry-After, else the body's retryAfterSeconds): when she may send again. */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
  }
}

/** Korean words for the validation codes the API answers (class-validator's names and ours). */
const FIELD_MESSAGES: Record<string, string> = {
  isNotEmpty: '입력해 주세요.',
  required: '입력해 주세요.',
  isString: '글자로 입력해 주세요.',
  maxLength: '너무 깁니다.',
  minLength: '너무 짧습니다.',
  isIn: '목록에 있는 값을 골라 주세요.',
  isEnum: '목록에 있는 값을 골라 주세요.',
  isInt: '정수로 입력해 주세요.',
  min: '더 큰 값을 입력해 주세요.',
  max: '더 작은 값을 입력해 주세요.',
  matches: '형식이 맞지 않습니다.',
  isDateString: '날짜 형식(YYYY-MM-DD)이 맞지 않습니다.',
  isUuid: '올바른 식별자가 아닙니다.',
  isBoolean: '예 또는 아니오로 골라 주세요.',
  whitelistValidation: '알 수 없는 항목입니다.',
  futureDate: '미래 날짜는 기록할 수 없습니다.',
};

/** The message to show under a field: ours in Korean when we know the code, else the API's own (Korean for rules). */
export function fieldMessage(error: ApiFieldError): string {
  if (/[가-힣]/.test(error.message)) return error.message;
  return FIELD_MESSAGES[error.code] ?? error.message;
}

/** Field errors in the shape antd's `form.setFields` takes ('a.b' → ['a', 'b'], 'goals[0]' → ['goals', 0]). */
export function toFormFields(error: unknown): { name: (string | number)[]; errors: string[] }[] {
  if (!(error instanceof ApiError)) return [];
  const byField = new Map<string, string[]>();
  for (const f of error.fields) byField.set(f.field, [...(byField.get(f.field) ?? []), fieldMessage(f)]);
  return [...byField].map(([field, errors]) => ({
    name: field
      .split(/[.[\]]/)
      .filter(Boolean)
      .map((part) => (/^\d+$/.test(part) ? Number(part) : part)),
    errors,
  }));
}

const STATUS_MESSAGES: Record<number, string> = {
  403: '이 화면을 볼 권한이 없습니다.',
  404: '찾는 기록이 없거나 볼 수 있는 범위 밖에 있습니다.',
  409: '다른 사람이 먼저 기록했습니다. 새로 불러온 뒤 다시 입력해 주세요.',
  429: '요청이 너무 많습니다. 잠시 후 다시 시도하세요.',
  503: '서버가 잠시 응답하지 못합니다. 잠시 후 다시 시도하세요.',
};

/** What to tell her in a sentence about any failed call. */
export function describeError(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.status === 400 && error.fields.length > 0) return '입력한 내용을 확인해 주세요.';
    if (/[가-힣]/.test(error.message)) return error.message;
    return STATUS_MESSAGES[error.status] ?? '요청을 처리하지 못했습니다. 잠시 후 다시 시도하세요.';
  }
  return '서버에 연결하지 못했습니다. 네트워크를 확인하고 다시 시도하세요.';
}

/** openapi-fetch's `{ data, error, response }` → the data, or an ApiError thrown. */
export function unwrap<T>(result: { data?: T; error?: unknown; response: Response }): T {
  if (result.response.ok && result.data !== undefined) return result.data;
  if (result.response.ok) return undefined as T;
  const body = result.error as Partial<ApiErrorBody> | undefined;
  const status = result.response.status;
  const header = result.response.headers.get('Retry-After');
  const retryAfter =
    header && /^\d+$/.test(header.trim())
      ? Number(header)
      : header && !Number.isNaN(Date.parse(header))
        ? Math.max(0, Math.ceil((Date.parse(header) - Date.now()) / 1000))
        : body?.error?.retryAfterSeconds;
  throw new ApiError(
    status,
    body?.error?.code ?? `HTTP_${status}`,
    body?.error?.message ?? STATUS_MESSAGES[status] ?? '',
    body?.error?.fields ?? [],
    retryAfter,
  );
}

/**
 * `unwrap` for a route whose answer the OpenAPI document does not describe yet: the caller names
 * the type (from api/schemas.ts, which becomes the generated one once the document has it).
 */
export function unwrapAs<T>(result: { data?: unknown; error?: unknown; response: Response }): T {
  return unwrap(result) as T;
}
