import { assertMatchesContract } from '@saeil/testing/contract-validate';
import type { OutreachEvent } from '@saeil/contracts';
import type { CaseState } from '@saeil/intake/domain';
import { legacyDeciderSpec as deciderSpec } from '../../../../tests/support/decider-spec';
import { outreachDecider, RecordOutreachEvent } from './outreach.decider';

const outreachId = '9e8d7c6b-5a49-4382-9170-6f5e4d3c2b1a';
const [kim, lee] = ['0b8f5f8e-3f7c-4c59-9d0a-7f9d7b1e2a11', '1c9e6a7f-4a8d-4b6a-8e1b-8a0e8c2f3b22'];
const open = (clientId: string): CaseState => ({ exists: true, clientId, centerId: 'center-naju', counselorId: 'counselor-kim', closed: false, consents: ['service'] });

const outreach: RecordOutreachEvent = {
  type: 'RecordOutreachEvent',
  outreachId,
  centerId: 'center-naju',
  place: ' 나주역 광장 ',
  heldOn: '2026-05-14',
  counselorIds: ['counselor-kim', 'counselor-lee', 'counselor-kim'],
  walkInContacts: 23,
  registeredClients: [{ clientId: kim, case: open(kim) }],
  notes: '구직 상담 부스 운영',
  today: '2026-11-22',
};

const { when } = deciderSpec(outreachDecider, { checkEvent: assertMatchesContract });
const decide = (command: RecordOutreachEvent, ...history: OutreachEvent[]) => when(command, history);

describe('recording a mobile outreach event', () => {
  it('records the place, counselors (each once), walk-in contacts and the registered clients counselled', () => {
    expect(decide(outreach)).toEqual([
      {
        type: 'OutreachEventHeld',
        data: {
          outreachId,
          centerId: 'center-naju',
          place: '나주역 광장',
          heldOn: '2026-05-14',
          counselorIds: ['counselor-kim', 'counselor-lee'],
          walkInContacts: 23,
          registeredClientIds: [kim],
          notes: '구직 상담 부스 운영',
        },
      },
    ]);
  });

  it('an event that reached nobody still counts as held', () => {
    const [event] = decide({ ...outreach, walkInContacts: 0, registeredClients: [], notes: undefined });
    expect(event.data).toMatchObject({ walkInContacts: 0, registeredClientIds: [] });
    expect(event.data).not.toHaveProperty('notes');
  });

  it('recording the same outreach twice is refused with OUTREACH_ALREADY_RECORDED', () => {
    const [held] = decide(outreach);
    expect(() => decide(outreach, held)).toThrow(expect.objectContaining({ code: 'OUTREACH_ALREADY_RECORDED' }));
  });

  it('a blank place is refused with PLACE_REQUIRED', () => {
    expect(() => decide({ ...outreach, place: '  ' })).toThrow(expect.objectContaining({ code: 'PLACE_REQUIRED' }));
  });

  it('a date after today is refused with DATE_IN_FUTURE', () => {
    expect(() => decide({ ...outreach, heldOn: '2026-11-23' })).toThrow(expect.objectContaining({ code: 'DATE_IN_FUTURE' }));
  });

  it('a registered client who is unknown is refused with UNKNOWN_CLIENT (count her as a walk-in instead)', () => {
    const registeredClients = [{ clientId: lee, case: { exists: false, closed: false, consents: [] } }];
    expect(() => decide({ ...outreach, registeredClients })).toThrow(expect.objectContaining({ code: 'UNKNOWN_CLIENT', details: { clientIds: [lee] } }));
  });

  it('a registered client without consent, or with a closed case, is refused naming her', () => {
    expect(() => decide({ ...outreach, registeredClients: [{ clientId: lee, case: { ...open(lee), consents: [] } }] })).toThrow(
      expect.objectContaining({ code: 'CONSENT_REQUIRED', details: { missing: ['service'], clientIds: [lee] } }),
    );
    expect(() => decide({ ...outreach, registeredClients: [{ clientId: lee, case: { ...open(lee), closed: true } }] })).toThrow(
      expect.objectContaining({ code: 'CASE_CLOSED', details: { clientIds: [lee] } }),
    );
  });

  it('the same registered client twice is refused with DUPLICATE_ATTENDEE', () => {
    const registeredClients = [kim, kim].map((clientId) => ({ clientId, case: open(clientId) }));
    expect(() => decide({ ...outreach, registeredClients })).toThrow(expect.objectContaining({ code: 'DUPLICATE_ATTENDEE', details: { clientIds: [kim] } }));
  });
});
