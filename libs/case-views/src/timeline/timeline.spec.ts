import { EVENT_CONTRACTS } from '@saeil/contracts';
import { clientEventTypes, clientIdsOf } from './client-ids';
import { DESCRIPTIONS, describeEvent, nameAccounts } from './describe-event';

describe('timeline', () => {
  it('collects the clients an event names, once each', () => {
    expect(clientIdsOf({ clientId: 'a', attendeeClientIds: ['b', 'a'], registeredClientIds: ['c'] })).toEqual([
      'a',
      'b',
      'c',
    ]);
    expect(clientIdsOf({ employerId: 'e' })).toEqual([]);
  });

  it('includes every published event about a client, and nothing that is not about one', () => {
    const types = clientEventTypes();
    expect(types).toEqual(expect.arrayContaining(['ClientRegistered', 'ConsentGiven', 'CaseClosed']));
    for (const contract of EVENT_CONTRACTS.filter((c) => !types.includes(c.type))) {
      expect(Object.keys(contract.payload.properties ?? {})).not.toContain('clientId');
    }
  });

  it('says what happened in plain Korean', () => {
    expect(describeEvent('ConsentGiven', { purpose: 'employer_sharing', version: '2026-01' })).toBe(
      '제3자 제공(채용기업) 동의 (서식 2026-01)',
    );
    expect(describeEvent('CounselorAssigned', { fromCenterId: 'a', centerId: 'b', counselorId: 'k' })).toBe(
      '센터 이관: a → b (담당 {account:k})',
    );
    expect(
      describeEvent('CounselorAssigned', { fromCenterId: 'a', centerId: 'a', fromCounselorId: 'x', counselorId: 'y' }),
    ).toBe('담당자 변경: {account:x} → {account:y}');
    expect(describeEvent('CaseClosed', { reason: '취업 후 종결' })).toBe('사례 종결: 취업 후 종결');
    expect(describeEvent('ClientDataErased', { reason: 'client_request', erasedOn: '2026-11-20' })).toBe(
      '개인정보 파기 (본인 요청)',
    );
    expect(describeEvent('ClientDataErased', { reason: 'retention_period_ended', erasedOn: '2026-11-20' })).toBe(
      '개인정보 파기 (보유기간 경과)',
    );
  });

  it('names the counselors of an assignment by their display names when read, and an id that is no account by itself', () => {
    const kim = '0b5c7a4e-3f1d-4c8e-9a2b-6d7e8f901234';
    const summary = describeEvent('CounselorAssigned', {
      fromCenterId: 'a',
      centerId: 'a',
      fromCounselorId: kim,
      counselorId: 'counselor-lee',
    });
    expect(nameAccounts(summary, new Map([[kim, '김하늘']]))).toBe('담당자 변경: 김하늘 → counselor-lee');
    expect(nameAccounts(summary, new Map([[kim, '김하늘 (개명)']]))).toBe('담당자 변경: 김하늘 (개명) → counselor-lee');
  });

  it('names a sealed identity change without showing it', () => {
    expect(
      describeEvent('ClientProfileUpdated', { changes: { desiredOccupation: '사무보조' }, personal: 'pd1.x' }),
    ).toBe('프로필 수정: 개인정보(이름·생년월일·연락처), desiredOccupation');
    expect(describeEvent('ClientProfileUpdated', { changes: { region: '전라남도' } })).toBe('프로필 수정: region');
  });

  it('names every published event type once: a sentence for each event about a client, "not hers" for exactly the others', () => {
    expect(Object.keys(DESCRIPTIONS).sort()).toEqual(EVENT_CONTRACTS.map((c) => c.type).sort());
    const aboutClients = new Set(clientEventTypes());
    const notHers = Object.entries(DESCRIPTIONS)
      .filter(([, d]) => d === 'not-hers')
      .map(([type]) => type);
    expect(notHers.filter((type) => aboutClients.has(type))).toEqual([]);
    expect(
      EVENT_CONTRACTS.map((c) => c.type).filter((type) => !aboutClients.has(type) && !notHers.includes(type)),
    ).toEqual([]);
  });

  it('has a plain-terms description of its own for every event type about a client (not the contract fallback)', () => {
    expect(
      clientEventTypes().filter((type) => typeof DESCRIPTIONS[type as keyof typeof DESCRIPTIONS] !== 'function'),
    ).toEqual([]);
    for (const type of clientEventTypes()) {
      const text = describeEvent(type, {});
      expect(text).not.toBe(type);
      expect(text).toMatch(/[가-힣]/);
    }
  });
});
