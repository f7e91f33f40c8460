import { Alert, Card, Col, DatePicker, Row, Table, Typography } from 'antd';
import { Link, useNavigate } from '@tanstack/react-router';
import { useQuery } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { regionRoute } from '../../app/supervisor-routes';
import { useSession } from '../../app/use-session';
import { countText, isSuppressed, rankBy, rateText, type Figure } from '../../components/figures';
import { koreanDate } from '../../components/format';
import { LoadState } from '../../components/LoadState';
import { ScrollRegion } from '../../components/ScrollRegion';
import { retentionQuery, type RetentionFigures } from '../retention-stats/api';
import { resolvedPeriod } from '../retention-stats/retention-search';
import { centersQuery, employmentQuery } from './api';
import type { RegionSearch } from './region-search';

interface CenterRow {
  centerId: string;
  name: string;
  retention: RetentionFigures[];
  employed?: Figure;
}

/** 시·도 현황: the region's figures rolled up, and its centers ranked by 1-month retention (hidden figures last). */
export function RegionPage() {
  const principal = useSession();
  const search = regionRoute.useSearch();
  const navigate = useNavigate({ from: '/region' });
  const region = principal?.region ?? '';
  const period = resolvedPeriod(search);
  const ask = { level: 'region' as const, id: region, from: period.from, to: period.to, asOfDate: period.asOf };
  const rollup = useQuery({ ...retentionQuery(ask), enabled: region !== '' });
  const byCenter = useQuery({ ...retentionQuery({ ...ask, by: 'center' }), enabled: region !== '' });
  const employment = useQuery({
    ...employmentQuery('region', region, period.from, period.to, 'center'),
    enabled: region !== '',
  });
  const centers = useQuery({ ...centersQuery(region), enabled: region !== '' });
  if (!principal?.region)
    return <Alert type="info" showIcon title="시·도를 담당하는 광역새일센터 관리자의 화면입니다." />;
  const change = (patch: Partial<RegionSearch>) => navigate({ search: (prev) => ({ ...prev, ...patch }) });
  const threshold = rollup.data?.suppressionThreshold;
  const say = (f: Figure | undefined, rate = true) => {
    const text = rate ? rateText(f, 1, threshold) : countText(f, '명', threshold);
    return isSuppressed(f) ? <span className="saeil-suppressed">{text}</span> : text;
  };
  const at = (figures: RetentionFigures[] | undefined, n: number) => figures?.find((f) => f.n === n);

  return (
    <>
      <Typography.Title level={1} className="saeil-title">
        {region} 현황
      </Typography.Title>
      <PeriodPickers period={period} onChange={change} idPrefix="region" />
      <Card title={<h2 className="saeil-card-title">시·도 전체</h2>} style={{ marginBottom: 16 }}>
        <LoadState query={rollup}>
          {(data) => (
            <Row gutter={[16, 16]}>
              {[1, 2, 3].map((n) => (
                <Col xs={12} lg={6} key={n}>
                  <div className="saeil-figure-title">{n}개월 고용유지율</div>
                  <div className="saeil-figure">{say(at(data.retention, n)?.retentionRate)}</div>
                  <Typography.Text type="secondary">
                    대상 {say(at(data.retention, n)?.eligible, false)} · 미확인{' '}
                    {say(at(data.retention, n)?.unverifiedShare)}
                  </Typography.Text>
                </Col>
              ))}
              <Col xs={12} lg={6}>
                <div className="saeil-figure-title">취업자 수</div>
                <div className="saeil-figure">{say(employment.data?.employment.employedClients, false)}</div>
              </Col>
            </Row>
          )}
        </LoadState>
      </Card>
      <Card title={<h2 className="saeil-card-title">센터별 순위 (1개월 고용유지율 높은 순)</h2>}>
        <LoadState query={byCenter}>
          {(data) => {
            const names = new Map((centers.data?.centers ?? []).map((c) => [c.centerId, c.name ?? c.centerId]));
            const employedBy = new Map((employment.data?.rows ?? []).map((r) => [r.key, r.employment.employedClients]));
            const ids = new Set([
              ...(centers.data?.centers ?? []).map((c) => c.centerId),
              ...(data.rows ?? []).map((r) => r.key),
            ]);
            const rows: CenterRow[] = [...ids].map((centerId) => ({
              centerId,
              name: names.get(centerId) ?? centerId,
              retention: data.rows?.find((r) => r.key === centerId)?.figures ?? [],
              employed: employedBy.get(centerId),
            }));
            const ranked = rankBy(rows, (r) => at(r.retention, 1)?.retentionRate);
            return (
              <ScrollRegion label="센터별 순위" minWidth={720}>
                <Table
                  rowKey={(r) => r.row.centerId}
                  size="small"
                  pagination={false}
                  dataSource={ranked}
                  locale={{ emptyText: '이 시·도에 속한 센터가 없습니다.' }}
                  columns={[
                    { title: '순위', key: 'rank', width: 64, render: (_, r) => r.rank ?? '—' },
                    {
                      title: '센터',
                      key: 'center',
                      render: (_, r) => (
                        <Link to="/region/centers/$centerId" params={{ centerId: r.row.centerId }} search={search}>
                          {r.row.name}
                        </Link>
                      ),
                    },
                    ...[1, 2, 3].map((n) => ({
                      title: `${n}개월 고용유지율`,
                      key: `m${n}`,
                      align: 'right' as const,
                      render: (_: unknown, r: { row: CenterRow }) => say(at(r.row.retention, n)?.retentionRate),
                    })),
                    {
                      title: '1개월 미확인',
                      key: 'unverified',
                      align: 'right',
                      responsive: ['md'],
                      render: (_, r) => say(at(r.row.retention, 1)?.unverifiedShare),
                    },
                    {
                      title: '취업자 수',
                      key: 'employed',
                      align: 'right',
                      render: (_, r) => say(r.row.employed, false),
                    },
                  ]}
                />
              </ScrollRegion>
            );
          }}
        </LoadState>
        <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
          {threshold ?? 5}명 미만인 값은 ‘비공개’로 표시하며 순위에서 빠집니다. 센터 이름을 누르면 그 센터의 월별 수치가
          열립니다. 시·도 보고서는{' '}
          <Link to="/reports" style={{ textDecoration: 'underline' }}>
            성과 보고
          </Link>
          에서 제출합니다.
        </Typography.Paragraph>
      </Card>
    </>
  );
}

export function PeriodPickers({
  period,
  onChange,
  idPrefix,
}: {
  period: { from: string; to: string; asOf: string };
  onChange: (patch: RegionSearch) => void;
  idPrefix: string;
}) {
  return (
    <div className="saeil-toolbar" role="group" aria-label="기간과 기준일">
      <label htmlFor={`${idPrefix}-from`}>
        취업 시작 기간 (시작일)
        <DatePicker
          id={`${idPrefix}-from`}
          value={dayjs(period.from)}
          allowClear={false}
          onChange={(d) => d && onChange({ from: d.format('YYYY-MM-DD') })}
        />
      </label>
      <label htmlFor={`${idPrefix}-to`}>
        취업 시작 기간 (종료일)
        <DatePicker
          id={`${idPrefix}-to`}
          value={dayjs(period.to)}
          allowClear={false}
          onChange={(d) => d && onChange({ to: d.format('YYYY-MM-DD') })}
        />
      </label>
      <label htmlFor={`${idPrefix}-asof`}>
        기준일
        <DatePicker
          id={`${idPrefix}-asof`}
          value={dayjs(period.asOf)}
          allowClear={false}
          onChange={(d) => d && onChange({ asOf: d.format('YYYY-MM-DD') })}
        />
      </label>
      <Typography.Text type="secondary">
        {koreanDate(period.from)} ~ {koreanDate(period.to)}에 취업을 시작한 사람 기준
      </Typography.Text>
    </div>
  );
}
