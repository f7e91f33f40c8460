import { suppressedText } from '../../components/figures';
import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, DatePicker, Flex, Progress, Select, Table, Typography } from 'antd';
import { useNavigate } from '@tanstack/react-router';
import { useQuery } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { useState } from 'react';
import { describeError } from '../../api/errors';
import { kpiRoute } from '../../app/supervisor-routes';
import { useSession } from '../../app/use-session';
import { koreanDate } from '../../components/format';
import { LoadState } from '../../components/LoadState';
import { lastMonth } from '../../components/statistics-terms';
import { achievementQuery, kpiPlansQuery, type KpiAchievement } from './api';
import type { KpiSearch } from './kpi-search';
import { DefinePlan, EnterActual, METRIC_NAMES } from './KpiDialogs';

/** 성과지표: the center's KPI plans, achievement per indicator and overall, actuals entered here. */
export function KpiPage() {
  const principal = useSession();
  const search = kpiRoute.useSearch();
  const navigate = useNavigate({ from: '/kpi' });
  const centerId = principal?.centerId ?? '';
  const decimals = search.decimals ?? 1;
  // The last ended month: a report of a month still running may be refused.
  const plans = useQuery({ ...kpiPlansQuery(centerId, lastMonth()), enabled: centerId !== '' });
  const planId = search.planId ?? plans.data?.[0]?.planId;
  const achievement = useQuery({ ...achievementQuery(planId ?? '', search.asOf, decimals), enabled: Boolean(planId) });
  const [defining, setDefining] = useState(false);
  const [entering, setEntering] = useState(false);
  if (!principal?.centerId)
    return <Alert type="info" showIcon title="센터장이 센터의 성과지표를 관리하는 화면입니다." />;
  const change = (patch: Partial<KpiSearch>) => navigate({ search: (prev) => ({ ...prev, ...patch }) });

  return (
    <>
      <Flex justify="space-between" align="center" wrap gap="small">
        <Typography.Title level={1} className="saeil-title">
          성과지표
        </Typography.Title>
        <Button icon={<PlusOutlined aria-hidden />} onClick={() => setDefining(true)}>
          새 확인지표 계획
        </Button>
      </Flex>
      <div className="saeil-toolbar" role="group" aria-label="계획과 기준">
        <label htmlFor="kpi-plan">
          계획
          <Select
            id="kpi-plan"
            value={planId}
            placeholder={plans.isPending ? '불러오는 중' : '계획이 없습니다'}
            onChange={(id) => change({ planId: id })}
            options={(plans.data ?? []).map((p) => ({
              value: p.planId,
              label: `${p.name} (${p.term.fromYear}~${p.term.toYear})`,
            }))}
            style={{ minWidth: 300 }}
          />
        </label>
        <label htmlFor="kpi-asof">
          기준일
          <DatePicker
            id="kpi-asof"
            value={search.asOf ? dayjs(search.asOf) : dayjs()}
            allowClear={false}
            onChange={(d) => d && change({ asOf: d.format('YYYY-MM-DD') })}
          />
        </label>
        <label htmlFor="kpi-decimals">
          소수 자릿수
          <Select
            id="kpi-decimals"
            value={decimals}
            onChange={(d) => change({ decimals: d })}
            options={[0, 1, 2].map((d) => ({ value: d, label: `${d}자리` }))}
            style={{ width: 100 }}
          />
        </label>
      </div>
      {plans.isError ? (
        <Alert type="error" showIcon title={describeError(plans.error)} />
      ) : !planId && !plans.isPending ? (
        <Alert
          type="info"
          showIcon
          title="아직 확인지표 계획이 없습니다."
          description="‘새 확인지표 계획’을 눌러 지표, 단위, 연도별 목표를 정하세요."
        />
      ) : (
        <LoadState query={achievement}>
          {(data) => <Achievement data={data} onEnter={() => setEntering(true)} />}
        </LoadState>
      )}
      <DefinePlan
        open={defining}
        centerId={principal.centerId}
        onClose={() => setDefining(false)}
        onDefined={(id) => change({ planId: id })}
      />
      {achievement.data && <EnterActual open={entering} plan={achievement.data} onClose={() => setEntering(false)} />}
    </>
  );
}

function Achievement({ data, onEnter }: { data: KpiAchievement; onEnter: () => void }) {
  const entered = data.indicators.some((i) => i.source === 'entered');
  return (
    <Card
      title={
        <h2 className="saeil-card-title">
          {data.name} · {data.term.fromYear}~{data.term.toYear}년 · {koreanDate(data.asOfDate)} 기준
        </h2>
      }
      extra={entered && <Button onClick={onEnter}>실적 입력</Button>}
    >
      <Table
        rowKey="indicatorId"
        size="small"
        pagination={false}
        dataSource={data.indicators}
        columns={[
          { title: '지표', dataIndex: 'name', key: 'name' },
          {
            title: '실적 출처',
            key: 'source',
            responsive: ['lg'],
            render: (_, i) => (i.source === 'entered' ? '직접 입력' : (METRIC_NAMES[i.source] ?? i.source)),
          },
          ...(data.overall.weighted
            ? [
                {
                  title: '가중치',
                  key: 'weight',
                  align: 'right' as const,
                  render: (_: unknown, i: KpiAchievement['indicators'][number]) => `${i.weight ?? 0}%`,
                },
              ]
            : []),
          {
            title: '기간 목표',
            key: 'target',
            align: 'right',
            render: (_, i) => `${i.termTarget.toLocaleString('ko-KR')}${i.unit}`,
          },
          {
            title: '누적 실적',
            key: 'actual',
            align: 'right',
            render: (_, i) => `${i.cumulativeActual.toLocaleString('ko-KR')}${i.unit}`,
          },
          {
            title: '목표 대비 실적',
            key: 'bar',
            width: 220,
            // Read above the center, a person count below the threshold is suppressed: no bar to draw.
            render: (_, i) =>
              typeof i.achievement === 'number' ? (
                <Progress
                  percent={Math.min(100, i.achievement)}
                  showInfo={false}
                  aria-label={`${i.name} 목표 대비 ${i.display}%`}
                  strokeColor={i.achievement >= 100 ? '#1e7d32' : '#0b50d0'}
                />
              ) : (
                <span className="saeil-suppressed">{i.achievement === null ? '—' : suppressedText()}</span>
              ),
          },
          { title: '이행률', key: 'display', align: 'right', render: (_, i) => <strong>{i.display}%</strong> },
        ]}
        summary={() => (
          <Table.Summary.Row>
            <Table.Summary.Cell index={0} colSpan={data.overall.weighted ? 6 : 5}>
              <strong>종합 이행률</strong> {data.overall.weighted ? '(가중 평균)' : '(지표 이행률의 평균)'}
            </Table.Summary.Cell>
            <Table.Summary.Cell index={1} align="right">
              <strong>{data.overall.display}%</strong>
            </Table.Summary.Cell>
          </Table.Summary.Row>
        )}
      />
      <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
        이행률 = 누적 실적 ÷ 기간 전체 목표 × 100. 반올림하지 않은 값으로 계산하고 표시할 때만 반올림합니다.
      </Typography.Paragraph>
    </Card>
  );
}
