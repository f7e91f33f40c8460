import { Alert, Button, Card, Descriptions, Result, Skeleton, Steps, Tabs, Timeline, Typography } from 'antd';
import { useNavigate } from '@tanstack/react-router';
import { useQuery } from '@tanstack/react-query';
import { ApiError, describeError } from '../../api/errors';
import type { CaseloadItem } from '../../api/schemas';
import { caseRoute } from '../../app/router';
import { useSession } from '../../app/use-session';
import { STAGES } from '../../components/domain-terms';
import { ageOf, centerName, koreanDate } from '../../components/format';
import { caseSummaryQuery, caseTimelineQuery } from './api';

/** 사례: who she is, where her case stands on the service chain, and everything that happened. */
export function CasePage() {
  const { clientId } = caseRoute.useParams();
  const summary = useQuery(caseSummaryQuery(clientId));
  const timeline = useQuery({ ...caseTimelineQuery(clientId), enabled: summary.isSuccess && summary.data !== null });

  if (summary.isPending) return <Skeleton active />;
  if (summary.isError) return <Refusal error={summary.error} />;
  if (summary.data === null) return <Refusal error={new ApiError(404, 'NOT_FOUND', '')} />;
  const c = summary.data;

  return (
    <>
      <CaseHeader c={c} />
      <Tabs
        items={[
          {
            key: 'timeline',
            label: '타임라인',
            children: (
              <Card>
                {timeline.isPending ? (
                  <Skeleton active />
                ) : timeline.isError ? (
                  <Alert type="error" showIcon title={describeError(timeline.error)} />
                ) : timeline.data.items.length === 0 ? (
                  <Typography.Text type="secondary">아직 기록이 없습니다.</Typography.Text>
                ) : (
                  <Timeline
                    items={timeline.data.items.map((entry) => ({
                      key: entry.position,
                      content: (
                        <>
                          <Typography.Text strong>{koreanDate(entry.occurredAt)}</Typography.Text> {entry.summary}
                          <Typography.Text type="secondary"> · {entry.actorName ?? '시스템'}</Typography.Text>
                          {entry.recordedAt.slice(0, 10) > entry.occurredAt.slice(0, 10) && (
                            <Typography.Text type="secondary"> (기록: {koreanDate(entry.recordedAt)})</Typography.Text>
                          )}
                        </>
                      ),
                    }))}
                  />
                )}
              </Card>
            ),
          },
        ]}
      />
    </>
  );
}

function CaseHeader({ c }: { c: CaseloadItem }) {
  const principal = useSession();
  // her counselor by name (an account's display name); an id is shown only where no account has it
  const counselor = principal && c.counselorId === principal.accountId ? `${principal.displayName} (나)` : (c.counselorName ?? c.counselorId);
  const current = STAGES.findIndex((s) => s.status === c.status);
  return (
    <Card style={{ marginBottom: 16 }}>
      <Typography.Title level={1} className="saeil-title" style={{ marginTop: 0 }}>
        {c.name ?? '(개인정보 파기됨)'}
      </Typography.Title>
      <Descriptions
        size="small"
        column={{ xs: 1, md: 2, xl: 4 }}
        items={[
          { key: 'age', label: '나이', children: ageOf(c.birthDate, c.birthYear) },
          { key: 'center', label: '센터', children: centerName(c.centerId) },
          { key: 'counselor', label: '담당 상담사', children: counselor },
          { key: 'registered', label: '구직등록', children: koreanDate(c.registeredAt) },
          ...(c.nextAction ? [{ key: 'next', label: '다음 조치', children: `${c.nextAction.description} (${koreanDate(c.nextAction.dueOn)}까지)` }] : []),
        ]}
      />
      <nav aria-label="사례 단계" style={{ marginTop: 16 }}>
        <Steps
          size="small"
          current={current}
          status={c.status === 'closed' ? 'finish' : 'process'}
          items={STAGES.map((s, i) => ({ title: s.label, 'aria-current': i === current ? 'step' : undefined }))}
        />
      </nav>
    </Card>
  );
}

function Refusal({ error }: { error: unknown }) {
  const status = error instanceof ApiError ? error.status : 0;
  const navigate = useNavigate();
  const back = (
    <Button type="primary" onClick={() => navigate({ to: '/' })}>
      처음 화면으로
    </Button>
  );
  if (status === 403) return <Result status="403" title="이 사례를 볼 권한이 없습니다" subTitle="사례는 담당 센터의 상담사와 관리자만 볼 수 있습니다." extra={back} />;
  if (status === 404) return <Result status="404" title="사례를 찾을 수 없습니다" subTitle="주소가 맞는지, 내 센터의 사례인지 확인해 주세요." extra={back} />;
  return <Result status="error" title="사례를 불러오지 못했습니다" subTitle={describeError(error)} extra={back} />;
}
