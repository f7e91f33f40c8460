import { answersFor, CenterRegions, centerIdsOf, coversCenter, coversLevel, scopeOf } from './access-scope';

/** The directory as config/centers.json has it for these centers. */
const regions: CenterRegions = {
  regionOf: (centerId) =>
    ({ 'center-naju': '전라남도', 'center-hwasun': '전라남도', 'center-jinju': '경상남도' })[centerId] ?? '미지정',
  centersIn: (region) => ({ 전라남도: ['center-hwasun', 'center-naju'], 경상남도: ['center-jinju'] })[region] ?? [],
  isListed: (centerId) => ['center-naju', 'center-hwasun', 'center-jinju'].includes(centerId),
};

describe('whose data a role reaches', () => {
  it('a counselor and a supervisor reach their one center; a regional supervisor her 시·도; the Ministry and the administrator every center', () => {
    const counselor = scopeOf({ role: 'counselor', centerId: 'center-naju' });
    expect([
      coversCenter(counselor, 'center-naju', regions),
      coversCenter(counselor, 'center-hwasun', regions),
    ]).toEqual([true, false]);
    const regional = scopeOf({ role: 'regional_supervisor', region: '전라남도' });
    expect(
      ['center-naju', 'center-hwasun', 'center-jinju', 'center-atlantis'].map((c) =>
        coversCenter(regional, c, regions),
      ),
    ).toEqual([true, true, false, false]);
    expect(coversCenter(scopeOf({ role: 'ministry_analyst' }), 'center-jinju', regions)).toBe(true);
    expect(coversCenter(scopeOf({ role: 'administrator' }), 'center-atlantis', regions)).toBe(true);
  });

  it('fails closed: a center-bound role without a center, or a region without the directory, reaches nothing', () => {
    expect(coversCenter(scopeOf({ role: 'supervisor' }), 'center-naju', regions)).toBe(false);
    expect(coversCenter(scopeOf({ role: 'regional_supervisor', region: '전라남도' }), 'center-naju', undefined)).toBe(
      false,
    );
    expect(centerIdsOf(scopeOf({ role: 'regional_supervisor', region: '전라남도' }), undefined)).toEqual([]);
  });

  it('lists show her centers only, or every center (null) for the nation-wide roles', () => {
    expect(centerIdsOf(scopeOf({ role: 'counselor', centerId: 'center-naju' }), regions)).toEqual(['center-naju']);
    expect(centerIdsOf(scopeOf({ role: 'regional_supervisor', region: '경상남도' }), regions)).toEqual([
      'center-jinju',
    ]);
    expect(centerIdsOf(scopeOf({ role: 'ministry_analyst' }), regions)).toBeNull();
  });

  it('figures: her center, her region and its centers, or everything for the Ministry; never a wider level than hers', () => {
    const supervisor = scopeOf({ role: 'supervisor', centerId: 'center-naju' });
    expect([
      coversLevel(supervisor, 'center', 'center-naju', regions),
      coversLevel(supervisor, 'region', '전라남도', regions),
      coversLevel(supervisor, 'nation', undefined, regions),
    ]).toEqual([true, false, false]);
    const regional = scopeOf({ role: 'regional_supervisor', region: '전라남도' });
    expect([
      coversLevel(regional, 'center', 'center-hwasun', regions),
      coversLevel(regional, 'region', '전라남도', regions),
      coversLevel(regional, 'region', '경상남도', regions),
      coversLevel(regional, 'nation', undefined, regions),
    ]).toEqual([true, true, false, false]);
    expect(coversLevel(scopeOf({ role: 'ministry_analyst' }), 'region', '경상남도', regions)).toBe(true);
  });

  it('a report is submitted by whoever answers for its level, which reading does not imply', () => {
    expect(answersFor({ role: 'supervisor', centerId: 'center-naju' }, 'center', 'center-naju')).toBe(true);
    expect(answersFor({ role: 'counselor', centerId: 'center-naju' }, 'center', 'center-naju')).toBe(false);
    expect(answersFor({ role: 'regional_supervisor', region: '전라남도' }, 'center', 'center-naju')).toBe(false);
    expect(answersFor({ role: 'regional_supervisor', region: '전라남도' }, 'region', '전라남도')).toBe(true);
    expect(answersFor({ role: 'ministry_analyst' }, 'nation', undefined)).toBe(true);
    expect(answersFor({ role: 'ministry_analyst' }, 'region', '전라남도')).toBe(false);
  });
});
