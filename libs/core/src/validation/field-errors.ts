import type { FieldError } from '../errors/domain-errors';
import { koreanMessage, labelOfPath } from './korean-messages';

const HANGUL = /[가-힣]/;

/**
 * Every 400 speaks Korean and names each field once: the first problem found per field is kept
 * (the DTO validation already chose the one that matters), and a message written in English by
 * a check outside the DTOs (a query parser, a header) is replaced by the Korean one for its code.
 */
export function inKoreanOncePerField(fields: readonly FieldError[]): FieldError[] {
  const seen = new Set<string>();
  const once: FieldError[] = [];
  for (const f of fields) {
    if (seen.has(f.field)) continue;
    seen.add(f.field);
    once.push(
      HANGUL.test(f.message)
        ? f
        : { field: f.field, code: f.code, message: koreanMessage(f.code, labelOfPath(f.field)) },
    );
  }
  return once;
}
