import { Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { components } from '../api/schema';
import { countText, isSuppressed, rateText } from './figures';

type Figures = components['schemas']['RetentionFiguresResponse'];
export interface RetentionRow {
  key: string;
  label: React.ReactNode;
  figures: Figures[];
}

/**
 * 1·2·3-month retention per row: eligible, the retention rate (same employer), the any-employer
 * rate and the unverified share — so a missing follow-up shows as unverified, not as success or
 * failure. Suppressed cells read 비공개.
 */
export function RetentionTable({
  rows,
  threshold,
  labelTitle,
  caption,
  decimals = 1,
}: {
  rows: RetentionRow[];
  threshold?: number;
  labelTitle: string;
  caption: string;
  decimals?: number;
}) {
  const at = (row: RetentionRow, n: number) => row.figures.find((f) => f.n === n);
  const cell = (text: string, suppressed: boolean) =>
    suppressed ? <span className="saeil-suppressed">{text}</span> : text;
  const columns: ColumnsType<RetentionRow> = [
    { title: labelTitle, key: 'label', fixed: 'left', render: (_, r) => r.label },
    ...[1, 2, 3].map((n) => ({
      title: `${n}개월`,
      key: `m${n}`,
      children: [
        {
          title: '대상',
          key: `m${n}-eligible`,
          align: 'right' as const,
          render: (_: unknown, r: RetentionRow) =>
            cell(countText(at(r, n)?.eligible, '명', threshold), isSuppressed(at(r, n)?.eligible)),
        },
        {
          title: '고용유지율',
          key: `m${n}-rate`,
          align: 'right' as const,
          render: (_: unknown, r: RetentionRow) =>
            cell(rateText(at(r, n)?.retentionRate, decimals, threshold), isSuppressed(at(r, n)?.retentionRate)),
        },
        {
          title: '타 사업장 포함',
          key: `m${n}-any`,
          align: 'right' as const,
          responsive: ['lg' as const],
          render: (_: unknown, r: RetentionRow) =>
            cell(rateText(at(r, n)?.anyEmployerRate, decimals, threshold), isSuppressed(at(r, n)?.anyEmployerRate)),
        },
        {
          title: '미확인',
          key: `m${n}-unverified`,
          align: 'right' as const,
          render: (_: unknown, r: RetentionRow) =>
            cell(rateText(at(r, n)?.unverifiedShare, decimals, threshold), isSuppressed(at(r, n)?.unverifiedShare)),
        },
      ],
    })),
  ];
  // The wrapper scrolls a wide table at 768 px and can be focused to scroll with the keyboard.
  return (
    <div className="saeil-scroll" tabIndex={0} role="region" aria-label={caption}>
      <Table<RetentionRow>
        rowKey="key"
        size="small"
        bordered
        pagination={false}
        columns={columns}
        dataSource={rows}
        caption={<span className="saeil-visually-hidden">{caption}</span>}
        locale={{ emptyText: '이 기간에 시작한 취업이 없습니다. 기간을 넓혀 보세요.' }}
      />
    </div>
  );
}
