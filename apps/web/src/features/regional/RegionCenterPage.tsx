import { Alert, Breadcrumb, Card, Typography } from 'antd';
import { Link, useNavigate } from '@tanstack/react-router';
import { useQuery } from '@tanstack/react-query';
import { ApiError } from '../../api/errors';
import { regionCenterRoute } from '../../app/supervisor-routes';
import { useSession } from '../../app/use-session';
import { LazyChart } from '../../components/chart/LazyChart';
import { numeric } from '../../components/figures';
import { centerName } from '../../components/format';
import { LoadState } from '../../components/LoadState';
import { RetentionTable } from '../../components/RetentionTable';
import { retentionQuery } from '../retention-stats/api';
import { resolvedPeriod } from '../retention-stats/retention-search';
import { PeriodPickers } from './RegionPage';
import type { RegionSearch } from './region-search';

/** One center of her 시·도, drilled into from the ranking: its retention by placement month (suppressed where small). */
export function RegionCenterPage() {
  const principal = useSession();
  const { centerId } = regionCenterRoute.useParams();
  const search = regionCenterRoute.useSearch();
  const navigate = useNavigate({ from: '/region/centers/$centerId' });
  const period = resolvedPeriod(search);
  const byMonth = useQuery(
    retentionQuery({
      level: 'center',
      id: centerId,
      from: period.from,
      to: period.to,
      asOfDate: period.asOf,
      by: 'placementMonth',
    }),
  );
  const change = (patch: Partial<RegionSearch>) => navigate({ search: (prev) => ({ ...prev, ...patch }) });
  const refused = byMonth.error instanceof ApiError && (byMonth.error.status === 403 || byMonth.error.status === 404);
  return (
    <>
      <Breadcrumb
        items={[
          {
            title: (
              <Link to="/region" search={search}>
                {principal?.region ?? '시·도'} 현황
              </Link>
            ),
          },
          { title: centerName(centerId) },
        ]}
      />
      <Typography.Title level={1} className="saeil-title">
        {centerName(centerId)}
      </Typography.Title>
      {refused ? (
        <Alert
          type="error"
          showIcon
          title="이 센터는 볼 수 없습니다."
          description={`담당 시·도(${principal?.region ?? '—'}) 밖의 센터이거나 없는 센터입니다. 시·도 현황의 센터 목록에서 고르세요.`}
        />
      ) : (
        <>
          <PeriodPickers period={period} onChange={change} idPrefix="center" />
          <Card title={<h2 className="saeil-card-title">취업 시작 월별 고용유지율</h2>}>
            <LoadState query={byMonth}>
              {(data) => (
                <>
                  {(data.rows ?? []).length > 0 && (
                    <LazyChart
                      title={`${centerName(centerId)} 취업 시작 월별 1·2·3개월 고용유지율 (비공개 값은 빈칸)`}
                      categories={(data.rows ?? []).map((r) => `${r.key.slice(0, 4)}.${r.key.slice(5)}`)}
                      series={[1, 2, 3].map((n) => ({
                        name: `${n}개월 고용유지율`,
                        data: (data.rows ?? []).map((r) => numeric(r.figures.find((f) => f.n === n)?.retentionRate)),
                      }))}
                      unit="%"
                      max={100}
                    />
                  )}
                  <RetentionTable
                    caption="월별 고용유지"
                    labelTitle="취업 시작 월"
                    threshold={data.suppressionThreshold}
                    rows={[
                      { key: 'all', label: <strong>기간 전체</strong>, figures: data.retention },
                      ...(data.rows ?? []).map((r) => ({
                        key: r.key,
                        label: `${r.key.slice(0, 4)}년 ${Number(r.key.slice(5))}월`,
                        figures: r.figures,
                      })),
                    ]}
                  />
                </>
              )}
            </LoadState>
          </Card>
        </>
      )}
    </>
  );
}
