import { Alert, Button, Card, Empty, Input, List, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import subsidies from '../../../../../../config/internship-subsidies.json';
import { api } from '../../../api/client';
import { unwrap } from '../../../api/errors';
import { daysFromToday, koreanDate, today } from '../../../components/format';
import { caseCommandInvalidates } from '../api';
import type { CaseForm } from '../case-search';
import { RecordForm } from '../../../components/RecordForm';
import { FormPicker } from '../forms/FormPicker';
import { ChoiceField, DateField, MoneyField, NotesField, NumberField, TextField } from '../forms/fields';
import { INTERNSHIP_END_REASONS, REGIONS, SUBSIDY_KINDS, SUBSIDY_RECIPIENTS, TONES, won } from '../terms';
import { entriesOf, INTERNSHIP_EVENTS, paidSubsidies } from '../timeline-facts';
import type { CaseTabProps } from './tab-props';

interface SchedulePayment {
  no: number;
  kind: keyof typeof SUBSIDY_KINDS;
  recipient: keyof typeof SUBSIDY_RECIPIENTS;
  amount: number;
  month?: number;
  monthsAfterConversion?: number;
}
type Program = { programYear: number; region: string; description: string; payments: SchedulePayment[] };

/** The subsidy schedule shipped in config/internship-subsidies.json for a year and 시·도 (the server's own configuration decides). */
export function subsidySchedule(year: number, region: string): Program | undefined {
  const programs = (subsidies as { programs: Program[] }).programs;
  return (
    programs.find((p) => p.programYear === year && p.region === region) ??
    programs.find((p) => p.programYear === year && p.region === '*')
  );
}

const ACTIONS: { form: CaseForm; label: string }[] = [
  { form: 'subsidy', label: '지원금 지급' },
  { form: 'internship-end', label: '인턴 종료' },
  { form: 'conversion', label: '정규직 전환' },
];

/**
 * 새일여성인턴: what happened in her internship (from her timeline), its subsidy schedule against
 * what was paid, and the forms. The API has no read of her internships yet: after 인턴 시작 its
 * number stays in the URL; for an older one it is typed (인턴 번호).
 */
export default function InternshipTab({ clientId, search, setSearch, timeline, summary }: CaseTabProps) {
  const internshipId = search.internshipId;
  const history = entriesOf(timeline, INTERNSHIP_EVENTS);
  const paid = paidSubsidies(timeline);
  const startedOn = /\((\d{4})-\d{2}-\d{2} ~/.exec(
    history.find((e) => e.type === 'InternshipStarted')?.summary ?? '',
  )?.[1];
  const program = subsidySchedule(Number(startedOn ?? today().slice(0, 4)), summary.region);
  const next = program?.payments.find((p) => !paid.includes(p.no));
  const close = () => setSearch({ tab: 'internship', internshipId });
  const closed = summary.status === 'closed';
  return (
    <Card>
      <h2 className="saeil-card-title">새일여성인턴</h2>
      <FormPicker
        label="인턴 시작"
        forms={[{ form: 'internship-start', label: '인턴 시작', disabled: closed }]}
        search={search}
        setSearch={setSearch}
      />
      {search.form === 'internship-start' && (
        <StartForm
          clientId={clientId}
          region={summary.region}
          onStarted={(id) => setSearch({ tab: 'internship', internshipId: id })}
          close={close}
        />
      )}
      <InternshipPicker
        internshipId={internshipId ?? ''}
        onPick={(id) => setSearch({ tab: 'internship', internshipId: id || undefined })}
      />
      <FormPicker
        label="인턴 기록하기"
        forms={ACTIONS.map((a) => ({ ...a, disabled: !internshipId || closed }))}
        search={search}
        setSearch={setSearch}
      />
      {internshipId && search.form && ACTIONS.some((a) => a.form === search.form) && (
        <InternshipForm form={search.form} clientId={clientId} internshipId={internshipId} next={next} close={close} />
      )}
      <h3 className="saeil-group-title">
        지원금 지급 일정 {program && <Typography.Text type="secondary">({program.programYear}년 기준)</Typography.Text>}
      </h3>
      {program ? (
        <Table<SchedulePayment>
          size="small"
          rowKey="no"
          pagination={false}
          scroll={{ x: 560 }}
          dataSource={program.payments}
          columns={[
            { title: '회차', dataIndex: 'no', width: 60 },
            { title: '종류', dataIndex: 'kind', render: (k: SchedulePayment['kind']) => SUBSIDY_KINDS[k] },
            {
              title: '받는 쪽',
              dataIndex: 'recipient',
              render: (r: SchedulePayment['recipient']) => SUBSIDY_RECIPIENTS[r],
            },
            { title: '금액', dataIndex: 'amount', render: (a: number) => won(a) },
            {
              title: '지급 시점',
              render: (_, p) =>
                p.month ? `인턴 ${p.month}개월 차 종료 후` : `정규직 전환 ${p.monthsAfterConversion}개월 후`,
            },
            {
              title: '지급',
              dataIndex: 'no',
              key: 'paid',
              render: (no: number) => (paid.includes(no) ? <Tag style={TONES.good}>지급함</Tag> : <Tag>미지급</Tag>),
            },
          ]}
        />
      ) : (
        <Alert type="info" showIcon title="이 연도의 지급 일정이 설정에 없습니다." />
      )}
      <h3 className="saeil-group-title">인턴 이력</h3>
      {history.length === 0 ? (
        <Empty description="인턴 기록이 없습니다." />
      ) : (
        <List
          size="small"
          dataSource={history}
          renderItem={(e) => <List.Item>{`${koreanDate(e.occurredAt)} ${e.summary}`}</List.Item>}
        />
      )}
    </Card>
  );
}

function InternshipPicker({ internshipId, onPick }: { internshipId: string; onPick: (id: string) => void }) {
  const [text, setText] = useState(internshipId);
  return (
    <Space.Compact style={{ maxWidth: 480, width: '100%', margin: '8px 0' }}>
      <Input
        aria-label="인턴 번호"
        placeholder="인턴 번호"
        value={text}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key !== 'Enter' || e.nativeEvent.isComposing || e.keyCode === 229) return;
          e.preventDefault();
          onPick(text.trim());
        }}
      />
      <Button onClick={() => onPick(text.trim())}>인턴 선택</Button>
    </Space.Compact>
  );
}

function StartForm({
  clientId,
  region,
  onStarted,
  close,
}: {
  clientId: string;
  region: string;
  onStarted: (internshipId: string) => void;
  close: () => void;
}) {
  type Start = {
    employerId: string;
    employerName: string;
    jobTitle?: string;
    startOn: string;
    plannedEndOn: string;
    region: string;
    programYear?: number;
  };
  return (
    <RecordForm<Start, { position?: number; internshipId?: string }>
      inCase
      id="internship-start"
      title="새일여성인턴 시작"
      initialValues={{ startOn: today(), plannedEndOn: daysFromToday(91), region }}
      send={async (v, key) =>
        unwrap(
          await api.POST('/internships', { params: { header: { 'Idempotency-Key': key } }, body: { clientId, ...v } }),
        )
      }
      invalidates={caseCommandInvalidates(clientId)}
      saved={(r, v) =>
        `${v.employerName} 인턴 시작을 기록했습니다${r.internshipId ? ` (인턴 번호 ${r.internshipId})` : ''}.`
      }
      onSaved={(r) => r.internshipId && onStarted(r.internshipId)}
      onCancel={close}
    >
      <TextField name="employerId" label="구인업체 번호" />
      <TextField name="employerName" label="구인업체 이름" placeholder="진주요양병원" />
      <TextField name="jobTitle" label="직무" optional />
      <DateField name="startOn" label="시작일" />
      <DateField name="plannedEndOn" label="종료 예정일" future />
      <ChoiceField
        name="region"
        label="지원금 기준 시·도"
        labels={Object.fromEntries(REGIONS.map((r) => [r, r])) as Record<string, string>}
      />
      <NumberField name="programYear" label="사업연도 (비우면 시작일의 연도)" optional min={2020} max={2099} />
    </RecordForm>
  );
}

function InternshipForm({
  form,
  clientId,
  internshipId,
  next,
  close,
}: {
  form: CaseForm;
  clientId: string;
  internshipId: string;
  next?: SchedulePayment;
  close: () => void;
}) {
  const path = { internshipId };
  const common = { invalidates: caseCommandInvalidates(clientId), onCancel: close };
  if (form === 'subsidy') {
    type Pay = {
      paymentNo: number;
      kind: SchedulePayment['kind'];
      recipient: SchedulePayment['recipient'];
      amount: number;
      paidOn: string;
    };
    return (
      <RecordForm<Pay, { position?: number }>
        inCase
        {...common}
        id="internship-subsidy"
        title="인턴 지원금 지급"
        initialValues={{
          paidOn: today(),
          ...(next ? { paymentNo: next.no, kind: next.kind, recipient: next.recipient, amount: next.amount } : {}),
        }}
        send={async (v, key) =>
          unwrap(
            await api.POST('/internships/{internshipId}/subsidy-payments', {
              params: { path, header: { 'Idempotency-Key': key } },
              body: v,
            }),
          )
        }
        saved={(_, v) => `지원금 ${v.paymentNo}회차 ${won(v.amount)} 지급을 기록했습니다.`}
        onSaved={close}
      >
        <NumberField name="paymentNo" label="회차" min={1} max={50} />
        <ChoiceField name="kind" label="종류" labels={SUBSIDY_KINDS} />
        <ChoiceField name="recipient" label="받는 쪽" labels={SUBSIDY_RECIPIENTS} />
        <MoneyField name="amount" label="금액 (지급 일정의 금액)" />
        <DateField name="paidOn" label="지급일" />
      </RecordForm>
    );
  }
  if (form === 'internship-end') {
    return (
      <RecordForm<
        { endedOn: string; reason: keyof typeof INTERNSHIP_END_REASONS; note?: string },
        { position?: number }
      >
        inCase
        {...common}
        id="internship-end"
        title="인턴 종료"
        initialValues={{ endedOn: today(), reason: 'completed' }}
        send={async (v, key) =>
          unwrap(
            await api.POST('/internships/{internshipId}/end', {
              params: { path, header: { 'Idempotency-Key': key } },
              body: v,
            }),
          )
        }
        saved={() => '인턴 종료를 기록했습니다.'}
        onSaved={close}
      >
        <DateField name="endedOn" label="마지막 근무일" />
        <ChoiceField name="reason" label="종료 사유" labels={INTERNSHIP_END_REASONS} />
        <NotesField name="note" label="메모" rows={2} />
      </RecordForm>
    );
  }
  return (
    <RecordForm<
      { convertedOn: string; jobTitle: string; employmentType: 'regular' | 'contract' },
      { position?: number }
    >
      inCase
      {...common}
      id="internship-conversion"
      title="정규직 전환"
      initialValues={{ convertedOn: today(), employmentType: 'regular' }}
      send={async (v, key) =>
        unwrap(
          await api.POST('/internships/{internshipId}/conversion', {
            params: { path, header: { 'Idempotency-Key': key } },
            body: v,
          }),
        )
      }
      saved={() => '정규직 전환을 기록했습니다.'}
      onSaved={close}
    >
      <DateField name="convertedOn" label="전환일 (첫 근무일)" />
      <TextField name="jobTitle" label="직무" />
      <ChoiceField name="employmentType" label="고용형태" labels={{ regular: '정규직', contract: '계약직' }} />
    </RecordForm>
  );
}
