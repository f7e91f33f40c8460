import { Alert, Card, DatePicker, Segmented, Typography } from 'antd';
import { useNavigate } from '@tanstack/react-router';
import { useQuery } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { retentionRoute } from '../../app/supervisor-routes';
import { useSession } from '../../app/use-session';
import { LazyChart } from '../../components/chart/LazyChart';
import { numeric } from '../../components/figures';
import { koreanDate } from '../../components/format';
import { LoadState } from '../../components/LoadState';
import { RetentionTable } from '../../components/RetentionTable';
import { EMPLOYMENT_TYPE_NAMES, OCCUPATION_GROUP_NAMES } from '../../components/statistics-terms';
import { programsForNames, retentionQuery } from './api';
import { DIMENSIONS, resolvedPeriod, type RetentionDimension, type RetentionSearch } from './retention-search';

const DIMENSION_NAMES: Record<RetentionDimension, string> = {
  program: '사후관리 프로그램별',
  employmentType: '고용형태별',
  occupationGroup: '직종별',
};

/** The cohort rule, once, beside the figures. */
export const COHORT_RULE =
  '기간 안에 취업을 시작한 사람 가운데 취업일로부터 1·2·3개월이 되는 날이 기준일까지 지난 사람을 대상으로 하고, 고용유지율은 그날 같은 사업장에서 일하고 있는 사람 ÷ 대상이며, 사후관리 기록이 없는 사람은 성공도 실패도 아닌 ‘미확인’으로 셉니다.';

/** 고용유지: 1·2·3-month retention of her center by placement month, and by program, employment type and occupation group. */
export function RetentionPage() {
  const principal = useSession();
  const search = retentionRoute.useSearch();
  const navigate = useNavigate({ from: '/retention' });
  const period = resolvedPeriod(search);
  const by = search.by ?? 'program';
  const centerId = principal?.centerId ?? '';
  const ask = { level: 'center' as const, id: centerId, from: period.from, to: period.to, asOfDate: period.asOf };
  const byMonth = useQuery({ ...retentionQuery({ ...ask, by: 'placementMonth' }), enabled: centerId !== '' });
  const byDimension = useQuery({ ...retentionQuery({ ...ask, by }), enabled: centerId !== '' });
  const programs = useQuery({ ...programsForNames(centerId), enabled: centerId !== '' && by === 'program' });
  const change = (patch: Partial<RetentionSearch>) => navigate({ search: (prev) => ({ ...prev, ...patch }) });
  if (!principal?.centerId) return <Alert type="info" showIcon title="센터에 속한 계정만 볼 수 있는 화면입니다." />;

  const label = (key: string) => {
    if (by === 'employmentType') return EMPLOYMENT_TYPE_NAMES[key] ?? key;
    if (by === 'occupationGroup') return OCCUPATION_GROUP_NAMES[key] ?? key;
    if (key === 'none') return '프로그램 없음';
    return programs.data?.programs.find((p) => p.programId === key)?.name ?? key;
  };

  return (
    <>
      <Typography.Title level={1} className="saeil-title">
        고용유지
      </Typography.Title>
      <div className="saeil-toolbar" role="group" aria-label="기간과 기준일">
        <label htmlFor="retention-from">
          취업 시작 기간 (시작일)
          <DatePicker
            id="retention-from"
            value={dayjs(period.from)}
            allowClear={false}
            onChange={(d) => d && change({ from: d.format('YYYY-MM-DD') })}
          />
        </label>
        <label htmlFor="retention-to">
          취업 시작 기간 (종료일)
          <DatePicker
            id="retention-to"
            value={dayjs(period.to)}
            allowClear={false}
            onChange={(d) => d && change({ to: d.format('YYYY-MM-DD') })}
          />
        </label>
        <label htmlFor="retention-asof">
          기준일
          <DatePicker
            id="retention-asof"
            value={dayjs(period.asOf)}
            allowClear={false}
            onChange={(d) => d && change({ asOf: d.format('YYYY-MM-DD') })}
          />
        </label>
      </div>
      <Alert type="info" showIcon title="집계 기준" description={COHORT_RULE} style={{ marginBottom: 16 }} />
      <Card title={<h2 className="saeil-card-title">취업 시작 월별 고용유지율</h2>} style={{ marginBottom: 16 }}>
        <LoadState
          query={byMonth}
          isEmpty={(d) => (d.rows ?? []).length === 0}
          empty="이 기간에 시작한 취업이 없습니다. 기간을 넓혀 보세요."
        >
          {(data) => {
            const rows = data.rows ?? [];
            const months = rows.map((r) => r.key);
            const series = [1, 2, 3].map((n) => ({
              name: `${n}개월 고용유지율`,
              data: rows.map((r) => numeric(r.figures.find((f) => f.n === n)?.retentionRate)),
            }));
            return (
              <>
                <LazyChart
                  title={`${koreanDate(period.from)}부터 ${koreanDate(period.to)}까지 취업 시작 월별 1·2·3개월 고용유지율 (기준일 ${koreanDate(period.asOf)})`}
                  categories={months.map((m) => `${m.slice(0, 4)}.${m.slice(5)}`)}
                  series={series}
                  unit="%"
                  max={100}
                />
                <RetentionTable
                  caption="취업 시작 월별 고용유지"
                  labelTitle="취업 시작 월"
                  threshold={data.suppressionThreshold}
                  rows={[
                    { key: 'all', label: <strong>기간 전체</strong>, figures: data.retention },
                    ...rows.map((r) => ({
                      key: r.key,
                      label: `${r.key.slice(0, 4)}년 ${Number(r.key.slice(5))}월`,
                      figures: r.figures,
                    })),
                  ]}
                />
              </>
            );
          }}
        </LoadState>
      </Card>
      <Card
        title={<h2 className="saeil-card-title">{DIMENSION_NAMES[by]} 고용유지</h2>}
        extra={
          <Segmented
            aria-label="나누어 볼 기준"
            value={by}
            onChange={(value) => change({ by: value as RetentionDimension })}
            options={DIMENSIONS.map((d) => ({ value: d, label: DIMENSION_NAMES[d].replace('별', '') }))}
          />
        }
      >
        <LoadState query={byDimension}>
          {(data) => (
            <RetentionTable
              caption={`${DIMENSION_NAMES[by]} 고용유지`}
              labelTitle={DIMENSION_NAMES[by].replace('별', '')}
              threshold={data.suppressionThreshold}
              rows={(data.rows ?? [])
                .filter((r) => r.figures.some((f) => numeric(f.eligible) !== 0))
                .map((r) => ({ key: r.key, label: label(r.key), figures: r.figures }))}
            />
          )}
        </LoadState>
        <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
          상담사별 고용유지는 아직 통계 서버가 상담사별로 나누어 주지 않아 볼 수 없습니다.
        </Typography.Paragraph>
      </Card>
    </>
  );
}
