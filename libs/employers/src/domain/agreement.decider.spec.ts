import { assertMatchesContract } from '@saeil/testing/contract-validate';
import { deciderSpec } from '../../../../tests/support/decider-spec';
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
const renewal: RenewAgreement = {
  type: 'RenewAgreement',
  agreementId,
  newTermEnd: '2032-03-01',
  renewedOn: '2029-01-15',
  today: '2029-03-01',
};
const ending: EndAgreement = { type: 'EndAgreement', agreementId, endedOn: '2026-04-30', reason: '기업 폐업', today };

const { given, when } = deciderSpec(agreementDecider, { checkEvent: assertMatchesContract });
const signed = () => when(womenFriendly).events();

describe('agreement decider: signing', () => {
  it('a women-friendly-company agreement runs three years by default and takes the employer’s name', () => {
    when(womenFriendly).then([
      {
        type: 'AgreementSigned',
        data: {
          agreementId,
          centerId: 'center-jinju',
          kind: 'women_friendly_company',
          partyName: '(주)진주주얼리',
          employerId,
          signedOn: '2026-03-02',
          termStart: '2026-03-02',
          termEnd: '2029-03-01',
        },
      },
    ]);
  });

  it('an institution MOU has the term it states and no employer', () => {
    expect(when(mou).events()[0].data).toEqual({
      agreementId,
      centerId: 'center-jinju',
      kind: 'institution_mou',
      partyName: '경상국립대학교',
      signedOn: '2026-04-01',
      termStart: '2026-04-01',
      termEnd: '2027-03-31',
    });
  });

  it('refuses a women-friendly agreement without an employer (EMPLOYER_REQUIRED) and with an unregistered one (404)', () => {
    when({ ...womenFriendly, employer: undefined, partyName: '어느 기업' }).thenRefuses('EMPLOYER_REQUIRED');
    when({ ...womenFriendly, employer: { employerId, registered: false } }).thenRefuses('NOT_FOUND');
  });

  it('refuses an MOU without a term end or a party name, a term that ends before it starts, and a signing in the future', () => {
    when({ ...mou, termEnd: undefined }).thenRefuses('TERM_END_REQUIRED');
    when({ ...mou, partyName: ' ' }).thenRefuses('PARTY_NAME_REQUIRED');
    when({ ...mou, termEnd: '2026-04-01' }).thenRefuses('DATES_OUT_OF_ORDER');
    when({ ...mou, signedOn: '2026-05-02' }).thenRefuses('DATE_IN_FUTURE');
  });

  it('refuses signing the same agreement twice', () => {
    given(...signed())
      .when(womenFriendly)
      .thenRefuses('AGREEMENT_ALREADY_SIGNED');
  });
});

describe('agreement decider: renewal', () => {
  it('given a term ending 2029-03-01, when renewed in January 2029, then AgreementRenewed names the term it extended', () => {
    given(...signed())
      .when(renewal)
      .then([
        {
          type: 'AgreementRenewed',
          data: {
            agreementId,
            centerId: 'center-jinju',
            previousTermEnd: '2029-03-01',
            newTermEnd: '2032-03-01',
            renewedOn: '2029-01-15',
          },
        },
      ]);
  });

  it('accepts a renewal shortly after expiry (within three months) and refuses one later (AGREEMENT_LAPSED)', () => {
    expect(
      given(...signed())
        .when({ ...renewal, renewedOn: '2029-05-30', today: '2029-06-01' })
        .events(),
    ).toHaveLength(1);
    given(...signed())
      .when({ ...renewal, renewedOn: '2029-06-05', today: '2029-06-10' })
      .thenRefuses('AGREEMENT_LAPSED');
  });

  it('refuses a renewal years before the term ends (RENEWAL_TOO_EARLY)', () => {
    given(...signed())
      .when({ ...renewal, renewedOn: '2027-01-15' })
      .thenRefuses('RENEWAL_TOO_EARLY', expect.objectContaining({ opensOn: '2028-08-30' }));
  });

  it('given the term was renewed, when the same term is renewed again, then AGREEMENT_ALREADY_RENEWED', () => {
    const history = [
      ...signed(),
      ...given(...signed())
        .when(renewal)
        .events(),
    ];
    given(...history)
      .when({ ...renewal, newTermEnd: '2033-03-01', renewedOn: '2029-02-01' })
      .thenRefuses('AGREEMENT_ALREADY_RENEWED', expect.objectContaining({ termEnd: '2032-03-01' }));
  });

  it('given a renewed term, its own renewal three years later is accepted', () => {
    const history = [
      ...signed(),
      ...given(...signed())
        .when(renewal)
        .events(),
    ];
    expect(
      given(...history)
        .when({ ...renewal, newTermEnd: '2035-03-01', renewedOn: '2032-01-10', today: '2032-01-10' })
        .events()[0].data,
    ).toMatchObject({ previousTermEnd: '2032-03-01' });
  });

  it('refuses a new term end not after the current one, an unknown agreement (404), an ended one, and a future date', () => {
    given(...signed())
      .when({ ...renewal, newTermEnd: '2029-03-01' })
      .thenRefuses('DATES_OUT_OF_ORDER');
    when(renewal).thenRefuses('NOT_FOUND');
    given(
      ...signed(),
      ...given(...signed())
        .when(ending)
        .events(),
    )
      .when(renewal)
      .thenRefuses('AGREEMENT_ENDED');
    given(...signed())
      .when({ ...renewal, today: '2029-01-14' })
      .thenRefuses('DATE_IN_FUTURE');
  });
});

describe('agreement decider: end', () => {
  it('given a signed agreement, when ended, then AgreementEnded with the reason', () => {
    given(...signed())
      .when(ending)
      .then([
        {
          type: 'AgreementEnded',
          data: { agreementId, centerId: 'center-jinju', endedOn: '2026-04-30', reason: '기업 폐업' },
        },
      ]);
  });

  it('refuses ending twice, an unknown agreement (404), an end before the signing, and a blank reason', () => {
    given(
      ...signed(),
      ...given(...signed())
        .when(ending)
        .events(),
    )
      .when(ending)
      .thenRefuses('AGREEMENT_ALREADY_ENDED');
    when(ending).thenRefuses('NOT_FOUND');
    given(...signed())
      .when({ ...ending, endedOn: '2026-03-01' })
      .thenRefuses('DATES_OUT_OF_ORDER');
    given(...signed())
      .when({ ...ending, reason: ' ' })
      .thenRefuses('REASON_REQUIRED');
  });
});
