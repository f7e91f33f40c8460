import { FieldError, ValidationFailed } from '../errors/domain-errors';

/**
 * Every string that comes in — body, query, path parameter, at any depth, on both command
 * doors — is checked here once, before any DTO rule: PostgreSQL `text` and `jsonb` cannot hold
 * U+0000, and a lone UTF-16 surrogate (`"\ud800"`) has no UTF-8 form, so either one reached
 * the database as a 500 ("unsupported Unicode escape sequence"). They are refused as a 400
 * naming the field (code `invalidCharacter`). What is kept is normalized to NFC, so the same
 * Korean text typed as composed or decomposed syllables is stored and compared as one.
 *
 * Numbers: JSON allows `1e400` (Infinity once parsed) and integers past 2^53, which JavaScript
 * cannot hold exactly (9007199254740993 arrives as …992) and PostgreSQL's integer columns
 * overflow on; no field of ours needs either, so they are refused here too (code `unsafeNumber`).
 */

/** U+0000, or a high surrogate not followed by a low one, or a low one not preceded by a high one. */
const UNREPRESENTABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export function hasUnrepresentableText(value: string): boolean {
  return UNREPRESENTABLE.test(value);
}

function stringProblem(value: string, field: string): FieldError | undefined {
  if (!hasUnrepresentableText(value)) return undefined;
  return {
    field,
    code: 'invalidCharacter',
    message: `${field} contains a character that cannot be stored (U+0000 or an unpaired surrogate)`,
  };
}

function numberProblem(value: number, field: string): FieldError | undefined {
  if (Number.isFinite(value) && Math.abs(value) <= Number.MAX_SAFE_INTEGER) return undefined;
  return {
    field,
    code: 'unsafeNumber',
    message: `${field} must be a finite number no larger than ${Number.MAX_SAFE_INTEGER} in magnitude`,
  };
}

/**
 * The value with every string normalized to NFC (a copy; the input is left alone), or a
 * ValidationFailed listing every field that holds a string PostgreSQL cannot store or a number
 * beyond 2^53. Keys are checked like values (an unknown key would be echoed back in its error).
 * `root` names the value itself when it is a scalar (a query or path parameter).
 */
export function checkedText<T>(value: T, root = '(body)'): T {
  const problems: FieldError[] = [];
  const visit = (item: unknown, path: string, depth: number): unknown => {
    const field = path || root;
    if (typeof item === 'string') {
      const problem = stringProblem(item, field);
      if (problem) problems.push(problem);
      return problem ? item : item.normalize('NFC');
    }
    if (typeof item === 'number') {
      const problem = numberProblem(item, field);
      if (problem) problems.push(problem);
      return item;
    }
    // Deeper than any body may be: left as is for the shape check to refuse (maxDepth).
    if (item === null || typeof item !== 'object' || depth > 64) return item;
    if (Array.isArray(item))
      return item.map((element, i) => visit(element, path ? `${path}.${i}` : String(i), depth + 1));
    const copy: Record<string, unknown> = {};
    for (const key of Object.keys(item)) {
      const keyField = path ? `${path}.${key}` : key;
      if (hasUnrepresentableText(key)) {
        problems.push({
          field: keyField,
          code: 'invalidCharacter',
          message: 'a field name contains a character that cannot be stored (U+0000 or an unpaired surrogate)',
        });
        continue;
      }
      // defineProperty: a `__proto__` key stays an own key (the shape check refuses it by name)
      Object.defineProperty(copy, key.normalize('NFC'), {
        value: visit((item as Record<string, unknown>)[key], keyField, depth + 1),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
    return copy;
  };
  const result = visit(value, '', 0) as T;
  if (problems.length > 0) throw new ValidationFailed(problems.slice(0, 20));
  return result;
}
