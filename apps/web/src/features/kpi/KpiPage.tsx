import { suppressedText } from '../../components/figures';
import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, DatePicker, Flex, Form, Input, InputNumber, Modal, Progress, Select, Space, Table, Typography } from 'antd';
import { useNavigate } from '@tanstack/react-router';
import { useQuery } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { useState } from 'react';
import { describeError, toFormFields } from '../../api/errors';
import { useCommand } from '../../api/use-command';
import { kpiRoute } from '../../app/supervisor-routes';
import { useSession } from '../../app/use-session';
import { koreanDate, today } from '../../components/format';
import { LoadState } from '../../components/LoadState';
import { lastMonth } from '../../components/statistics-terms';
import { achievementQuery, definePlan, enterActual, kpiKeys, kpiPlansQuery, type KpiAchievement } from './api';
import type { KpiSearch } from './kpi-search';

const METRIC_NAMES: Record<string, string> = {
  clients_registered: '구직 등록 인원',
  employed_clients: '취업자 수',
  placements: '취업 건수',
  retention_beneficiaries: '사후관리 수혜자 수',
  training_completers: '훈련 수료자 수',
  internship_conversions: '인턴 정규직 전환',
  startups: '창업',
  counseling_sessions: '개별상담 건수',
  outreach_sessions: '찾아가는 이동상담 횟수',
  group_program_attendances: '집단상담 연인원',
  agreements_signed: '협약 체결',
  council_meetings: '협의체 회의',
  job_fairs: '취업박람회',
};

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
  if (!principal?.centerId) return <Alert type="info" showIcon title="센터장이 센터의 성과지표를 관리하는 화면입니다." />;
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
            options={(plans.data ?? []).map((p) => ({ value: p.planId, label: `${p.name} (${p.term.fromYear}~${p.term.toYear})` }))}
            style={{ minWidth: 300 }}
          />
        </label>
        <label htmlFor="kpi-asof">
          기준일
          <DatePicker id="kpi-asof" value={search.asOf ? dayjs(search.asOf) : dayjs()} allowClear={false} onChange={(d) => d && change({ asOf: d.format('YYYY-MM-DD') })} />
        </label>
        <label htmlFor="kpi-decimals">
          소수 자릿수
          <Select id="kpi-decimals" value={decimals} onChange={(d) => change({ decimals: d })} options={[0, 1, 2].map((d) => ({ value: d, label: `${d}자리` }))} style={{ width: 100 }} />
        </label>
      </div>
      {plans.isError ? (
        <Alert type="error" showIcon title={describeError(plans.error)} />
      ) : !planId && !plans.isPending ? (
        <Alert type="info" showIcon title="아직 확인지표 계획이 없습니다." description="‘새 확인지표 계획’을 눌러 지표, 단위, 연도별 목표를 정하세요." />
      ) : (
        <LoadState query={achievement}>{(data) => <Achievement data={data} onEnter={() => setEntering(true)} />}</LoadState>
      )}
      <DefinePlan open={defining} centerId={principal.centerId} onClose={() => setDefining(false)} onDefined={(id) => change({ planId: id })} />
      {achievement.data && <EnterActual open={entering} plan={achievement.data} onClose={() => setEntering(false)} />}
    </>
  );
}

function Achievement({ data, onEnter }: { data: KpiAchievement; onEnter: () => void }) {
  const entered = data.indicators.some((i) => i.source === 'entered');
  return (
    <Card
      title={<h2 className="saeil-card-title">{data.name} · {data.term.fromYear}~{data.term.toYear}년 · {koreanDate(data.asOfDate)} 기준</h2>}
      extra={entered && <Button onClick={onEnter}>실적 입력</Button>}
    >
      <Table
        rowKey="indicatorId"
        size="small"
        pagination={false}
        dataSource={data.indicators}
        columns={[
          { title: '지표', dataIndex: 'name', key: 'name' },
          { title: '실적 출처', key: 'source', responsive: ['lg'], render: (_, i) => (i.source === 'entered' ? '직접 입력' : (METRIC_NAMES[i.source] ?? i.source)) },
          ...(data.overall.weighted ? [{ title: '가중치', key: 'weight', align: 'right' as const, render: (_: unknown, i: KpiAchievement['indicators'][number]) => `${i.weight ?? 0}%` }] : []),
          { title: '기간 목표', key: 'target', align: 'right', render: (_, i) => `${i.termTarget.toLocaleString('ko-KR')}${i.unit}` },
          { title: '누적 실적', key: 'actual', align: 'right', render: (_, i) => `${i.cumulativeActual.toLocaleString('ko-KR')}${i.unit}` },
          {
            title: '목표 대비 실적',
            key: 'bar',
            width: 220,
            // Read above the center, a person count below the threshold is suppressed: no bar to draw.
            render: (_, i) =>
              typeof i.achievement === 'number' ? (
                <Progress percent={Math.min(100, i.achievement)} showInfo={false} aria-label={`${i.name} 목표 대비 ${i.display}%`} strokeColor={i.achievement >= 100 ? '#1e7d32' : '#0b50d0'} />
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

interface PlanForm {
  name: string;
  fromYear: number;
  toYear: number;
  indicators: { name: string; unit: string; yearlyTargets: string; weight?: number; metric?: string }[];
}

function DefinePlan({ open, centerId, onClose, onDefined }: { open: boolean; centerId: string; onClose: () => void; onDefined: (planId: string) => void }) {
  const [form] = Form.useForm<PlanForm>();
  const define = useCommand((body: Parameters<typeof definePlan>[0], key: string) => definePlan(body, key), [kpiKeys.all]);
  const year = dayjs().year();
  const submit = async (values: PlanForm) => {
    try {
      const result = await define.mutateAsync({
        centerId,
        name: values.name,
        fromYear: values.fromYear,
        toYear: values.toYear,
        indicators: values.indicators.map((i) => ({
          name: i.name,
          unit: i.unit,
          yearlyTargets: i.yearlyTargets.split(/[,\s]+/).filter(Boolean),
          ...(i.weight !== undefined && i.weight !== null ? { weight: i.weight } : {}),
          ...(i.metric ? { metric: i.metric as never } : {}),
        })),
      });
      form.resetFields();
      onClose();
      onDefined(result.planId);
    } catch (error) {
      form.setFields(toFormFields(error) as never);
    }
  };
  return (
    <Modal open={open} title="새 확인지표 계획" okText="저장" cancelText="취소" onOk={() => form.submit()} onCancel={onClose} confirmLoading={define.isPending} width={760} destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ fromYear: year, toYear: year + 2, indicators: [{ name: '', unit: '명', yearlyTargets: '' }] }}>
        <Form.Item name="name" label="계획 이름" rules={[{ required: true, whitespace: true, message: '계획 이름을 입력해 주세요.' }]}>
          <Input placeholder="예: 2026~2028 새일센터 확인지표" />
        </Form.Item>
        <Space wrap>
          <Form.Item name="fromYear" label="시작 연도" rules={[{ required: true, message: '시작 연도를 입력해 주세요.' }]}>
            <InputNumber min={2000} max={2100} />
          </Form.Item>
          <Form.Item name="toYear" label="끝 연도" rules={[{ required: true, message: '끝 연도를 입력해 주세요.' }]}>
            <InputNumber min={2000} max={2100} />
          </Form.Item>
        </Space>
        <Form.List name="indicators">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field, index) => (
                <Card key={field.key} size="small" title={`지표 ${index + 1}`} extra={fields.length > 1 && <Button size="small" onClick={() => remove(field.name)}>빼기</Button>} style={{ marginBottom: 8 }}>
                  <Space wrap align="start">
                    <Form.Item name={[field.name, 'name']} label="지표 이름" rules={[{ required: true, whitespace: true, message: '지표 이름을 입력해 주세요.' }]}>
                      <Input style={{ width: 220 }} />
                    </Form.Item>
                    <Form.Item name={[field.name, 'unit']} label="단위" rules={[{ required: true, message: '단위를 입력해 주세요.' }]}>
                      <Input style={{ width: 80 }} />
                    </Form.Item>
                    <Form.Item
                      name={[field.name, 'yearlyTargets']}
                      label="연도별 목표 (쉼표로 구분)"
                      rules={[{ required: true, message: '연도마다 목표를 입력해 주세요.' }, { pattern: /^\s*\d+(\.\d+)?(\s*[,\s]\s*\d+(\.\d+)?)*\s*$/, message: '숫자를 쉼표로 나누어 입력해 주세요. 예: 100, 120, 140' }]}
                    >
                      <Input style={{ width: 200 }} placeholder="100, 120, 140" />
                    </Form.Item>
                    <Form.Item name={[field.name, 'weight']} label="가중치(%)">
                      <InputNumber min={0} max={100} />
                    </Form.Item>
                    <Form.Item name={[field.name, 'metric']} label="실적 출처">
                      <Select allowClear placeholder="직접 입력" style={{ width: 200 }} options={Object.entries(METRIC_NAMES).map(([value, label]) => ({ value, label: `통계: ${label}` }))} />
                    </Form.Item>
                  </Space>
                </Card>
              ))}
              <Button onClick={() => add({ name: '', unit: '명', yearlyTargets: '' })} icon={<PlusOutlined aria-hidden />}>
                지표 더하기
              </Button>
            </>
          )}
        </Form.List>
      </Form>
      {define.isError && <Alert type="error" showIcon title={describeError(define.error)} style={{ marginTop: 12 }} />}
    </Modal>
  );
}

function EnterActual({ open, plan, onClose }: { open: boolean; plan: KpiAchievement; onClose: () => void }) {
  const [form] = Form.useForm<{ indicatorId: string; year: number; quarter?: number; value: number; note?: string }>();
  const enter = useCommand((body: Parameters<typeof enterActual>[1], key: string) => enterActual(plan.planId, body, key), [kpiKeys.all]);
  const submit = async (values: { indicatorId: string; year: number; quarter?: number; value: number; note?: string }) => {
    try {
      await enter.mutateAsync({ ...values, quarter: values.quarter ?? undefined, enteredOn: today() });
      form.resetFields();
      onClose();
    } catch (error) {
      form.setFields(toFormFields(error) as never);
    }
  };
  return (
    <Modal open={open} title="실적 입력" okText="저장" cancelText="취소" onOk={() => form.submit()} onCancel={onClose} confirmLoading={enter.isPending} destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ year: Math.min(plan.term.toYear, Math.max(plan.term.fromYear, dayjs().year())) }}>
        <Form.Item name="indicatorId" label="지표" rules={[{ required: true, message: '지표를 골라 주세요.' }]}>
          <Select options={plan.indicators.filter((i) => i.source === 'entered').map((i) => ({ value: i.indicatorId, label: `${i.name} (${i.unit})` }))} />
        </Form.Item>
        <Space wrap>
          <Form.Item name="year" label="연도" rules={[{ required: true, message: '연도를 골라 주세요.' }]}>
            <Select style={{ width: 120 }} options={plan.periods.map((p) => ({ value: Number(p), label: `${p}년` }))} />
          </Form.Item>
          <Form.Item name="quarter" label="분기 (연간이면 비워 둠)">
            <Select allowClear style={{ width: 140 }} options={[1, 2, 3, 4].map((q) => ({ value: q, label: `${q}분기` }))} />
          </Form.Item>
          <Form.Item name="value" label="실적" rules={[{ required: true, message: '실적을 입력해 주세요.' }]}>
            <InputNumber min={0} />
          </Form.Item>
        </Space>
        <Form.Item name="note" label="메모">
          <Input />
        </Form.Item>
        <Typography.Text type="secondary">같은 기간에 다시 입력하면 새 값이 앞의 값을 대신합니다. 기준일은 오늘({koreanDate(today())})입니다.</Typography.Text>
      </Form>
      {enter.isError && <Alert type="error" showIcon title={describeError(enter.error)} style={{ marginTop: 12 }} />}
    </Modal>
  );
}
