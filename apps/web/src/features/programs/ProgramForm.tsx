import { Card, DatePicker, Form, Input, InputNumber, Space } from 'antd';
import type { QueryKey } from '@tanstack/react-query';
import dayjs, { type Dayjs } from 'dayjs';
import { today } from '../../components/format';
import { RecordDialog } from '../../components/RecordDialog';
import { FUNDING_SOURCE_NAMES } from '../../components/statistics-terms';
import { SOURCES, type DefineProgram, type FundingSource, type RetentionProgram } from './api';

interface Values {
  name: string;
  periodFrom: Dayjs;
  periodTo: Dayjs;
  milestones: { n: 1 | 2 | 3; plannedClients: number; benefit: string; unitCost: number }[];
  budget: Record<FundingSource, number | null>;
  amendedOn?: Dayjs;
  reason?: string;
}

export type ProgramPlan = Omit<DefineProgram, 'centerId'> & { amendedOn?: string; reason?: string };

const planOf = (v: Values, amending: boolean): ProgramPlan => ({
  name: v.name,
  periodFrom: v.periodFrom.format('YYYY-MM-DD'),
  periodTo: v.periodTo.format('YYYY-MM-DD'),
  milestones: v.milestones,
  budget: SOURCES.filter((s) => (v.budget[s] ?? 0) > 0).map((s) => ({ source: s, amount: v.budget[s]! })),
  ...(amending ? { amendedOn: (v.amendedOn ?? dayjs()).format('YYYY-MM-DD'), reason: v.reason } : {}),
});

/** The body's budget lines are the non-empty sources in order: 'budget[1].amount' is the form's budget of that source. */
export const programFieldFor = (path: (string | number)[], v: Values): (string | number)[] | undefined => {
  if (path[0] !== 'budget' || typeof path[1] !== 'number') return undefined;
  const source = SOURCES.filter((s) => (v.budget?.[s] ?? 0) > 0)[path[1]];
  return source ? ['budget', source] : undefined;
};

/** The plan of a retention program per milestone (e.g. 100/70/50) and its budget by funding source; amending adds the day and reason. */
export function ProgramForm<R extends { position?: number }>({
  open,
  program,
  onClose,
  send,
  invalidates,
  onSaved,
}: {
  open: boolean;
  program?: RetentionProgram;
  onClose: () => void;
  send: (plan: ProgramPlan, idempotencyKey: string) => Promise<R>;
  invalidates: QueryKey[];
  onSaved?: (result: R) => void;
}) {
  const year = dayjs().year();
  const initial: Partial<Values> = program
    ? {
        name: program.name,
        periodFrom: dayjs(program.periodFrom),
        periodTo: dayjs(program.periodTo),
        milestones: program.milestones.map((m) => ({
          n: m.n as 1 | 2 | 3,
          plannedClients: m.planned,
          benefit: m.benefit,
          unitCost: m.unitCost,
        })),
        budget: Object.fromEntries(
          SOURCES.map((s) => [s, program.budget.find((b) => b.source === s)?.secured ?? null]),
        ) as Values['budget'],
        amendedOn: dayjs(),
      }
    : {
        periodFrom: dayjs(`${year}-01-01`),
        periodTo: dayjs(`${year}-12-31`),
        milestones: [1, 2, 3].map((n) => ({
          n: n as 1 | 2 | 3,
          plannedClients: [100, 70, 50][n - 1],
          benefit: '',
          unitCost: 0,
        })),
        budget: { national: null, provincial: null, municipal: null, other: null },
      };
  return (
    <RecordDialog<Values, R>
      id={program ? 'amend-program' : 'define-program'}
      open={open}
      title={program ? `${program.name} 변경` : '새 사후관리 프로그램'}
      width={760}
      initialValues={initial}
      send={(v, key) => send(planOf(v, !!program), key)}
      invalidates={invalidates}
      saved={(_, v) => (program ? `${v.name} 계획 변경을 기록했습니다.` : `${v.name} 프로그램을 만들었습니다.`)}
      fieldFor={programFieldFor}
      onSaved={(result) => onSaved?.(result)}
      onClose={onClose}
    >
      <Form.Item
        name="name"
        label="프로그램 이름"
        rules={[{ required: true, whitespace: true, message: '프로그램 이름을 입력해 주세요.' }]}
      >
        <Input placeholder="예: 같이하는 고백(go 100)" />
      </Form.Item>
      <Space wrap>
        <Form.Item name="periodFrom" label="시작일" rules={[{ required: true, message: '시작일을 골라 주세요.' }]}>
          <DatePicker />
        </Form.Item>
        <Form.Item name="periodTo" label="종료일" rules={[{ required: true, message: '종료일을 골라 주세요.' }]}>
          <DatePicker />
        </Form.Item>
      </Space>
      <Form.List name="milestones">
        {(fields) =>
          fields.map((field, i) => (
            <Card key={field.key} size="small" title={`${i + 1}개월 시점`} style={{ marginBottom: 8 }}>
              <Form.Item name={[field.name, 'n']} hidden>
                <InputNumber />
              </Form.Item>
              <Space wrap align="start">
                <Form.Item
                  name={[field.name, 'plannedClients']}
                  label="계획 인원"
                  rules={[{ required: true, message: '계획 인원을 입력해 주세요.' }]}
                >
                  <InputNumber min={0} addonAfter="명" />
                </Form.Item>
                <Form.Item
                  name={[field.name, 'benefit']}
                  label="지원 내용"
                  rules={[{ required: true, whitespace: true, message: '지원 내용을 입력해 주세요.' }]}
                >
                  <Input style={{ width: 220 }} placeholder="예: 축하 꽃다발과 교통비" />
                </Form.Item>
                <Form.Item
                  name={[field.name, 'unitCost']}
                  label="1인당 단가"
                  rules={[{ required: true, message: '단가를 입력해 주세요.' }]}
                >
                  <InputNumber
                    min={0}
                    step={10000}
                    addonAfter="원"
                    formatter={(v) => `${v ?? ''}`.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}
                  />
                </Form.Item>
              </Space>
            </Card>
          ))
        }
      </Form.List>
      <Card size="small" title="재원별 확보 예산" style={{ marginBottom: 8 }}>
        <Space wrap>
          {SOURCES.map((s) => (
            <Form.Item key={s} name={['budget', s]} label={FUNDING_SOURCE_NAMES[s]}>
              <InputNumber
                min={0}
                step={100000}
                addonAfter="원"
                formatter={(v) => `${v ?? ''}`.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}
              />
            </Form.Item>
          ))}
        </Space>
      </Card>
      {program && (
        <Space wrap align="start">
          <Form.Item name="amendedOn" label="변경일" rules={[{ required: true, message: '변경일을 골라 주세요.' }]}>
            <DatePicker disabledDate={(d) => d.format('YYYY-MM-DD') > today()} />
          </Form.Item>
          <Form.Item
            name="reason"
            label="변경 사유"
            rules={[{ required: true, whitespace: true, message: '변경 사유를 입력해 주세요.' }]}
          >
            <Input style={{ width: 360 }} />
          </Form.Item>
        </Space>
      )}
    </RecordDialog>
  );
}
