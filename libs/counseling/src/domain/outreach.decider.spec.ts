import { assertMatchesContract } from '@saeil/testing/contract-validate';
import type { CaseState } from '@saeil/intake/domain';
import { deciderSpec } from '../../../../tests/support/decider-spec';
import { outreachDecider, RecordOutreachEvent } from './outreach.decider';

const outreachId = '9e8d7c6b-5a49-4382-9170-6f5e4d3c2b1a';
const [kim, lee] = ['0b8f5f8e-3f7c-4c59-9d0a-7f9d7b1e2a11', '1c9e6a7f-4a8d-4b6a-8e1b-8a0e8c2f3b22'];
const open = (clientId: string): CaseState => ({
  exists: true,
  clientId,
  centerId: 'center-naju',
  counselorId: 'counselor-kim',
  closed: false,
  consents: ['service'],
});

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

const { given, when } = deciderSpec(outreachDecider, { checkEvent: assertMatchesContract });

describe('recording a mobile outreach event', () => {
  it('records the place, counselors (each once), walk-in contacts and the registered clients counselled', () => {
    when(outreach).then([
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
    const [event] = when({ ...outreach, walkInContacts: 0, registeredClients: [], notes: undefined }).events();
    expect(event.data).toMatchObject({ walkInContacts: 0, registeredClientIds: [] });
    expect(event.data).not.toHaveProperty('notes');
  });

  it('recording the same outreach twice is refused with OUTREACH_ALREADY_RECORDED', () => {
    const [held] = when(outreach).events();
    given(held).when(outreach).thenRefuses('OUTREACH_ALREADY_RECORDED');
  });

  it('a blank place is refused with PLACE_REQUIRED', () => {
    when({ ...outreach, place: '  ' }).thenRefuses('PLACE_REQUIRED');
  });

  it('a date after today is refused with DATE_IN_FUTURE', () => {
    when({ ...outreach, heldOn: '2026-11-23' }).thenRefuses('DATE_IN_FUTURE');
  });

  it('a registered client who is unknown is refused with UNKNOWN_CLIENT (count her as a walk-in instead)', () => {
    const registeredClients = [{ clientId: lee, case: { exists: false, closed: false, consents: [] } }];
    when({ ...outreach, registeredClients }).thenRefuses('UNKNOWN_CLIENT', { clientIds: [lee] });
  });

  it('a registered client without consent, or with a closed case, is refused naming her', () => {
    when({ ...outreach, registeredClients: [{ clientId: lee, case: { ...open(lee), consents: [] } }] }).thenRefuses(
      'CONSENT_REQUIRED',
      { missing: ['service'], clientIds: [lee] },
    );
    when({ ...outreach, registeredClients: [{ clientId: lee, case: { ...open(lee), closed: true } }] }).thenRefuses(
      'CASE_CLOSED',
      { clientIds: [lee] },
    );
  });

  it('the same registered client twice is refused with DUPLICATE_ATTENDEE', () => {
    const registeredClients = [kim, kim].map((clientId) => ({ clientId, case: open(clientId) }));
    when({ ...outreach, registeredClients }).thenRefuses('DUPLICATE_ATTENDEE', { clientIds: [kim] });
  });
});
