import { Alert, Card, Descriptions, Empty, Skeleton, Tag, Timeline, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../../api/client';
import { describeError, unwrap } from '../../../api/errors';
import { daysFromToday, koreanDate, today } from '../../../components/format';
import { caseCommandInvalidates, employmentPlanQuery, type EmploymentPlanView } from '../api';
import { RecordForm } from '../../../components/RecordForm';
import { FormPicker } from '../forms/FormPicker';
import { ChecksField, DateField, NotesField, TextField, lines } from '../forms/fields';
import { PLANNED_SERVICES } from '../terms';
import type { CaseTabProps } from './tab-props';

type Service = keyof typeof PLANNED_SERVICES;
interface PlanForm {
  goals: string;
  desiredOccupation: string;
  plannedServices: Service[];
  nextAction: { description: string; dueOn: string };
  setOn?: string;
  reason?: string;
  revisedOn?: string;
}

/** 취업지원계획: her plan as it stands, its revisions, and the form that sets it (once) or revises it. */
export default function PlanTab({ clientId, search, setSearch, summary }: CaseTabProps) {
  const plan = useQuery(employmentPlanQuery(clientId));
  if (plan.isPending) return <Skeleton active />;
  if (plan.isError) return <Alert type="error" showIcon title={describeError(plan.error)} />;
  const current = plan.data;
  return (
    <Card>
      <h2 className="saeil-card-title">개인별 취업지원계획</h2>
      <FormPicker
        label="취업지원계획"
        forms={[
          current
            ? { form: 'plan', label: '계획 변경', disabled: summary.status === 'closed' }
            : { form: 'plan', label: '계획 수립', disabled: summary.status === 'closed' },
        ]}
        search={search}
        setSearch={setSearch}
      />
      {search.form === 'plan' && (
        <PlanFormSection clientId={clientId} current={current} close={() => setSearch({ tab: 'plan' })} />
      )}
      {current ? (
        <PlanView plan={current} />
      ) : (
        <Empty description="아직 취업지원계획이 없습니다. 초기상담 뒤 ‘계획 수립’으로 세워 주세요." />
      )}
    </Card>
  );
}

function PlanView({ plan }: { plan: EmploymentPlanView }) {
  return (
    <>
      <Descriptions
        size="small"
        column={{ xs: 1, md: 2 }}
        bordered
        items={[
          { key: 'goals', label: '취업 목표', children: plan.goals.join(', '), span: 2 },
          { key: 'occupation', label: '희망 직종', children: plan.desiredOccupation },
          {
            key: 'services',
            label: '지원 서비스',
            children: plan.plannedServices.map((s) => <Tag key={s}>{PLANNED_SERVICES[s] ?? s}</Tag>),
          },
          {
            key: 'next',
            label: '다음 조치',
            children: `${plan.nextAction.description} (${koreanDate(plan.nextAction.dueOn)}까지)`,
          },
          {
            key: 'set',
            label: '수립일',
            children: `${koreanDate(plan.setOn)}${plan.lastChangedOn !== plan.setOn ? ` · 최근 변경 ${koreanDate(plan.lastChangedOn)}` : ''}`,
          },
        ]}
      />
      {plan.revisions.length > 0 && (
        <>
          <h3 className="saeil-group-title" style={{ marginTop: 16 }}>
            변경 이력
          </h3>
          <Timeline
            items={plan.revisions.map((r) => ({
              key: r.revision,
              content: (
                <>
                  <Typography.Text strong>
                    {r.revision}차 변경 · {koreanDate(r.revisedOn)}
                  </Typography.Text>{' '}
                  {r.reason}
                </>
              ),
            }))}
          />
        </>
      )}
    </>
  );
}

function PlanFormSection({
  clientId,
  current,
  close,
}: {
  clientId: string;
  current: EmploymentPlanView | null;
  close: () => void;
}) {
  const invalidates = caseCommandInvalidates(clientId);
  if (!current) {
    return (
      <RecordForm<PlanForm, { position?: number }>
        inCase
        id="plan-set"
        title="취업지원계획 수립"
        initialValues={{
          setOn: today(),
          plannedServices: ['counseling'],
          nextAction: { description: '', dueOn: daysFromToday(14) },
        }}
        send={async (v, key) =>
          unwrap(
            await api.POST('/clients/{clientId}/employment-plan', {
              params: { path: { clientId }, header: { 'Idempotency-Key': key } },
              body: {
                goals: lines(v.goals),
                desiredOccupation: v.desiredOccupation,
                plannedServices: v.plannedServices,
                nextAction: v.nextAction,
                setOn: v.setOn!,
              },
            }),
          )
        }
        invalidates={invalidates}
        saved={() => '취업지원계획을 세웠습니다.'}
        onSaved={close}
        onCancel={close}
      >
        <PlanFields />
        <DateField name="setOn" label="수립일 (본인과 합의한 날)" />
      </RecordForm>
    );
  }
  return (
    <RecordForm<PlanForm, { position?: number; revision?: number }>
      inCase
      id="plan-revise"
      title="취업지원계획 변경"
      initialValues={{
        goals: current.goals.join('\n'),
        desiredOccupation: current.desiredOccupation,
        plannedServices: current.plannedServices,
        nextAction: current.nextAction,
        revisedOn: today(),
      }}
      send={async (v, key) => {
        const goals = lines(v.goals);
        const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
        // Only what changed is sent: the revision records those parts.
        const body = {
          ...(same(goals, current.goals) ? {} : { goals }),
          ...(v.desiredOccupation === current.desiredOccupation ? {} : { desiredOccupation: v.desiredOccupation }),
          ...(same([...v.plannedServices].sort(), [...current.plannedServices].sort())
            ? {}
            : { plannedServices: v.plannedServices }),
          ...(same(v.nextAction, { description: current.nextAction.description, dueOn: current.nextAction.dueOn })
            ? {}
            : { nextAction: v.nextAction }),
          reason: v.reason!,
          revisedOn: v.revisedOn!,
        };
        return unwrap(
          await api.PATCH('/clients/{clientId}/employment-plan', {
            params: { path: { clientId }, header: { 'Idempotency-Key': key } },
            body,
          }),
        );
      }}
      invalidates={invalidates}
      saved={(r) => `취업지원계획을 변경했습니다${r.revision ? ` (${r.revision}차)` : ''}.`}
      onSaved={close}
      onCancel={close}
    >
      <PlanFields />
      <TextField name="reason" label="변경 사유" />
      <DateField name="revisedOn" label="변경일" />
    </RecordForm>
  );
}

function PlanFields() {
  return (
    <>
      <NotesField name="goals" label="취업 목표 (한 줄에 하나)" optional={false} rows={2} />
      <TextField name="desiredOccupation" label="희망 직종" placeholder="경영·회계 사무원" />
      <ChecksField name="plannedServices" label="지원 서비스" labels={PLANNED_SERVICES} optional={false} />
      <TextField name={['nextAction', 'description']} label="다음 조치" placeholder="컴퓨터활용능력 과정 등록" />
      <DateField name={['nextAction', 'dueOn']} label="다음 조치 기한" future />
    </>
  );
}
