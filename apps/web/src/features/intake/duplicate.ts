import { ApiError } from '../../api/errors';

/** What the API recognised her by (DUPLICATE_CLIENT's details.matchedOn), in words. */
const MATCHED_ON: Record<string, string> = {
  'birthDate+phone': '생년월일과 전화번호',
  'name+birthDate+center': '이름과 생년월일',
};

/**
 * The duplicate answer of 구직 등록, in words, with what to do next:
 * - she is already a 구직자 of this center → open her existing case (or, if it is truly another
 *   woman, confirm that and register anyway);
 * - she is registered at another center → do not register her again; ask that center for a
 *   transfer (사례 이관). The API never says which center, nor her id, so neither does the screen.
 */
export type DuplicateAnswer =
  | { kind: 'same_center'; title: string; matchedOn: string; existingClientIds: string[]; steps: string[] }
  | { kind: 'other_center'; title: string; steps: string[] };

export function duplicateAnswer(error: unknown): DuplicateAnswer | null {
  if (!(error instanceof ApiError) || error.status !== 422) return null;
  const details = (error as ApiError & { details?: Record<string, unknown> }).details ?? {};
  if (error.code === 'DUPLICATE_CLIENT') {
    const ids = Array.isArray(details.existingClientIds)
      ? details.existingClientIds.filter((id): id is string => typeof id === 'string')
      : [];
    const matched = (Array.isArray(details.matchedOn) ? details.matchedOn : []).map(
      (m) => MATCHED_ON[String(m)] ?? String(m),
    );
    const matchedOn = matched.length > 0 ? matched.join(', ') : '인적 사항';
    return {
      kind: 'same_center',
      title: `이미 우리 센터에 등록된 구직자와 같은 사람으로 보입니다 (${subject(matchedOn)} 같습니다).`,
      matchedOn,
      existingClientIds: ids,
      steps: [
        '새로 등록하지 말고 기존 사례를 열어 이어서 기록하세요.',
        '기존 구직자와 다른 사람이 확실하면, 확인했다고 표시하고 등록할 수 있습니다. 확인한 사실이 기록에 남습니다.',
      ],
    };
  }
  if (error.code === 'CLIENT_AT_ANOTHER_CENTER') {
    return {
      kind: 'other_center',
      title: '이 사람은 다른 새일센터에 이미 구직자로 등록되어 있습니다.',
      steps: [
        '새로 등록하지 마세요. 한 사람은 한 센터에서만 사례를 가집니다.',
        '어느 센터에 등록했는지 본인에게 확인하고, 그 센터에 사례 이관(담당 센터 변경)을 요청하세요.',
        '개인정보 보호를 위해 다른 센터의 이름과 사례 번호는 이 화면에 나오지 않습니다.',
      ],
    };
  }
  return null;
}

/** The word with its subject particle: 이 after a final consonant (받침), else 가. */
export function subject(word: string): string {
  const last = word.charCodeAt(word.length - 1);
  if (last < 0xac00 || last > 0xd7a3) return `${word}이(가)`;
  return (last - 0xac00) % 28 === 0 ? `${word}가` : `${word}이`;
}
