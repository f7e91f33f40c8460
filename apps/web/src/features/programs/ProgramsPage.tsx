import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Progress, Table, Typography } from 'antd';
import { Link, useNavigate } from '@tanstack/react-router';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useSession } from '../../app/use-session';
import { won } from '../../components/figures';
import { koreanDate } from '../../components/format';
import { LoadState } from '../../components/LoadState';
import { budgetPlansQuery, defineProgram, programKeys, programsQuery, type RetentionProgram } from './api';
import { BudgetTable } from './BudgetPlanCard';
import { ProgramForm } from './ProgramForm';

/** 사후관리 프로그램: the center's programs (utilization per milestone, budget) and its budget plans. */
export function ProgramsPage() {
  const principal = useSession();
  const navigate = useNavigate();
  const centerId = principal?.centerId ?? '';
  const programs = useQuery({ ...programsQuery(centerId), enabled: centerId !== '' });
  const budgets = useQuery({ ...budgetPlansQuery(centerId), enabled: centerId !== '' });
  const [defining, setDefining] = useState(false);
  if (!principal?.centerId)
    return <Alert type="info" showIcon title="센터장이 센터의 사후관리 프로그램을 관리하는 화면입니다." />;
  return (
    <>
      <Flex justify="space-between" align="center" wrap gap="small">
        <Typography.Title level={1} className="saeil-title">
          사후관리 프로그램
        </Typography.Title>
        <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setDefining(true)}>
          새 프로그램
        </Button>
      </Flex>
      <Card title={<h2 className="saeil-card-title">프로그램별 이용 현황</h2>} style={{ marginBottom: 16 }}>
        <LoadState
          query={programs}
          isEmpty={(d) => d.programs.length === 0}
          empty="아직 사후관리 프로그램이 없습니다. ‘새 프로그램’을 눌러 1·2·3개월 계획 인원과 예산을 정하세요."
        >
          {(data) => (
            <Table<RetentionProgram>
              rowKey="programId"
              size="small"
              pagination={false}
              dataSource={data.programs}
              columns={[
                {
                  title: '프로그램',
                  key: 'name',
                  render: (_, p) => (
                    <Link to="/programs/$programId" params={{ programId: p.programId }}>
                      {p.name}
                    </Link>
                  ),
                },
                {
                  title: '기간',
                  key: 'period',
                  responsive: ['lg'],
                  render: (_, p) => `${koreanDate(p.periodFrom)} ~ ${koreanDate(p.periodTo)}`,
                },
                ...[1, 2, 3].map((n) => ({
                  title: `${n}개월 (지원/계획)`,
                  key: `m${n}`,
                  render: (_: unknown, p: RetentionProgram) => {
                    const m = p.milestones.find((x) => x.n === n);
                    if (!m) return '—';
                    return (
                      <div style={{ minWidth: 110 }}>
                        {m.given}/{m.planned}명{m.overPlan > 0 ? ` (초과 ${m.overPlan})` : ''}
                        <Progress
                          percent={Math.min(100, m.utilization ?? 0)}
                          size="small"
                          showInfo={false}
                          aria-label={`${n}개월 이용률 ${Math.round(m.utilization ?? 0)}%`}
                        />
                      </div>
                    );
                  },
                })),
                {
                  title: '예산 집행',
                  key: 'budget',
                  align: 'right',
                  render: (_, p) => `${won(p.totals.executed)} / ${won(p.totals.secured)}`,
                },
              ]}
            />
          )}
        </LoadState>
      </Card>
      <Card title={<h2 className="saeil-card-title">예산 계획과 집행</h2>}>
        <LoadState
          query={budgets}
          isEmpty={(d) => d.plans.length === 0}
          empty="예산 계획이 아직 없습니다. 프로그램 화면에서 ‘예산 계획 수립’을 누르세요."
        >
          {(data) => (
            <Flex vertical gap="large">
              {data.plans.map((plan) => (
                <section key={plan.planId} aria-label={`${plan.name} 예산`}>
                  <Typography.Title level={3} style={{ fontSize: 16 }}>
                    {plan.programId ? (
                      <Link to="/programs/$programId" params={{ programId: plan.programId }}>
                        {plan.name}
                      </Link>
                    ) : (
                      plan.name
                    )}{' '}
                    · {plan.fromYear}~{plan.toYear}년 (전체 기간)
                  </Typography.Title>
                  <BudgetTable figures={plan.term} names={plan.sourceNames} />
                </section>
              ))}
            </Flex>
          )}
        </LoadState>
      </Card>
      <ProgramForm
        open={defining}
        send={(plan, key) => defineProgram({ ...plan, centerId }, key)}
        invalidates={[programKeys.all]}
        onClose={() => setDefining(false)}
        onSaved={(result) => void navigate({ to: '/programs/$programId', params: { programId: result.programId } })}
      />
    </>
  );
}
