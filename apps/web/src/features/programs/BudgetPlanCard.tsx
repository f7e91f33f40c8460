import { Button, Card, DatePicker, Form, Input, InputNumber, Segmented, Select, Space, Table, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import type { components } from '../../api/schema';
import { won } from '../../components/figures';
import { koreanDate, today } from '../../components/format';
import { LoadState } from '../../components/LoadState';
import { RecordDialog } from '../../components/RecordDialog';
import { FUNDING_SOURCE_NAMES } from '../../components/statistics-terms';
import {
  budgetPlanQuery,
  defineBudgetPlan,
  programKeys,
  recordExecution,
  SOURCES,
  type BudgetPlan,
  type RetentionProgram,
} from './api';

type Figures = components['schemas']['BudgetFiguresResponse'];
type SourceName = components['schemas']['FundingSourceNameResponse'];

const sourceLabel = (source: string, names: SourceName[]) => {
  const n = names.find((x) => x.source === source);
  return n
    ? n.localName && n.localName !== n.label
      ? `${n.label} (${n.localName})`
      : n.label
    : (FUNDING_SOURCE_NAMES[source] ?? source);
};

/** Secured / executed / remaining / execution rate per funding source and in total (rates as the API gives them, at the plan's decimals). */
export function BudgetTable({ figures, names }: { figures: Figures; names: SourceName[] }) {
  const rows = [
    ...figures.sources.map((s) => ({
      key: s.source,
      label: sourceLabel(s.source, names),
      secured: s.secured,
      executed: s.executed,
      remaining: s.remaining,
      rate: s.executionRateText,
    })),
    ...(figures.unsplit.executed !== 0
      ? [
          {
            key: 'unsplit',
            label: '재원 구분 없음',
            secured: 0,
            executed: figures.unsplit.executed,
            remaining: -figures.unsplit.executed,
            rate: '-',
          },
        ]
      : []),
  ];
  return (
    <Table
      rowKey="key"
      size="small"
      pagination={false}
      dataSource={rows}
      columns={[
        { title: '재원', dataIndex: 'label', key: 'label' },
        { title: '확보액', dataIndex: 'secured', key: 'secured', align: 'right', render: won },
        { title: '집행액', dataIndex: 'executed', key: 'executed', align: 'right', render: won },
        {
          title: '잔액',
          dataIndex: 'remaining',
          key: 'remaining',
          align: 'right',
          render: (n: number) => <span className={n < 0 ? 'saeil-overdue-text' : undefined}>{won(n)}</span>,
        },
        {
          title: '집행률',
          dataIndex: 'rate',
          key: 'rate',
          align: 'right',
          render: (r: string) => (r === '-' ? '—' : `${r}%`),
        },
      ]}
      summary={() => (
        <Table.Summary.Row>
          <Table.Summary.Cell index={0}>
            <strong>합계</strong>
          </Table.Summary.Cell>
          <Table.Summary.Cell index={1} align="right">
            <strong>{won(figures.total.secured)}</strong>
          </Table.Summary.Cell>
          <Table.Summary.Cell index={2} align="right">
            <strong>{won(figures.total.executed)}</strong>
          </Table.Summary.Cell>
          <Table.Summary.Cell index={3} align="right">
            <strong>{won(figures.total.remaining)}</strong>
          </Table.Summary.Cell>
          <Table.Summary.Cell index={4} align="right">
            <strong>{figures.total.executionRateText === '-' ? '—' : `${figures.total.executionRateText}%`}</strong>
          </Table.Summary.Cell>
        </Table.Summary.Row>
      )}
    />
  );
}

/** A program's budget plan: per year and the term, the execution entries, recording an execution; or setting the plan up. */
export function BudgetPlanCard({ program }: { program: RetentionProgram }) {
  const plan = useQuery(budgetPlanQuery(program.programId));
  const [defining, setDefining] = useState(false);
  const [recording, setRecording] = useState(false);
  return (
    <Card
      title={<h2 className="saeil-card-title">예산 계획과 집행</h2>}
      extra={
        plan.data ? (
          <Button onClick={() => setRecording(true)}>집행 기록</Button>
        ) : plan.data === null ? (
          <Button onClick={() => setDefining(true)}>예산 계획 수립</Button>
        ) : null
      }
    >
      <LoadState
        query={plan}
        isEmpty={(p) => p === null}
        empty="이 프로그램의 연도별 예산 계획이 아직 없습니다. ‘예산 계획 수립’을 눌러 연도와 재원별 확보액을 정하세요."
      >
        {(p) => <PlanFigures plan={p!} />}
      </LoadState>
      {plan.data === null && <DefineBudget open={defining} program={program} onClose={() => setDefining(false)} />}
      {plan.data && <RecordExecution open={recording} plan={plan.data} onClose={() => setRecording(false)} />}
    </Card>
  );
}

function PlanFigures({ plan }: { plan: BudgetPlan }) {
  const [year, setYear] = useState<string>('term');
  const figures = year === 'term' ? plan.term : (plan.years.find((y) => String(y.year) === year) ?? plan.term);
  return (
    <>
      <Segmented
        aria-label="연도"
        value={year}
        onChange={(v) => setYear(String(v))}
        options={[
          { value: 'term', label: '전체 기간' },
          ...plan.years.map((y) => ({ value: String(y.year), label: `${y.year}년` })),
        ]}
        style={{ marginBottom: 12 }}
      />
      <BudgetTable figures={figures} names={plan.sourceNames} />
      <Typography.Title level={3} style={{ fontSize: 15, marginTop: 16 }}>
        집행 내역 ({plan.entries.length}건
        {plan.benefitsCounted > 0 ? `, 프로그램 지원 ${plan.benefitsCounted}건은 집행액에 자동 반영` : ''})
      </Typography.Title>
      <Table
        rowKey="entryId"
        size="small"
        dataSource={[...plan.entries].reverse()}
        pagination={{ pageSize: 10, showSizeChanger: false }}
        locale={{ emptyText: '아직 기록한 집행이 없습니다. ‘집행 기록’을 눌러 집행일, 재원, 금액을 남기세요.' }}
        columns={[
          { title: '집행일', dataIndex: 'executedOn', key: 'executedOn', render: koreanDate },
          {
            title: '재원',
            dataIndex: 'source',
            key: 'source',
            render: (s: string) => sourceLabel(s, plan.sourceNames),
          },
          { title: '금액', dataIndex: 'amount', key: 'amount', align: 'right', render: won },
          {
            title: '집행 내역',
            key: 'purpose',
            render: (_, e) =>
              (e.corrects ? `정정: ${e.purpose}` : e.purpose) + (e.correctedBy.length ? ' (정정됨)' : ''),
          },
          { title: '입력', dataIndex: 'enteredBy', key: 'enteredBy', responsive: ['lg'] },
        ]}
      />
    </>
  );
}

type BudgetValues = { decimals: number; amounts: Record<string, Record<string, number | null>> };
type ExecutionValues = { executedOn: Dayjs; source: string; amount: number; purpose: string; corrects?: string };

/** The plan's lines: every year and source she gave an amount for, in order. */
const linesOf = (years: number[], v: BudgetValues) =>
  years.flatMap((year) =>
    SOURCES.map((source) => ({ year, source, amount: v.amounts?.[year]?.[source] ?? 0 })).filter((l) => l.amount > 0),
  );

/** The body's 'lines[2].amount' is the amount of that line's year and source in the form. */
export const budgetFieldFor = (years: number[]) => (path: (string | number)[], v: BudgetValues) => {
  if (path[0] !== 'lines' || typeof path[1] !== 'number') return undefined;
  const line = linesOf(years, v)[path[1]];
  return line ? ['amounts', String(line.year), line.source] : undefined;
};

export function DefineBudget({
  open,
  program,
  onClose,
}: {
  open: boolean;
  program: RetentionProgram;
  onClose: () => void;
}) {
  const from = dayjs(program.periodFrom).year();
  const to = dayjs(program.periodTo).year();
  const years = Array.from({ length: to - from + 1 }, (_, i) => from + i);
  const initialAmounts = Object.fromEntries(
    years.map((y, i) => [
      y,
      Object.fromEntries(
        SOURCES.map((s) => [s, i === 0 ? (program.budget.find((b) => b.source === s)?.secured ?? null) : null]),
      ),
    ]),
  );
  return (
    <RecordDialog<BudgetValues, Awaited<ReturnType<typeof defineBudgetPlan>>>
      id="define-budget"
      open={open}
      title="예산 계획 수립"
      width={760}
      initialValues={{ decimals: 1, amounts: initialAmounts }}
      send={(v, key) =>
        defineBudgetPlan(
          {
            name: program.name,
            fromYear: from,
            toYear: to,
            decimals: v.decimals,
            lines: linesOf(years, v) as never,
            centerId: program.centerId,
            programId: program.programId,
          },
          key,
        )
      }
      invalidates={[programKeys.budgets]}
      saved={() => `${program.name}의 ${from}~${to}년 예산 계획을 세웠습니다.`}
      fieldFor={budgetFieldFor(years)}
      onClose={onClose}
    >
      {years.map((year) => (
        <Card key={year} size="small" title={`${year}년 확보액`} style={{ marginBottom: 8 }}>
          <Space wrap>
            {SOURCES.map((s) => (
              <Form.Item key={s} name={['amounts', String(year), s]} label={FUNDING_SOURCE_NAMES[s]}>
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
      ))}
      <Form.Item name="decimals" label="집행률 소수 자릿수">
        <Select style={{ width: 120 }} options={[0, 1, 2].map((d) => ({ value: d, label: `${d}자리` }))} />
      </Form.Item>
    </RecordDialog>
  );
}

export function RecordExecution({ open, plan, onClose }: { open: boolean; plan: BudgetPlan; onClose: () => void }) {
  return (
    <RecordDialog<ExecutionValues, Awaited<ReturnType<typeof recordExecution>>>
      id="record-execution"
      open={open}
      title="예산 집행 기록"
      initialValues={{ executedOn: dayjs(), source: 'national' }}
      send={(v, key) => {
        const corrected = plan.entries.find((e) => e.entryId === v.corrects);
        return recordExecution(
          plan.planId,
          {
            executedOn: v.executedOn.format('YYYY-MM-DD'),
            source: (corrected?.source ?? v.source) as never,
            amount: v.amount,
            purpose: v.purpose,
            ...(v.corrects ? { corrects: v.corrects } : {}),
          },
          key,
        );
      }}
      invalidates={[programKeys.budgets, programKeys.all]}
      saved={(_, v) =>
        `${koreanDate(v.executedOn.format('YYYY-MM-DD'))} ${won(v.amount)} ${v.corrects ? '정정을' : '집행을'} 기록했습니다.`
      }
      onClose={onClose}
    >
      <Space wrap>
        <Form.Item name="executedOn" label="집행일" rules={[{ required: true, message: '집행일을 골라 주세요.' }]}>
          <DatePicker disabledDate={(d) => d.format('YYYY-MM-DD') > today()} />
        </Form.Item>
        <Form.Item name="source" label="재원" rules={[{ required: true, message: '재원을 골라 주세요.' }]}>
          <Select
            style={{ width: 200 }}
            options={[...SOURCES, 'unsplit'].map((s) => ({ value: s, label: sourceLabel(s, plan.sourceNames) }))}
          />
        </Form.Item>
        <Form.Item name="amount" label="금액" rules={[{ required: true, message: '금액을 입력해 주세요.' }]}>
          <InputNumber
            step={10000}
            addonAfter="원"
            formatter={(v) => `${v ?? ''}`.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}
          />
        </Form.Item>
      </Space>
      <Form.Item
        name="purpose"
        label="집행 내역 (정정이면 사유)"
        rules={[{ required: true, whitespace: true, message: '무엇에 썼는지 입력해 주세요.' }]}
      >
        <Input />
      </Form.Item>
      <Form.Item
        name="corrects"
        label="정정할 기록 (정정일 때만)"
        extra="기록은 고치지 않고, 정정 기록(음수면 되돌림)을 더합니다."
      >
        <Select
          allowClear
          placeholder="새 집행"
          options={plan.entries
            .filter((e) => !e.corrects)
            .map((e) => ({ value: e.entryId, label: `${koreanDate(e.executedOn)} ${won(e.amount)} ${e.purpose}` }))}
        />
      </Form.Item>
    </RecordDialog>
  );
}
