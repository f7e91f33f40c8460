import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { RetentionTable } from './RetentionTable';

const S = { suppressed: true as const };

describe('RetentionTable', () => {
  it('says a suppressed cell as 비공개 (N명 미만) and never as 0, and rounds rates for display', () => {
    render(
      <RetentionTable
        caption="테스트"
        labelTitle="센터"
        threshold={5}
        rows={[
          {
            key: 'a',
            label: '가 센터',
            figures: [
              {
                n: 1,
                eligible: 12,
                sameEmployer: 8,
                otherEmployer: 1,
                notEmployed: 1,
                unreachable: 0,
                unverified: 2,
                retentionRate: 66.666666,
                anyEmployerRate: 75,
                unverifiedShare: 16.6666,
              },
              {
                n: 2,
                eligible: S,
                sameEmployer: S,
                otherEmployer: S,
                notEmployed: S,
                unreachable: S,
                unverified: S,
                retentionRate: S,
                anyEmployerRate: S,
                unverifiedShare: S,
              },
              {
                n: 3,
                eligible: 0,
                sameEmployer: 0,
                otherEmployer: 0,
                notEmployed: 0,
                unreachable: 0,
                unverified: 0,
                retentionRate: null,
                anyEmployerRate: null,
                unverifiedShare: null,
              },
            ],
          },
        ]}
      />,
    );
    const row = screen.getByRole('row', { name: /가 센터/ });
    expect(within(row).getByText('66.7%')).toBeTruthy();
    expect(within(row).getByText('12명')).toBeTruthy();
    expect(within(row).getAllByText('비공개 (5명 미만)').length).toBeGreaterThanOrEqual(3);
    // Month 3 had nobody eligible: its rate is '—', not 0%.
    expect(within(row).queryByText('0%')).toBeNull();
    expect(within(row).queryByText('0.0%')).toBeNull();
  });
});
