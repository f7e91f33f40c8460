import { assertMatchesContract } from '@saeil/testing/contract-validate';
import { NotFound } from '@saeil/core';
import { legacyDeciderSpec as deciderSpec } from '../../../../tests/support/decider-spec';
import { agreementDecider, EndAgreement, RenewAgreement, SignAgreement } from './agreement.decider';

const agreementId = '6c5b4a39-2817-4f6e-9d5c-4b3a29181706';
const employerId = '3f2b8c1a-9d4e-5a6b-8c7d-0e1f2a3b4c5d';
const today = '2026-05-01';
const womenFriendly: SignAgreement = {
  type: 'SignAgreement',
  agreementId,
  centerId: 'center-jinju',
  kind: 'women_friendly_company',
  employer: { employerId, registered: true, name: '(주)진주주얼리' },
  signedOn: '2026-03-02',
  termStart: '2026-03-02',
  today,
};
const mou: SignAgreement = {
  type: 'SignAgreement',
  agreementId,
  centerId: 'center-jinju',
  kind: 'institution_mou',
  partyName: '경상국립대학교',
  signedOn: '2026-04-01',
  termStart: '2026-04-01',
  termEnd: '2027-03-31',
  today,
};
const renewal: RenewAgreement = { type: 'RenewAgreement', agreementId, newTermEnd: '2032-03-01', renewedOn: '2029-01-15', today: '2029-03-01' };
const ending: EndAgreement = { type: 'EndAgreement', agreementId, endedOn: '2026-04-30', reason: '기업 폐업', today };

const { when, refusal } = deciderSpec(agreementDecider, { checkEvent: assertMatchesContract });
const signed = () => when(womenFriendly);

describe('agreement decider: signing', () => {
  it('a women-friendly-company agreement runs three years by default and takes the employer’s name', () => {
    expect(when(womenFriendly)).toEqual([
      {
        type: 'AgreementSigned',
        data: { agreementId, centerId: 'center-jinju', kind: 'women_friendly_company', partyName: '(주)진주주얼리', employerId, signedOn: '2026-03-02', termStart: '2026-03-02', termEnd: '2029-03-01' },
      },
    ]);
  });

  it('an institution MOU has the term it states and no employer', () => {
    expect(when(mou)[0].data).toEqual({ agreementId, centerId: 'center-jinju', kind: 'institution_mou', partyName: '경상국립대학교', signedOn: '2026-04-01', termStart: '2026-04-01', termEnd: '2027-03-31' });
  });

  it('refuses a women-friendly agreement without an employer (EMPLOYER_REQUIRED) and with an unregistered one (404)', () => {
    expect(refusal({ ...womenFriendly, employer: undefined, partyName: '어느 기업' }).code).toBe('EMPLOYER_REQUIRED');
    expect(refusal({ ...womenFriendly, employer: { employerId, registered: false } })).toBeInstanceOf(NotFound);
  });

  it('refuses an MOU without a term end or a party name, a term that ends before it starts, and a signing in the future', () => {
    expect(refusal({ ...mou, termEnd: undefined }).code).toBe('TERM_END_REQUIRED');
    expect(refusal({ ...mou, partyName: ' ' }).code).toBe('PARTY_NAME_REQUIRED');
    expect(refusal({ ...mou, termEnd: '2026-04-01' }).code).toBe('DATES_OUT_OF_ORDER');
    expect(refusal({ ...mou, signedOn: '2026-05-02' }).code).toBe('DATE_IN_FUTURE');
  });

  it('refuses signing the same agreement twice', () => {
    expect(refusal(womenFriendly, signed()).code).toBe('AGREEMENT_ALREADY_SIGNED');
  });
});

describe('agreement decider: renewal', () => {
  it('given a term ending 2029-03-01, when renewed in January 2029, then AgreementRenewed names the term it extended', () => {
    expect(when(renewal, signed())).toEqual([
      { type: 'AgreementRenewed', data: { agreementId, centerId: 'center-jinju', previousTermEnd: '2029-03-01', newTermEnd: '2032-03-01', renewedOn: '2029-01-15' } },
    ]);
  });

  it('accepts a renewal shortly after expiry (within three months) and refuses one later (AGREEMENT_LAPSED)', () => {
    expect(when({ ...renewal, renewedOn: '2029-05-30', today: '2029-06-01' }, signed())).toHaveLength(1);
    expect(refusal({ ...renewal, renewedOn: '2029-06-05', today: '2029-06-10' }, signed()).code).toBe('AGREEMENT_LAPSED');
  });

  it('refuses a renewal years before the term ends (RENEWAL_TOO_EARLY)', () => {
    expect(refusal({ ...renewal, renewedOn: '2027-01-15' }, signed())).toMatchObject({ code: 'RENEWAL_TOO_EARLY', details: { opensOn: '2028-08-30' } });
  });

  it('given the term was renewed, when the same term is renewed again, then AGREEMENT_ALREADY_RENEWED', () => {
    const history = [...signed(), ...when(renewal, signed())];
    expect(refusal({ ...renewal, newTermEnd: '2033-03-01', renewedOn: '2029-02-01' }, history)).toMatchObject({ code: 'AGREEMENT_ALREADY_RENEWED', details: { termEnd: '2032-03-01' } });
  });

  it('given a renewed term, its own renewal three years later is accepted', () => {
    const history = [...signed(), ...when(renewal, signed())];
    expect(when({ ...renewal, newTermEnd: '2035-03-01', renewedOn: '2032-01-10', today: '2032-01-10' }, history)[0].data).toMatchObject({ previousTermEnd: '2032-03-01' });
  });

  it('refuses a new term end not after the current one, an unknown agreement (404), an ended one, and a future date', () => {
    expect(refusal({ ...renewal, newTermEnd: '2029-03-01' }, signed()).code).toBe('DATES_OUT_OF_ORDER');
    expect(refusal(renewal)).toBeInstanceOf(NotFound);
    expect(refusal(renewal, [...signed(), ...when(ending, signed())]).code).toBe('AGREEMENT_ENDED');
    expect(refusal({ ...renewal, today: '2029-01-14' }, signed()).code).toBe('DATE_IN_FUTURE');
  });
});

describe('agreement decider: end', () => {
  it('given a signed agreement, when ended, then AgreementEnded with the reason', () => {
    expect(when(ending, signed())).toEqual([{ type: 'AgreementEnded', data: { agreementId, centerId: 'center-jinju', endedOn: '2026-04-30', reason: '기업 폐업' } }]);
  });

  it('refuses ending twice, an unknown agreement (404), an end before the signing, and a blank reason', () => {
    expect(refusal(ending, [...signed(), ...when(ending, signed())]).code).toBe('AGREEMENT_ALREADY_ENDED');
    expect(refusal(ending)).toBeInstanceOf(NotFound);
    expect(refusal({ ...ending, endedOn: '2026-03-01' }, signed()).code).toBe('DATES_OUT_OF_ORDER');
    expect(refusal({ ...ending, reason: ' ' }, signed()).code).toBe('REASON_REQUIRED');
  });
});
