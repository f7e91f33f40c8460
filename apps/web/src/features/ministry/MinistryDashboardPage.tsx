import {
  Alert,
  Breadcrumb,
  Button,
  Card,
  Col,
  Empty,
  Row,
  Segmented,
  Select,
  Skeleton,
  Space,
  Statistic,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { DownloadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi, Link, useNavigate } from '@tanstack/react-router';
import { lazy, Suspense, useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { describeError } from '../../api/errors';
import { useSession } from '../../app/use-session';
import { centerName } from '../../components/format';
import {
  CenterRow,
  downloadTable,
  Indicators,
  nationQuery,
  periodsQuery,
  regionQuery,
  RegionRow,
  trendQuery,
  versionsQuery,
} from './api';
import {
  Cell,
  formatMetric,
  isSuppressed,
  metricLabel,
  metricOf,
  MetricKey,
  METRICS,
  periodLabel,
  rankValue,
  SOURCE_TEXT,
  SUPPRESSED_TEXT,
} from './figures';
import type { MinistrySearch } from './ministry-search';

// ECharts and the map load with the dashboard only, after its first figures.
const loadProvinceMap = () => import('./map/ProvinceMap');
const loadTrendChart = () => import('./map/TrendChart');
const ProvinceMap = lazy(loadProvinceMap);
const TrendChart = lazy(loadTrendChart);

/**
 * The charts' code (ECharts) and the map's boundaries are fetched as the screen opens, beside the
 * figures, not after them: the map would otherwise start loading only once the figures had come.
 */
function usePreloadCharts(enabled: boolean): void {
  useEffect(() => {
    if (!enabled) return;
    loadProvinceMap()
      .then((map) => map.registerKorea())
      .catch(() => undefined); // the map shows its own error when it is drawn
    loadTrendChart().catch(() => undefined);
  }, [enabled]);
}

const routeApi = getRouteApi('/signed-in/ministry');

/** 성과 현황 (Ministry dashboard): the nation → 시·도 → center, only from the reports they submitted. */
export function MinistryDashboardPage() {
  const principal = useSession();
  const search = routeApi.useSearch();
  const navigate = useNavigate();
  const periods = useQuery({ ...periodsQuery(), enabled: principal?.role === 'ministry_analyst' });
  const go = useCallback(
    (next: Partial<MinistrySearch>) =>
      navigate({ to: '/ministry', search: (prev) => ({ ...(prev as MinistrySearch), ...next }) }),
    [navigate],
  );
  usePreloadCharts(principal?.role === 'ministry_analyst');
  if (principal?.role !== 'ministry_analyst')
    return <Alert type="warning" showIcon title="성과 현황은 성평등가족부 분석가의 화면입니다." />;
  const period = search.period ?? periods.data?.[0]?.period;
  const metric: MetricKey = search.metric ?? 'placements';
  return (
    <>
      <Typography.Title level={1} className="saeil-title">
        성과 현황 {search.center ? `— ${centerName(search.center)}` : search.region ? `— ${search.region}` : '— 전국'}
      </Typography.Title>
      <Breadcrumb
        style={{ marginBottom: 12 }}
        items={[
          {
            title: search.region ? (
              <Link to="/ministry" search={{ period: search.period, metric: search.metric }}>
                전국
              </Link>
            ) : (
              '전국'
            ),
          },
          ...(search.region
            ? [
                {
                  title: search.center ? (
                    <Link
                      to="/ministry"
                      search={{ period: search.period, metric: search.metric, region: search.region }}
                    >
                      {search.region}
                    </Link>
                  ) : (
                    search.region
                  ),
                },
              ]
            : []),
          ...(search.center ? [{ title: centerName(search.center) }] : []),
        ]}
      />
      <Typography.Paragraph type="secondary">
        센터와 시·도가 제출한 성과 보고서만으로 만든 화면입니다. 사람 단위 정보는 없고, 5명 미만의 칸은 ‘
        {SUPPRESSED_TEXT}’로 가려져 있습니다.
      </Typography.Paragraph>
      {periods.isError && <Alert type="error" showIcon title={describeError(periods.error)} />}
      {/* A period in the address is shown at once; the list of periods only fills the picker. */}
      {!search.period && periods.isPending ? (
        <Skeleton active />
      ) : !period ? (
        <Empty description="아직 제출된 성과 보고서가 없습니다." />
      ) : (
        <>
          <Space wrap style={{ marginBottom: 16 }}>
            <label>
              기간{' '}
              <Select
                aria-label="기간"
                style={{ minWidth: 160 }}
                value={period}
                onChange={(p) => go({ period: p })}
                options={(periods.data ?? []).map((p) => ({ value: p.period, label: periodLabel(p.period) }))}
              />
            </label>
            <label>
              지표{' '}
              <Select
                aria-label="지표"
                style={{ minWidth: 180 }}
                value={metric}
                onChange={(m) => go({ metric: m })}
                options={METRICS.map((m) => ({ value: m.key, label: m.label }))}
              />
            </label>
            {!search.center && <Downloads period={period} region={search.region} />}
          </Space>
          {search.center ? (
            <CenterView
              centerId={search.center}
              period={period}
              metric={metric}
              kind={search.kind ?? 'month'}
              onKind={(kind) => go({ kind })}
            />
          ) : search.region ? (
            <RegionView
              region={search.region}
              period={period}
              metric={metric}
              kind={search.kind ?? 'month'}
              onKind={(kind) => go({ kind })}
              onCenter={(center) => go({ center })}
            />
          ) : (
            <NationView
              period={period}
              metric={metric}
              kind={search.kind ?? 'month'}
              onKind={(kind) => go({ kind })}
              onRegion={(region) => go({ region })}
            />
          )}
        </>
      )}
    </>
  );
}

function Downloads({ period, region }: { period: string; region?: string }) {
  const [error, setError] = useState<unknown>(null);
  const get = (format: 'csv' | 'xlsx') => downloadTable(period, format, region).then(() => setError(null), setError);
  return (
    <>
      <Button icon={<DownloadOutlined aria-hidden />} onClick={() => get('csv')}>
        CSV 내려받기
      </Button>
      <Button icon={<DownloadOutlined aria-hidden />} onClick={() => get('xlsx')}>
        XLSX 내려받기
      </Button>
      {error !== null && <Alert type="error" showIcon title={describeError(error)} />}
    </>
  );
}

function Headline({
  indicators,
  source,
  note,
}: {
  indicators: Indicators | null | undefined;
  source: string;
  note?: string;
}) {
  return (
    <Card
      title={
        <h2 className="saeil-card-title">
          주요 지표 <Tag>{SOURCE_TEXT[source] ?? source}</Tag>
        </h2>
      }
      style={{ marginBottom: 16 }}
      extra={note}
    >
      {!indicators ? (
        <Empty description="이 기간에 제출된 보고서가 없습니다." />
      ) : (
        <Row gutter={[16, 16]}>
          {METRICS.map((m) => {
            const cell = metricOf(indicators, m.key);
            return (
              <Col xs={12} md={6} key={m.key}>
                <Statistic
                  title={m.label}
                  value={formatMetric(cell, m.key)}
                  styles={{ content: { fontSize: isSuppressed(cell) ? 16 : 22 } }}
                />
              </Col>
            );
          })}
        </Row>
      )}
    </Card>
  );
}

function NationView({
  period,
  metric,
  kind,
  onKind,
  onRegion,
}: {
  period: string;
  metric: MetricKey;
  kind: 'month' | 'quarter';
  onKind: (k: 'month' | 'quarter') => void;
  onRegion: (r: string) => void;
}) {
  const nation = useQuery(nationQuery(period));
  const format = useCallback((c: Cell) => formatMetric(c, metric), [metric]);
  const values = useMemo(
    () =>
      (nation.data?.regions ?? []).map((r) => ({
        region: r.region,
        value: (r.indicators ? metricOf(r.indicators, metric) : undefined) as Cell,
      })),
    [nation.data, metric],
  );
  if (nation.isPending) return <Skeleton active />;
  if (nation.isError) return <Alert type="error" showIcon title={describeError(nation.error)} />;
  const ranked = [...nation.data.regions].sort(
    (a, b) => rankValue(metricOf(b.indicators, metric)) - rankValue(metricOf(a.indicators, metric)),
  );
  const columns: ColumnsType<RegionRow> = [
    {
      title: '순위',
      key: 'rank',
      width: 64,
      render: (_, r) => (typeof metricOf(r.indicators, metric) === 'number' ? ranked.indexOf(r) + 1 : '—'),
    },
    {
      title: '시·도',
      dataIndex: 'region',
      render: (region: string) => (
        <Link to="/ministry" search={(prev) => ({ ...(prev as MinistrySearch), region })}>
          {region}
        </Link>
      ),
    },
    {
      title: metricLabel(metric),
      key: 'value',
      align: 'right',
      render: (_, r) => <MetricText cell={r.indicators ? metricOf(r.indicators, metric) : undefined} metric={metric} />,
    },
    {
      title: '제출 센터',
      key: 'submitted',
      align: 'right',
      render: (_, r) => `${r.centersSubmitted} / ${r.centersListed}`,
    },
    { title: '출처', dataIndex: 'source', render: (s: string) => SOURCE_TEXT[s] ?? s },
  ];
  return (
    <>
      <Headline
        indicators={nation.data.indicators}
        source={nation.data.source}
        note={`${periodLabel(period)} · 제출 센터 ${nation.data.centersSubmitted} / ${nation.data.centersListed}`}
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={11}>
          <Card title={<h2 className="saeil-card-title">시·도별 {metricLabel(metric)} 지도</h2>}>
            <Suspense fallback={<Skeleton.Node active style={{ width: '100%', height: 460 }} />}>
              <ProvinceMap values={values} metricLabel={metricLabel(metric)} format={format} onSelect={onRegion} />
            </Suspense>
          </Card>
        </Col>
        <Col xs={24} lg={13}>
          <Card title={<h2 className="saeil-card-title">시·도 순위</h2>}>
            <Table rowKey="region" size="small" columns={columns} dataSource={ranked} pagination={false} />
          </Card>
        </Col>
      </Row>
      <TrendCard level="nation" kind={kind} onKind={onKind} />
      <VersionsCard level="nation" period={period} />
    </>
  );
}

function MetricText({ cell, metric }: { cell: Cell; metric: MetricKey }) {
  const text = formatMetric(cell, metric);
  if (isSuppressed(cell))
    return <Tag style={{ color: '#3d3d3d', background: '#f0f0f0', borderColor: '#d9d9d9' }}>{text}</Tag>;
  if (cell === undefined) return <Typography.Text type="secondary">{text}</Typography.Text>;
  return <>{text}</>;
}

function RegionView({
  region,
  period,
  metric,
  kind,
  onKind,
  onCenter,
}: {
  region: string;
  period: string;
  metric: MetricKey;
  kind: 'month' | 'quarter';
  onKind: (k: 'month' | 'quarter') => void;
  onCenter: (c: string) => void;
}) {
  const picture = useQuery(regionQuery(region, period));
  if (picture.isPending) return <Skeleton active />;
  if (picture.isError) return <Alert type="error" showIcon title={describeError(picture.error)} />;
  const ranked = [...picture.data.centers].sort(
    (a, b) => rankValue(metricOf(b.indicators, metric)) - rankValue(metricOf(a.indicators, metric)),
  );
  const missing = picture.data.centers.filter((c) => !c.submitted);
  const columns: ColumnsType<CenterRow> = [
    {
      title: '센터',
      dataIndex: 'name',
      render: (name: string, c) => (
        <Button type="link" style={{ padding: 0 }} onClick={() => onCenter(c.centerId)}>
          {name}
        </Button>
      ),
    },
    {
      title: '제출',
      key: 'submitted',
      render: (_, c) =>
        c.submitted ? (
          <Tag style={{ color: '#1e5e26', background: '#e3f6e5', borderColor: '#b7e1bc' }}>제출 ({c.version}판)</Tag>
        ) : (
          <Tag style={{ color: '#8a1f11', background: '#fdecea', borderColor: '#f5c2bd' }}>미제출</Tag>
        ),
    },
    ...METRICS.map((m) => ({
      title: m.label,
      key: m.key,
      align: 'right' as const,
      render: (_: unknown, c: CenterRow) =>
        c.submitted ? <MetricText cell={metricOf(c.indicators, m.key)} metric={m.key} /> : '—',
    })),
  ];
  return (
    <>
      <Headline
        indicators={picture.data.region.indicators}
        source={picture.data.region.source}
        note={`${periodLabel(period)} · 제출 센터 ${picture.data.region.centersSubmitted} / ${picture.data.region.centersListed}`}
      />
      <Card
        title={<h2 className="saeil-card-title">센터별 현황 ({metricLabel(metric)} 순)</h2>}
        style={{ marginBottom: 16 }}
      >
        <ScrollRegion label="센터별 현황 표">
          <Table rowKey="centerId" size="small" columns={columns} dataSource={ranked} pagination={false} />
        </ScrollRegion>
        {missing.length > 0 && (
          <Alert
            style={{ marginTop: 12 }}
            type="warning"
            showIcon
            title={`${periodLabel(period)} 보고서를 아직 내지 않은 센터 ${missing.length}곳`}
            description={missing.map((c) => c.name).join(', ')}
          />
        )}
      </Card>
      <TrendCard level="region" id={region} kind={kind} onKind={onKind} />
      <VersionsCard level="region" id={region} period={period} />
    </>
  );
}

function CenterView({
  centerId,
  period,
  metric,
  kind,
  onKind,
}: {
  centerId: string;
  period: string;
  metric: MetricKey;
  kind: 'month' | 'quarter';
  onKind: (k: 'month' | 'quarter') => void;
}) {
  const versions = useQuery(versionsQuery('center', centerId, period));
  const latest = versions.data?.[versions.data.length - 1];
  return (
    <>
      <Headline
        indicators={latest?.indicators}
        source={latest ? 'report' : 'none'}
        note={`${periodLabel(period)}${latest ? ` · ${latest.version}판` : ''} · 선택한 지표: ${metricLabel(metric)}`}
      />
      <TrendCard level="center" id={centerId} kind={kind} onKind={onKind} />
      <VersionsCard level="center" id={centerId} period={period} />
    </>
  );
}

function TrendCard({
  level,
  id,
  kind,
  onKind,
}: {
  level: 'nation' | 'region' | 'center';
  id?: string;
  kind: 'month' | 'quarter';
  onKind: (k: 'month' | 'quarter') => void;
}) {
  const trend = useQuery(trendQuery(kind, level, id));
  const [group, setGroup] = useState<'counts' | 'rates'>('rates');
  const shown = useMemo(
    () => METRICS.filter((m) => (group === 'rates' ? m.unit === 'rate' : m.unit === 'count')),
    [group],
  );
  const points = useMemo(() => trend.data ?? [], [trend.data]);
  const series = useMemo(
    () =>
      shown.map((m) => ({
        name: m.label,
        values: points.map((p) => {
          const c = metricOf(p.indicators, m.key);
          return typeof c === 'number' ? Number(c.toFixed(1)) : null;
        }),
      })),
    [points, shown],
  );
  return (
    <Card
      title={<h2 className="saeil-card-title">추이</h2>}
      style={{ marginTop: 16, marginBottom: 16 }}
      extra={
        <Space wrap>
          <Segmented
            aria-label="주기"
            value={kind}
            onChange={(v) => onKind(v as 'month' | 'quarter')}
            options={[
              { value: 'month', label: '월별' },
              { value: 'quarter', label: '분기별' },
            ]}
          />
          <Segmented
            aria-label="지표 묶음"
            value={group}
            onChange={(v) => setGroup(v as 'counts' | 'rates')}
            options={[
              { value: 'rates', label: '비율' },
              { value: 'counts', label: '인원·건수' },
            ]}
          />
        </Space>
      }
    >
      {trend.isPending ? (
        <Skeleton active />
      ) : trend.isError ? (
        <Alert type="error" showIcon title={describeError(trend.error)} />
      ) : points.length === 0 ? (
        <Empty description={kind === 'month' ? '제출된 월별 보고서가 없습니다.' : '제출된 분기별 보고서가 없습니다.'} />
      ) : (
        <>
          <Suspense fallback={<Skeleton.Node active style={{ width: '100%', height: 280 }} />}>
            <TrendChart
              periods={points.map((p) => periodLabel(p.period))}
              series={series}
              title="추이"
              unit={group === 'rates' ? '%' : '명·건'}
            />
          </Suspense>
          <ScrollRegion label="추이 표">
            <Table
              size="small"
              rowKey="period"
              style={{ marginTop: 12 }}
              pagination={false}
              dataSource={points}
              columns={[
                { title: '기간', dataIndex: 'period', render: periodLabel },
                ...shown.map((m) => ({
                  title: m.label,
                  key: m.key,
                  align: 'right' as const,
                  render: (_: unknown, p: (typeof points)[number]) => (
                    <MetricText cell={p.indicators ? metricOf(p.indicators, m.key) : undefined} metric={m.key} />
                  ),
                })),
              ]}
            />
          </ScrollRegion>
        </>
      )}
    </Card>
  );
}

function VersionsCard({ level, id, period }: { level: 'nation' | 'region' | 'center'; id?: string; period: string }) {
  const versions = useQuery(versionsQuery(level, id, period));
  const rows = versions.data ?? [];
  const title = level === 'nation' ? '전국 보고서' : level === 'region' ? `${id} 보고서` : `${centerName(id)} 보고서`;
  return (
    <Card
      title={
        <h2 className="saeil-card-title">
          {title} 제출 이력 ({periodLabel(period)})
        </h2>
      }
    >
      {versions.isError ? (
        <Alert type="error" showIcon title={describeError(versions.error)} />
      ) : (
        <ScrollRegion label="제출 이력 표">
          <Table
            size="small"
            rowKey="version"
            loading={versions.isPending}
            pagination={false}
            locale={{ emptyText: <span style={{ color: '#595959' }}>이 기간에 제출된 판이 없습니다.</span> }}
            dataSource={rows}
            columns={[
              { title: '판', dataIndex: 'version', render: (v: number) => (v === 1 ? '1판 (최초)' : `${v}판 (정정)`) },
              { title: '제출일', dataIndex: 'submittedOn' },
              { title: '내용 해시', dataIndex: 'contentHash', render: (h: string) => <code>{h.slice(0, 12)}…</code> },
              ...(['placements', 'employedClients', 'retention1', 'kpiAchievement'] as const).map((key) => ({
                title: metricLabel(key),
                key,
                align: 'right' as const,
                render: (_: unknown, v: (typeof rows)[number]) => (
                  <MetricText cell={metricOf(v.indicators, key)} metric={key} />
                ),
              })),
            ]}
          />
        </ScrollRegion>
      )}
    </Card>
  );
}

/** A wide table scrolls sideways inside a region the keyboard can reach (axe: scrollable-region-focusable). */
function ScrollRegion({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div role="region" aria-label={label} tabIndex={0} style={{ overflowX: 'auto' }}>
      {children}
    </div>
  );
}
