import {
  Alert,
  Button,
  Card,
  Descriptions,
  Result,
  Skeleton,
  Steps,
  Tabs,
  Tag,
  Timeline as AntTimeline,
  Typography,
} from 'antd';
import { useNavigate } from '@tanstack/react-router';
import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense, useCallback } from 'react';
import { ApiError, describeError } from '../../api/errors';
import type { CaseloadItem, TimelineEntry } from '../../api/schemas';
import { caseRoute } from '../../app/router';
import { useSession } from '../../app/use-session';
import { STAGES } from '../../components/domain-terms';
import { ageOf, centerName, koreanDate } from '../../components/format';
import { caseSummaryQuery, caseTimelineQuery } from './api';
import type { CaseSearch, CaseTab } from './case-search';
import { ConsentsPanel } from './ConsentsPanel';
import type { CaseTabProps } from './tabs/tab-props';

// Each tab's lists and forms load when she first opens it: the case page starts with the header
// and the timeline only.
const SessionsTab = lazy(() => import('./tabs/SessionsTab'));
const PlanTab = lazy(() => import('./tabs/PlanTab'));
const TrainingTab = lazy(() => import('./tabs/TrainingTab'));
const InternshipTab = lazy(() => import('./tabs/InternshipTab'));
const PlacementsTab = lazy(() => import('./tabs/PlacementsTab'));
const ProfileTab = lazy(() => import('./tabs/ProfileTab'));

const TAB_LABELS: Record<CaseTab, string> = {
  timeline: '타임라인',
  sessions: '상담',
  plan: '취업지원계획',
  training: '직업훈련',
  internship: '새일여성인턴',
  placements: '취업·사후관리',
  profile: '기본 정보·이관·종결',
};

/** 사례: who she is, where her case stands on the service chain, and everything that happened. */
export function CasePage() {
  const { clientId } = caseRoute.useParams();
  const search = caseRoute.useSearch();
  const navigate = useNavigate({ from: caseRoute.fullPath });
  const summary = useQuery(caseSummaryQuery(clientId));
  const timeline = useQuery({ ...caseTimelineQuery(clientId), enabled: summary.isSuccess && summary.data !== null });
  const setSearch = useCallback((next: CaseSearch) => void navigate({ search: next, replace: true }), [navigate]);

  if (summary.isPending) return <Skeleton active />;
  if (summary.isError) return <Refusal error={summary.error} />;
  if (summary.data === null) return <Refusal error={new ApiError(404, 'NOT_FOUND', '')} />;
  const c = summary.data;
  const entries = timeline.data?.items ?? [];
  const tab = search.tab ?? 'timeline';
  const props: CaseTabProps = { clientId, summary: c, search, setSearch, timeline: entries };
  const lazyTab = (Tab: React.ComponentType<CaseTabProps>) => (
    <Suspense fallback={<Skeleton active />}>
      <Tab {...props} />
    </Suspense>
  );

  return (
    <>
      <CaseHeader c={c} timeline={timeline.data?.items} />
      <ConsentsPanel {...props} loading={timeline.isPending} />
      <Tabs
        activeKey={tab}
        onChange={(key) => setSearch({ tab: key as CaseTab })}
        destroyOnHidden
        items={[
          { key: 'timeline', label: TAB_LABELS.timeline, children: <TimelineCard query={timeline} /> },
          { key: 'sessions', label: TAB_LABELS.sessions, children: lazyTab(SessionsTab) },
          { key: 'plan', label: TAB_LABELS.plan, children: lazyTab(PlanTab) },
          { key: 'training', label: TAB_LABELS.training, children: lazyTab(TrainingTab) },
          { key: 'internship', label: TAB_LABELS.internship, children: lazyTab(InternshipTab) },
          { key: 'placements', label: TAB_LABELS.placements, children: lazyTab(PlacementsTab) },
          { key: 'profile', label: TAB_LABELS.profile, children: lazyTab(ProfileTab) },
        ]}
      />
    </>
  );
}

function TimelineCard({
  query,
}: {
  query: { isPending: boolean; isError: boolean; error: unknown; data?: { items: TimelineEntry[] } };
}) {
  return (
    <Card>
      {query.isPending ? (
        <Skeleton active />
      ) : query.isError || !query.data ? (
        <Alert type="error" showIcon title={describeError(query.error)} />
      ) : query.data.items.length === 0 ? (
        <Typography.Text type="secondary">아직 기록이 없습니다.</Typography.Text>
      ) : (
        <Timeline entries={query.data.items} />
      )}
    </Card>
  );
}

function Timeline({ entries }: { entries: TimelineEntry[] }) {
  return (
    <AntTimeline
      items={entries.map((entry) => ({
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
  );
}

/** The events that show she went through a stage (a stage passed over is not shown as done). */
const STAGE_EVENTS: Partial<Record<CaseloadItem['status'], string[]>> = {
  counseling: ['CounselingSessionRecorded', 'EmploymentPlanSet'],
  in_training: ['TrainingEnrolled'],
  interning: ['InternshipStarted'],
  employed: ['EmploymentStarted', 'InternshipConverted'],
};

function CaseHeader({ c, timeline }: { c: CaseloadItem; timeline?: TimelineEntry[] }) {
  const principal = useSession();
  // her counselor by name (an account's display name); an id is shown only where no account has it
  const counselor =
    principal && c.counselorId === principal.accountId
      ? `${principal.displayName} (나)`
      : (c.counselorName ?? c.counselorId);
  const current = STAGES.findIndex((s) => s.status === c.status);
  return (
    <Card style={{ marginBottom: 16 }}>
      <Typography.Title level={1} className="saeil-title" style={{ marginTop: 0 }}>
        {c.name ?? '(개인정보 파기됨)'} {c.status === 'closed' && <Tag>종결된 사례</Tag>}
      </Typography.Title>
      <Descriptions
        size="small"
        column={{ xs: 1, md: 2, xl: 4 }}
        items={[
          { key: 'age', label: '나이', children: ageOf(c.birthDate, c.birthYear) },
          { key: 'center', label: '센터', children: centerName(c.centerId) },
          { key: 'counselor', label: '담당 상담사', children: counselor },
          { key: 'registered', label: '구직등록', children: koreanDate(c.registeredAt) },
          ...(c.phone ? [{ key: 'phone', label: '연락처', children: c.phone }] : []),
          ...(c.nextAction
            ? [
                {
                  key: 'next',
                  label: '다음 조치',
                  children: `${c.nextAction.description} (${koreanDate(c.nextAction.dueOn)}까지)`,
                },
              ]
            : []),
        ]}
      />
      <nav aria-label="사례 단계" style={{ marginTop: 16 }}>
        <Steps
          size="small"
          current={current}
          status={c.status === 'closed' ? 'finish' : 'process'}
          items={STAGES.map((s, i) => {
            const passedOver =
              i < current &&
              timeline !== undefined &&
              STAGE_EVENTS[s.status] !== undefined &&
              !timeline.some((e) => STAGE_EVENTS[s.status]!.includes(e.type));
            return {
              title: s.label,
              'aria-current': i === current ? 'step' : undefined,
              ...(passedOver ? { status: 'wait' as const, content: '거치지 않음' } : {}),
            };
          })}
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
  if (status === 403)
    return (
      <Result
        status="403"
        title="이 사례를 볼 권한이 없습니다"
        subTitle="사례는 담당 센터의 상담사와 관리자만 볼 수 있습니다."
        extra={back}
      />
    );
  if (status === 404)
    return (
      <Result
        status="404"
        title="사례를 찾을 수 없습니다"
        subTitle="주소가 맞는지, 내 센터의 사례인지 확인해 주세요."
        extra={back}
      />
    );
  return <Result status="error" title="사례를 불러오지 못했습니다" subTitle={describeError(error)} extra={back} />;
}
