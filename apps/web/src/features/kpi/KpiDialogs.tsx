import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Form, Input, InputNumber, Select, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import { koreanDate, today } from '../../components/format';
import { RecordDialog } from '../../components/RecordDialog';
import { definePlan, enterActual, kpiKeys, type KpiAchievement } from './api';

export const METRIC_NAMES: Record<string, string> = {
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

interface PlanForm {
  name: string;
  fromYear: number;
  toYear: number;
  indicators: { name: string; unit: string; yearlyTargets: string; weight?: number; metric?: string }[];
}

interface ActualForm {
  indicatorId: string;
  year: number;
  quarter?: number;
  value: number;
  note?: string;
}

/** A new KPI plan: its term and indicators (name, unit, a target per year, weight, where its actuals come from). */
export function DefinePlan({
  open,
  centerId,
  onClose,
  onDefined,
}: {
  open: boolean;
  centerId: string;
  onClose: () => void;
  onDefined: (planId: string) => void;
}) {
  const year = dayjs().year();
  return (
    <RecordDialog<PlanForm, Awaited<ReturnType<typeof definePlan>>>
      id="define-kpi-plan"
      open={open}
      title="새 확인지표 계획"
      width={760}
      initialValues={{ fromYear: year, toYear: year + 2, indicators: [{ name: '', unit: '명', yearlyTargets: '' }] }}
      send={(values, key) =>
        definePlan(
          {
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
          },
          key,
        )
      }
      invalidates={[kpiKeys.all]}
      saved={(_, v) => `${v.name} 계획을 만들었습니다.`}
      onSaved={(result) => onDefined(result.planId)}
      onClose={onClose}
    >
      <Form.Item
        name="name"
        label="계획 이름"
        rules={[{ required: true, whitespace: true, message: '계획 이름을 입력해 주세요.' }]}
      >
        <Input placeholder="예: 2026~2028 새일센터 확인지표" />
      </Form.Item>
      <Space wrap>
        <Form.Item
          name="fromYear"
          label="시작 연도"
          rules={[{ required: true, message: '시작 연도를 입력해 주세요.' }]}
        >
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
              <Card
                key={field.key}
                size="small"
                title={`지표 ${index + 1}`}
                extra={
                  fields.length > 1 && (
                    <Button size="small" onClick={() => remove(field.name)}>
                      빼기
                    </Button>
                  )
                }
                style={{ marginBottom: 8 }}
              >
                <Space wrap align="start">
                  <Form.Item
                    name={[field.name, 'name']}
                    label="지표 이름"
                    rules={[{ required: true, whitespace: true, message: '지표 이름을 입력해 주세요.' }]}
                  >
                    <Input style={{ width: 220 }} />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, 'unit']}
                    label="단위"
                    rules={[{ required: true, message: '단위를 입력해 주세요.' }]}
                  >
                    <Input style={{ width: 80 }} />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, 'yearlyTargets']}
                    label="연도별 목표 (쉼표로 구분)"
                    rules={[
                      { required: true, message: '연도마다 목표를 입력해 주세요.' },
                      {
                        pattern: /^\s*\d+(\.\d+)?(\s*[,\s]\s*\d+(\.\d+)?)*\s*$/,
                        message: '숫자를 쉼표로 나누어 입력해 주세요. 예: 100, 120, 140',
                      },
                    ]}
                  >
                    <Input style={{ width: 200 }} placeholder="100, 120, 140" />
                  </Form.Item>
                  <Form.Item name={[field.name, 'weight']} label="가중치(%)">
                    <InputNumber min={0} max={100} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'metric']} label="실적 출처">
                    <Select
                      allowClear
                      placeholder="직접 입력"
                      style={{ width: 200 }}
                      options={Object.entries(METRIC_NAMES).map(([value, label]) => ({
                        value,
                        label: `통계: ${label}`,
                      }))}
                    />
                  </Form.Item>
                </Space>
              </Card>
            ))}
            <Button
              onClick={() => add({ name: '', unit: '명', yearlyTargets: '' })}
              icon={<PlusOutlined aria-hidden />}
              style={{ marginBottom: 16 }}
            >
              지표 더하기
            </Button>
          </>
        )}
      </Form.List>
    </RecordDialog>
  );
}

/** An actual for an indicator entered by hand, for a year or one of its quarters (a later one replaces it). */
export function EnterActual({ open, plan, onClose }: { open: boolean; plan: KpiAchievement; onClose: () => void }) {
  return (
    <RecordDialog<ActualForm, Awaited<ReturnType<typeof enterActual>>>
      id="enter-kpi-actual"
      open={open}
      title="실적 입력"
      initialValues={{ year: Math.min(plan.term.toYear, Math.max(plan.term.fromYear, dayjs().year())) }}
      send={(values, key) =>
        enterActual(plan.planId, { ...values, quarter: values.quarter ?? undefined, enteredOn: today() }, key)
      }
      invalidates={[kpiKeys.all]}
      saved={(_, v) =>
        `${plan.indicators.find((i) => i.indicatorId === v.indicatorId)?.name ?? '지표'} ${v.year}년${v.quarter ? ` ${v.quarter}분기` : ''} 실적을 기록했습니다.`
      }
      onClose={onClose}
    >
      <Form.Item name="indicatorId" label="지표" rules={[{ required: true, message: '지표를 골라 주세요.' }]}>
        <Select
          options={plan.indicators
            .filter((i) => i.source === 'entered')
            .map((i) => ({ value: i.indicatorId, label: `${i.name} (${i.unit})` }))}
        />
      </Form.Item>
      <Space wrap>
        <Form.Item name="year" label="연도" rules={[{ required: true, message: '연도를 골라 주세요.' }]}>
          <Select style={{ width: 120 }} options={plan.periods.map((p) => ({ value: Number(p), label: `${p}년` }))} />
        </Form.Item>
        <Form.Item name="quarter" label="분기 (연간이면 비워 둠)">
          <Select
            allowClear
            style={{ width: 140 }}
            options={[1, 2, 3, 4].map((q) => ({ value: q, label: `${q}분기` }))}
          />
        </Form.Item>
        <Form.Item name="value" label="실적" rules={[{ required: true, message: '실적을 입력해 주세요.' }]}>
          <InputNumber min={0} />
        </Form.Item>
      </Space>
      <Form.Item name="note" label="메모">
        <Input />
      </Form.Item>
      <Typography.Paragraph type="secondary">
        같은 기간에 다시 입력하면 새 값이 앞의 값을 대신합니다. 기준일은 오늘({koreanDate(today())})입니다.
      </Typography.Paragraph>
    </RecordDialog>
  );
}
