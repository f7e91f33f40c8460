import { Alert, Button, Card, Descriptions, Empty, List, Skeleton, Space, Table, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../../api/client';
import { describeError, unwrap } from '../../../api/errors';
import type { components } from '../../../api/schema';
import { koreanDate, today } from '../../../components/format';
import {
  caseCommandInvalidates,
  caseFollowUpsQuery,
  caseKeys,
  placementsQuery,
  retentionProgramsQuery,
  type Placement,
} from '../api';
import type { CaseSearch } from '../case-search';
import { RecordForm } from '../../../components/RecordForm';
import { FormPicker } from '../forms/FormPicker';
import {
  ChecksField,
  ChoiceField,
  DateField,
  MoneyField,
  NotesField,
  NumberField,
  RadioField,
  TextField,
  lines,
} from '../forms/fields';
import {
  EMPLOYMENT_END_REASONS,
  EMPLOYMENT_TYPES,
  FOLLOW_UP_CHANNELS,
  FOLLOW_UP_OUTCOMES,
  FOLLOW_UP_SUPPORT,
  FUNDING_SOURCES,
  OCCUPATION_GROUPS,
  PLACEMENT_CHANNELS,
  PLACEMENT_STATUS,
  TONES,
  won,
} from '../terms';
import { entriesOf, recordedFollowUps } from '../timeline-facts';
import type { CaseTabProps } from './tab-props';

type Schemas = components['schemas'];

/** 취업·사후관리: her placements with the 1·2·3-month follow-ups, her startups, and their forms. */
export default function PlacementsTab(props: CaseTabProps) {
  const { clientId, search, setSearch, summary, timeline } = props;
  const history = useQuery(placementsQuery(clientId));
  const owed = useQuery(caseFollowUpsQuery(clientId, summary.counselorId));
  const closed = summary.status === 'closed';
  const close = () => setSearch({ tab: 'placements' });
  if (history.isPending) return <Skeleton active />;
  if (history.isError) return <Alert type="error" showIcon title={describeError(history.error)} />;
  const placements = [...history.data.placements].reverse();
  const active = placements.find((p) => p.status === 'active');
  const target = placements.find((p) => p.placementId === search.placementId) ?? active;
  return (
    <Card>
      <h2 className="saeil-card-title">취업</h2>
      <FormPicker
        label="취업 기록하기"
        forms={[
          { form: 'placement', label: '취업 기록', disabled: closed || Boolean(active) },
          { form: 'placement-end', label: '퇴사 기록', disabled: !active },
          { form: 'placement-void', label: '취업 기록 취소', disabled: !target || target.status === 'voided' },
          { form: 'follow-up', label: '사후관리 기록', disabled: !target || target.status === 'voided' },
          { form: 'benefit', label: '사후관리 프로그램 지원', disabled: !target || target.status === 'voided' },
        ]}
        search={search}
        setSearch={setSearch}
        extra={target ? { placementId: target.placementId } : {}}
      />
      {search.form === 'placement' && <StartForm clientId={clientId} close={close} />}
      {search.form === 'placement-end' && active && <EndForm clientId={clientId} placement={active} close={close} />}
      {search.form === 'placement-void' && target && <VoidForm clientId={clientId} placement={target} close={close} />}
      {search.form === 'follow-up' && target && (
        <FollowUpForm
          clientId={clientId}
          centerId={summary.centerId}
          placement={target}
          search={search}
          close={close}
        />
      )}
      {search.form === 'benefit' && target && (
        <BenefitForm clientId={clientId} centerId={summary.centerId} placement={target} search={search} close={close} />
      )}
      {placements.length === 0 ? (
        <Empty description="취업 기록이 없습니다. 취업하면 ‘취업 기록’으로 남겨 주세요. 1·2·3개월 사후관리 일정이 만들어집니다." />
      ) : (
        placements.map((p) => (
          <PlacementCard
            key={p.placementId}
            placement={p}
            owed={(owed.data ?? []).filter((o) => o.placementId === p.placementId)}
            recorded={p.status !== 'voided' && p === (active ?? placements[0]) ? recordedFollowUps(timeline) : []}
            scheduled={p === (active ?? placements[0]) ? scheduledFollowUps(timeline) : []}
            openFollowUp={(n) => setSearch({ tab: 'placements', form: 'follow-up', placementId: p.placementId, n })}
          />
        ))
      )}
      <Startups {...props} startups={history.data.startups} />
    </Card>
  );
}

/** The milestones as scheduled ('사후관리 일정: 1개월 2026-04-02, 2개월 …'), from her timeline. */
function scheduledFollowUps(entries: CaseTabProps['timeline']): { n: number; dueOn: string }[] {
  const last = entriesOf(entries, ['FollowUpsScheduled']).at(-1);
  if (!last) return [];
  return [...last.summary.matchAll(/(\d)개월 (\d{4}-\d{2}-\d{2})/g)].map((m) => ({ n: Number(m[1]), dueOn: m[2] }));
}

type Owed = { n: number; dueOn: string; window: { opensOn: string; closesOn: string }; overdue: boolean };

function PlacementCard({
  placement: p,
  owed,
  recorded,
  scheduled,
  openFollowUp,
}: {
  placement: Placement;
  owed: Owed[];
  recorded: { n: number; summary: string }[];
  scheduled: { n: number; dueOn: string }[];
  openFollowUp: (n: 1 | 2 | 3) => void;
}) {
  const milestones = ([1, 2, 3] as const).map((n) => {
    const due = owed.find((o) => o.n === n);
    const done = recorded.find((r) => r.n === n);
    return {
      n,
      dueOn: due?.dueOn ?? scheduled.find((s) => s.n === n)?.dueOn,
      window: due?.window,
      overdue: due?.overdue ?? false,
      done,
    };
  });
  return (
    <Card
      type="inner"
      size="small"
      style={{ marginTop: 12 }}
      title={<h3 className="saeil-card-title">{`${p.employerName} · ${p.jobTitle}`}</h3>}
      extra={<Tag style={p.status === 'active' ? TONES.good : undefined}>{PLACEMENT_STATUS[p.status]}</Tag>}
    >
      <Descriptions
        size="small"
        column={{ xs: 1, md: 2, xl: 3 }}
        items={[
          { key: 'start', label: '취업일', children: koreanDate(p.startOn) },
          {
            key: 'type',
            label: '고용형태',
            children: `${EMPLOYMENT_TYPES[p.employmentType]} · 주 ${p.weeklyHours}시간`,
          },
          { key: 'wage', label: '월 급여', children: won(p.monthlyWage) },
          {
            key: 'channel',
            label: '경로',
            children: `${PLACEMENT_CHANNELS[p.channel]}${p.employmentInsurance ? ' · 고용보험 가입' : ''}`,
          },
          ...(p.endedOn
            ? [
                {
                  key: 'end',
                  label: '퇴사',
                  children: `${koreanDate(p.endedOn)} (${p.endReason ? EMPLOYMENT_END_REASONS[p.endReason] : ''}${p.endNote ? `, ${p.endNote}` : ''})`,
                },
              ]
            : []),
          ...(p.voidReason ? [{ key: 'void', label: '취소 사유', children: p.voidReason }] : []),
        ]}
      />
      {p.status !== 'voided' && (
        <Table
          size="small"
          rowKey="n"
          pagination={false}
          scroll={{ x: 560 }}
          caption={<span className="saeil-sr-only">사후관리 일정 (취업 후 1·2·3개월)</span>}
          dataSource={milestones}
          columns={[
            { title: '사후관리', dataIndex: 'n', render: (n: number) => `${n}개월`, width: 80 },
            { title: '기한', dataIndex: 'dueOn', render: (d?: string) => koreanDate(d) },
            {
              title: '연락 기간',
              render: (_, m) => (m.window ? `${koreanDate(m.window.opensOn)} ~ ${koreanDate(m.window.closesOn)}` : '—'),
            },
            {
              title: '상태',
              render: (_, m) =>
                m.done ? (
                  <Tag style={TONES.good}>기록함</Tag>
                ) : m.overdue ? (
                  <Tag style={TONES.bad}>기한 지남</Tag>
                ) : m.window && m.window.opensOn <= today() ? (
                  <Tag style={TONES.info}>연락 기간</Tag>
                ) : m.dueOn ? (
                  <Tag>예정</Tag>
                ) : (
                  '—'
                ),
            },
            {
              title: '기록',
              render: (_, m) =>
                m.done ? (
                  <Typography.Text type="secondary">{m.done.summary}</Typography.Text>
                ) : m.dueOn ? (
                  <Button size="small" onClick={() => openFollowUp(m.n)}>
                    {m.n}개월 사후관리 기록
                  </Button>
                ) : null,
            },
          ]}
        />
      )}
    </Card>
  );
}

function StartForm({ clientId, close }: { clientId: string; close: () => void }) {
  type Start = Schemas['StartEmploymentBody'];
  return (
    <RecordForm<Start, { position?: number }>
      inCase
      id="placement-start"
      title="취업 기록"
      initialValues={{
        startOn: today(),
        employmentType: 'regular',
        weeklyHours: 40,
        channel: 'center',
        employmentInsurance: true,
      }}
      send={async (v, key) =>
        unwrap(
          await api.POST('/clients/{clientId}/placements', {
            params: { path: { clientId }, header: { 'Idempotency-Key': key } },
            body: v,
          }),
        )
      }
      invalidates={caseCommandInvalidates(clientId)}
      saved={(_, v) => `${v.employerName} 취업을 기록했습니다. 1·2·3개월 사후관리 일정이 만들어집니다.`}
      onSaved={close}
      onCancel={close}
    >
      <TextField name="employerName" label="업체 이름" placeholder="(주)진주주얼리" />
      <TextField name="employerId" label="구인업체 번호 (등록된 업체일 때)" optional />
      <TextField name="jobTitle" label="직무" placeholder="온라인 쇼핑몰 운영" />
      <TextField name="occupation" label="직종 (고용직업분류 코드 또는 직종명)" placeholder="0231" />
      <ChoiceField
        name="occupationGroup"
        label="직종 대분류 (직종명으로 적었을 때)"
        labels={OCCUPATION_GROUPS}
        optional
      />
      <ChoiceField name="employmentType" label="고용형태" labels={EMPLOYMENT_TYPES} />
      <NumberField name="weeklyHours" label="주 근로시간" min={1} max={80} unit="시간" />
      <MoneyField name="monthlyWage" label="월 급여" />
      <DateField name="startOn" label="취업일" />
      <ChoiceField name="channel" label="취업 경로" labels={PLACEMENT_CHANNELS} />
      <RadioField
        name="employmentInsurance"
        label="고용보험"
        options={[
          { value: true, label: '가입' },
          { value: false, label: '미가입' },
        ]}
      />
    </RecordForm>
  );
}

function EndForm({ clientId, placement, close }: { clientId: string; placement: Placement; close: () => void }) {
  return (
    <RecordForm<Schemas['EndEmploymentBody'], { position?: number }>
      inCase
      id="placement-end"
      title={`퇴사 기록: ${placement.employerName}`}
      initialValues={{ endedOn: today() }}
      send={async (v, key) =>
        unwrap(
          await api.POST('/clients/{clientId}/placements/{placementId}/end', {
            params: { path: { clientId, placementId: placement.placementId }, header: { 'Idempotency-Key': key } },
            body: v,
          }),
        )
      }
      invalidates={caseCommandInvalidates(clientId)}
      saved={() => '퇴사를 기록했습니다.'}
      onSaved={close}
      onCancel={close}
    >
      <DateField name="endedOn" label="퇴사일" />
      <ChoiceField name="reason" label="퇴사 사유" labels={EMPLOYMENT_END_REASONS} />
      <NotesField name="note" label="메모" rows={2} />
    </RecordForm>
  );
}

function VoidForm({ clientId, placement, close }: { clientId: string; placement: Placement; close: () => void }) {
  return (
    <RecordForm<Schemas['VoidPlacementBody'], { position?: number }>
      inCase
      id="placement-void"
      title={`취업 기록 취소: ${placement.employerName}`}
      submitLabel="기록 취소"
      send={async (v, key) =>
        unwrap(
          await api.POST('/clients/{clientId}/placements/{placementId}/void', {
            params: { path: { clientId, placementId: placement.placementId }, header: { 'Idempotency-Key': key } },
            body: v,
          }),
        )
      }
      invalidates={caseCommandInvalidates(clientId)}
      saved={() => '취업 기록을 취소했습니다. 이 기록은 어디에도 집계되지 않습니다.'}
      onSaved={close}
      onCancel={close}
    >
      <Alert
        type="warning"
        showIcon
        title="잘못 입력한 취업 기록만 취소하세요. 실제로 그만둔 경우는 ‘퇴사 기록’입니다."
        style={{ marginBottom: 12 }}
      />
      <TextField name="reason" label="취소 사유" placeholder="다른 구직자의 취업을 잘못 입력함" />
    </RecordForm>
  );
}

function FollowUpForm({
  clientId,
  centerId,
  placement,
  search,
  close,
}: {
  clientId: string;
  centerId: string;
  placement: Placement;
  search: CaseSearch;
  close: () => void;
}) {
  type FollowUp = Omit<Schemas['RecordFollowUpBody'], 'difficulties'> & { difficulties?: string };
  return (
    <RecordForm<FollowUp, { position?: number }>
      inCase
      key={`${placement.placementId}-${search.n ?? ''}`}
      id="follow-up"
      title={`사후관리 기록: ${placement.employerName}`}
      initialValues={{ n: search.n, contactedOn: today(), channel: 'phone', support: [] }}
      send={async ({ difficulties, ...v }, key) =>
        unwrap(
          await api.POST('/clients/{clientId}/placements/{placementId}/follow-ups', {
            params: { path: { clientId, placementId: placement.placementId }, header: { 'Idempotency-Key': key } },
            body: { ...v, difficulties: lines(difficulties) },
          }),
        )
      }
      invalidates={caseCommandInvalidates(clientId)}
      saved={(_, v) => `${v.n}개월 사후관리를 기록했습니다.`}
      onSaved={close}
      onCancel={close}
    >
      <RadioField
        name="n"
        label="사후관리 차수"
        options={[
          { value: 1, label: '1개월' },
          { value: 2, label: '2개월' },
          { value: 3, label: '3개월' },
        ]}
      />
      <DateField name="contactedOn" label="연락일" />
      <ChoiceField name="channel" label="연락 방법" labels={FOLLOW_UP_CHANNELS} />
      <ChoiceField name="outcome" label="고용 상태" labels={FOLLOW_UP_OUTCOMES} />
      <NotesField name="difficulties" label="애로사항 (한 줄에 하나)" rows={2} />
      <ChecksField name="support" label="제공한 지원" labels={FOLLOW_UP_SUPPORT} />
      <ProgramField centerId={centerId} optional />
    </RecordForm>
  );
}

function Startups({
  clientId,
  search,
  setSearch,
  summary,
  startups,
}: CaseTabProps & { startups: Schemas['StartupResponse'][] }) {
  const close = () => setSearch({ tab: 'placements' });
  const target = startups.find((s) => s.startupId === search.startupId) ?? startups.at(-1);
  return (
    <>
      <h2 className="saeil-card-title" style={{ marginTop: 24 }}>
        창업
      </h2>
      <FormPicker
        label="창업 기록하기"
        forms={[
          { form: 'startup', label: '창업 기록', disabled: summary.status === 'closed' },
          { form: 'startup-grant', label: '창업 마케팅비 지급', disabled: !target },
        ]}
        search={search}
        setSearch={setSearch}
        extra={target ? { startupId: target.startupId } : {}}
      />
      {search.form === 'startup' && (
        <RecordForm<Schemas['StartStartupBody'], { position?: number }>
          inCase
          id="startup"
          title="창업 기록"
          initialValues={{ startedOn: today() }}
          send={async (v, key) =>
            unwrap(
              await api.POST('/clients/{clientId}/startups', {
                params: { path: { clientId }, header: { 'Idempotency-Key': key } },
                body: v,
              }),
            )
          }
          invalidates={caseCommandInvalidates(clientId)}
          saved={(_, v) => `${v.businessName} 창업을 기록했습니다.`}
          onSaved={close}
          onCancel={close}
        >
          <TextField name="businessName" label="사업체 이름" />
          <TextField name="industry" label="업종" />
          <DateField name="startedOn" label="개업일" />
          <TextField name="teamId" label="창업팀 번호 (공동 창업일 때)" optional />
        </RecordForm>
      )}
      {search.form === 'startup-grant' && target && (
        <RecordForm<Schemas['PayStartupGrantBody'], { position?: number }>
          inCase
          id="startup-grant"
          title={`창업 마케팅비 지급: ${target.businessName}`}
          initialValues={{ paidOn: today() }}
          send={async (v, key) =>
            unwrap(
              await api.POST('/clients/{clientId}/startups/{startupId}/grants', {
                params: { path: { clientId, startupId: target.startupId }, header: { 'Idempotency-Key': key } },
                body: v,
              }),
            )
          }
          invalidates={caseCommandInvalidates(clientId)}
          saved={(_, v) => `마케팅비 ${won(v.amount)} 지급을 기록했습니다.`}
          onSaved={close}
          onCancel={close}
        >
          <MoneyField name="amount" label="금액" />
          <DateField name="paidOn" label="지급일" />
          <NumberField name="grantYear" label="예산 연도 (비우면 지급일의 연도)" optional min={2020} max={2099} />
        </RecordForm>
      )}
      {startups.length === 0 ? (
        <Typography.Paragraph type="secondary">창업 기록이 없습니다.</Typography.Paragraph>
      ) : (
        <List
          size="small"
          dataSource={startups}
          renderItem={(s) => (
            <List.Item>
              <Space direction="vertical" size={0}>
                <strong>
                  {s.businessName} ({s.industry}) · {koreanDate(s.startedOn)} 개업
                </strong>
                {s.grants.length > 0 && (
                  <span>마케팅비: {s.grants.map((g) => `${koreanDate(g.paidOn)} ${won(g.amount)}`).join(', ')}</span>
                )}
              </Space>
            </List.Item>
          )}
        />
      )}
    </>
  );
}

/** Her center's retention programs to choose from (the newest first). */
function ProgramField({ centerId, optional = false }: { centerId: string; optional?: boolean }) {
  const programs = useQuery(retentionProgramsQuery(centerId));
  const labels = Object.fromEntries(
    (programs.data?.programs ?? []).map((p) => [
      p.programId,
      `${p.name} (${koreanDate(p.periodFrom)} ~ ${koreanDate(p.periodTo)})`,
    ]),
  ) as Record<string, string>;
  return <ChoiceField name="programId" label="사후관리 프로그램" labels={labels} optional={optional} />;
}

/** 사후관리 프로그램 지원: the milestone benefit of her center's retention program, for this placement. */
function BenefitForm({
  clientId,
  centerId,
  placement,
  search,
  close,
}: {
  clientId: string;
  centerId: string;
  placement: Placement;
  search: CaseSearch;
  close: () => void;
}) {
  type Benefit = Omit<Schemas['ProvideRetentionBenefitBody'], 'clientId' | 'placementId' | 'overPlan' | 'programId'> & {
    programId: string;
    overPlanReason?: string;
  };
  return (
    <RecordForm<Benefit, { position?: number; overPlan?: boolean }>
      inCase
      id="benefit"
      title={`사후관리 프로그램 지원: ${placement.employerName}`}
      initialValues={{ n: search.n, providedOn: today(), fundingSource: 'national' }}
      send={async ({ programId, overPlanReason, ...v }, key) =>
        unwrap(
          await api.POST('/retention-programs/{programId}/benefits', {
            params: { path: { programId }, header: { 'Idempotency-Key': key } },
            body: {
              ...v,
              clientId,
              placementId: placement.placementId,
              ...(overPlanReason ? { overPlan: { reason: overPlanReason } } : {}),
            },
          }),
        )
      }
      invalidates={[...caseCommandInvalidates(clientId), caseKeys.retentionPrograms(centerId)]}
      saved={(r, v) => `${v.n}개월 사후관리 지원을 기록했습니다${r.overPlan ? ' (계획 초과)' : ''}.`}
      onSaved={close}
      onCancel={close}
    >
      <ProgramField centerId={centerId} />
      <RadioField
        name="n"
        label="사후관리 차수"
        options={[
          { value: 1, label: '1개월' },
          { value: 2, label: '2개월' },
          { value: 3, label: '3개월' },
        ]}
      />
      <DateField name="providedOn" label="지원일" />
      <ChoiceField name="fundingSource" label="예산 구분" labels={FUNDING_SOURCES} />
      <NotesField name="note" label="메모" rows={2} />
      <TextField name="overPlanReason" label="계획 인원 초과 사유 (계획이 찬 차수에 지원할 때만)" optional />
    </RecordForm>
  );
}
