import { CODE_LABELS, LABELLED_CODES, labelOf, type LabelledEnumeration } from './labels';

describe('Korean labels of the enumerated codes', () => {
  const enumerations = Object.keys(CODE_LABELS) as LabelledEnumeration[];

  it.each(enumerations)(
    '%s: every code has a Korean label, and the map names no code the enumeration lacks',
    (enumeration) => {
      const labels = CODE_LABELS[enumeration] as Record<string, string>;
      expect(Object.keys(labels).sort()).toEqual([...LABELLED_CODES[enumeration]].sort());
      for (const code of LABELLED_CODES[enumeration]) expect(labels[code]).toMatch(/[가-힣]/);
    },
  );

  it('reads the codes a report breaks figures down by as a person says them', () => {
    expect(labelOf('counselingChannel', 'in_center')).toBe('내방');
    expect(labelOf('employmentType', 'regular')).toBe('정규직');
    expect(labelOf('wageBand', '2m_3m')).toBe('200만~300만원 미만');
    expect(labelOf('agreementKind', 'women_friendly_company')).toBe('여성친화기업 협약');
    expect(labelOf('occupationGroup', '3')).toBe('보건·의료직');
  });

  it('shows a code it does not know as it is rather than dropping it', () => {
    expect(labelOf('employmentType', 'freelance')).toBe('freelance');
  });
});
