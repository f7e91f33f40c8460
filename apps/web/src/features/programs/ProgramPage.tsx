import { Breadcrumb, Button, Card, Descriptions, Flex, Progress, Table, Typography } from 'antd';
import { Link } from '@tanstack/react-router';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { programRoute } from '../../app/supervisor-routes';
import { useSession } from '../../app/use-session';
import { counselorLabel, won } from '../../components/figures';
import { koreanDate, today } from '../../components/format';
import { LoadState } from '../../components/LoadState';
import { amendProgram, programKeys, programQuery, type RetentionProgram } from './api';
import { BudgetPlanCard } from './BudgetPlanCard';
import { loadEligible, type EligibleBenefit } from './eligible';
import { GiveBenefit } from './GiveBenefit';
import { ProgramForm } from './ProgramForm';

/** One retention program: utilization per milestone, budget by source, amending it, and giving its benefits. */
export function ProgramPage() {
  const { programId } = programRoute.useParams();
  const program = useQuery(programQuery(programId));
  const [amending, setAmending] = useState(false);
  return (
    <>
      <Breadcrumb
        items={[{ title: <Link to="/programs">사후관리 프로그램</Link> }, { title: program.data?.name ?? '프로그램' }]}
      />
      <LoadState query={program}>
        {(p) => (
          <>
            <Flex justify="space-between" align="center" wrap gap="small">
              <Typography.Title level={1} className="saeil-title">
                {p.name}
              </Typography.Title>
              <Button onClick={() => setAmending(true)}>계획 변경</Button>
            </Flex>
            <Descriptions size="small" column={{ xs: 1, md: 3 }} style={{ marginBottom: 16 }}>
              <Descriptions.Item label="기간">
                {koreanDate(p.periodFrom)} ~ {koreanDate(p.periodTo)}
              </Descriptions.Item>
              <Descriptions.Item label="계획 차수">
                {p.revision === 1 ? '최초 계획' : `${p.revision - 1}차 변경`}
              </Descriptions.Item>
              <Descriptions.Item label="예산 집행">
                {won(p.totals.executed)} / {won(p.totals.secured)}
              </Descriptions.Item>
            </Descriptions>
            <Flex vertical gap="middle">
              <Card title={<h2 className="saeil-card-title">시점별 이용 현황</h2>}>
                <Table
                  rowKey="n"
                  size="small"
                  pagination={false}
                  dataSource={p.milestones}
                  columns={[
                    { title: '시점', dataIndex: 'n', key: 'n', render: (n: number) => `${n}개월` },
                    { title: '지원 내용', dataIndex: 'benefit', key: 'benefit' },
                    { title: '1인당 단가', dataIndex: 'unitCost', key: 'unitCost', align: 'right', render: won },
                    {
                      title: '계획',
                      dataIndex: 'planned',
                      key: 'planned',
                      align: 'right',
                      render: (n: number) => `${n}명`,
                    },
                    {
                      title: '지원',
                      dataIndex: 'given',
                      key: 'given',
                      align: 'right',
                      render: (n: number) => `${n}명`,
                    },
                    {
                      title: '계획 초과',
                      dataIndex: 'overPlan',
                      key: 'overPlan',
                      align: 'right',
                      render: (n: number) => (n > 0 ? <span className="saeil-overdue-text">{n}명</span> : '0명'),
                    },
                    {
                      title: '이용률',
                      key: 'utilization',
                      width: 180,
                      render: (_, m) => (
                        <Progress
                          percent={Math.min(100, Math.round(m.utilization ?? 0))}
                          size="small"
                          format={() => `${(m.utilization ?? 0).toFixed(1)}%`}
                          aria-label={`${m.n}개월 이용률`}
                        />
                      ),
                    },
                  ]}
                />
              </Card>
              <Benefits program={p} />
              <BudgetPlanCard program={p} />
            </Flex>
            <ProgramForm
              open={amending}
              program={p}
              send={(plan, key) =>
                amendProgram(programId, { ...plan, amendedOn: plan.amendedOn!, reason: plan.reason! }, key)
              }
              invalidates={[programKeys.all]}
              onClose={() => setAmending(false)}
            />
          </>
        )}
      </LoadState>
    </>
  );
}

/** Women whose placement reached a milestone in the program period: give the milestone's benefit to one. */
function Benefits({ program }: { program: RetentionProgram }) {
  const principal = useSession();
  const centerId = principal?.centerId ?? program.centerId;
  const [shown, setShown] = useState(false);
  const eligible = useQuery({
    queryKey: programKeys.eligible(`${centerId}:${program.programId}`),
    queryFn: () => loadEligible(centerId, { from: program.periodFrom, to: program.periodTo }, today()),
    enabled: shown,
  });
  const [giving, setGiving] = useState<EligibleBenefit | null>(null);
  return (
    <Card title={<h2 className="saeil-card-title">지원 대상 (취업 후 1·2·3개월이 된 여성)</h2>}>
      {!shown ? (
        <Flex gap="middle" align="center" wrap>
          <Typography.Text>프로그램 기간 안에 1·2·3개월 시점이 된 센터의 취업자를 불러옵니다.</Typography.Text>
          <Button type="primary" onClick={() => setShown(true)}>
            지원 대상 불러오기
          </Button>
        </Flex>
      ) : (
        <LoadState
          query={eligible}
          isEmpty={(d) => d.length === 0}
          empty="프로그램 기간 안에 시점이 된 취업자가 없습니다. 취업이 기록되고 1개월이 지나면 여기에 나타납니다."
        >
          {(rows) => (
            <Table<EligibleBenefit>
              rowKey={(r) => `${r.placementId}:${r.n}`}
              size="small"
              pagination={{ pageSize: 10, showSizeChanger: false }}
              dataSource={rows}
              columns={[
                {
                  title: '이름',
                  key: 'name',
                  render: (_, r) => (
                    <Link to="/cases/$clientId" params={{ clientId: r.clientId }}>
                      {r.name ?? '(개인정보 파기됨)'}
                    </Link>
                  ),
                },
                { title: '사업장', dataIndex: 'employerName', key: 'employerName' },
                { title: '시점', key: 'n', render: (_, r) => `${r.n}개월 (${koreanDate(r.milestoneOn)})` },
                { title: '상담사', key: 'counselorId', responsive: ['lg'], render: (_, r) => counselorLabel(r) },
                {
                  title: '',
                  key: 'give',
                  render: (_, r) => (
                    <Button
                      size="small"
                      onClick={() => setGiving(r)}
                      aria-label={`${r.name ?? ''} ${r.n}개월 지원하기`}
                    >
                      지원
                    </Button>
                  ),
                },
              ]}
            />
          )}
        </LoadState>
      )}
      <GiveBenefit program={program} target={giving} onClose={() => setGiving(null)} />
    </Card>
  );
}
