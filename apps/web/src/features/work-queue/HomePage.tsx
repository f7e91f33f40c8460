import { Alert, Card, Col, Empty, Row, Skeleton, Tag, Typography } from 'antd';
import { Link, Navigate } from '@tanstack/react-router';
import { lazy, Suspense } from 'react';
import { useQuery } from '@tanstack/react-query';
import { describeError } from '../../api/errors';
import type { CaseloadItem, FollowUpQueueItem } from '../../api/schemas';
import { useSession } from '../../app/use-session';
import { ROLE_NAMES } from '../../components/domain-terms';
import { koreanDate, today } from '../../components/format';
import type { CaseSearch } from '../case/case-search';
import { followUpQueueQuery, newlyAssignedQuery, nextActionsQuery } from './api';

const SupervisorHome = lazy(() => import('../supervisor/SupervisorHome').then((m) => ({ default: m.SupervisorHome })));

/** The home of her role: a counselor's is 오늘 할 일; other roles are told where their work is. */
export function HomePage() {
  const principal = useSession();
  if (!principal) return null;
  // Supervisors start at their center's picture, regional supervisors at their 시·도's (each loaded when first opened).
  if (principal.role === 'supervisor' && principal.centerId) {
    return (
      <Suspense fallback={<Skeleton active />}>
        <SupervisorHome principal={principal} />
      </Suspense>
    );
  }
  if (principal.role === 'regional_supervisor') return <Navigate to="/region" replace />;
  if (principal.role !== 'counselor') {
    return (
      <>
        <Typography.Title level={1} className="saeil-title">
          {principal.displayName}님, 안녕하세요
        </Typography.Title>
        <Alert
          type="info"
          showIcon
          title={`오늘 할 일은 상담사의 화면입니다. ${ROLE_NAMES[principal.role]} 화면은 준비 중입니다.`}
          description={principal.role === 'supervisor' ? '센터의 사례는 ‘내 사례’에서 볼 수 있습니다.' : undefined}
        />
      </>
    );
  }
  return <WorkQueue counselorId={principal.accountId} />;
}

function WorkQueue({ counselorId }: { counselorId: string }) {
  const followUps = useQuery(followUpQueueQuery(counselorId));
  const assigned = useQuery(newlyAssignedQuery(counselorId));
  const nextActions = useQuery(nextActionsQuery(counselorId));
  return (
    <>
      <Typography.Title level={1} className="saeil-title">
        오늘 할 일{' '}
        <Typography.Text type="secondary" style={{ fontSize: 16, fontWeight: 400 }}>
          {koreanDate(today())}
        </Typography.Text>
      </Typography.Title>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <Card title={<h2 className="saeil-card-title">사후관리 (취업 후 1·2·3개월)</h2>}>
            {followUps.isPending ? (
              <Skeleton active />
            ) : followUps.isError ? (
              <Alert type="error" showIcon title={describeError(followUps.error)} />
            ) : (
              <FollowUpLists
                overdue={followUps.data.overdue}
                dueThisWeek={followUps.data.dueThisWeek}
                upcoming={followUps.data.upcoming}
              />
            )}
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card title={<h2 className="saeil-card-title">다음 조치 기한 (7일 안)</h2>} style={{ marginBottom: 16 }}>
            <CaseList
              query={nextActions}
              empty="일주일 안에 기한이 돌아오는 다음 조치가 없습니다."
              open={{ tab: 'plan' }}
              extra={(c) =>
                c.nextAction ? (
                  <span>
                    {c.nextAction.description} · {dueTag(c.nextAction.dueOn)}
                  </span>
                ) : null
              }
            />
          </Card>
          <Card title={<h2 className="saeil-card-title">새로 배정된 사례 (초기상담 전)</h2>}>
            <CaseList
              query={assigned}
              open={{ tab: 'sessions', form: 'session' }}
              empty="초기상담을 기다리는 새 사례가 없습니다."
              extra={(c) => <span>{koreanDate(c.registeredAt)} 등록</span>}
            />
          </Card>
        </Col>
      </Row>
    </>
  );
}

function dueTag(dueOn: string) {
  return dueOn < today() ? <Tag color="red">{koreanDate(dueOn)} 기한 지남</Tag> : <Tag>{koreanDate(dueOn)}까지</Tag>;
}

function FollowUpLists({
  overdue,
  dueThisWeek,
  upcoming,
}: {
  overdue: FollowUpQueueItem[];
  dueThisWeek: FollowUpQueueItem[];
  upcoming: FollowUpQueueItem[];
}) {
  if (overdue.length + dueThisWeek.length + upcoming.length === 0)
    return <Empty description="연락할 사후관리가 없습니다." />;
  return (
    <>
      <FollowUpGroup title="기한 지남" items={overdue} overdue />
      <FollowUpGroup title="이번 주" items={dueThisWeek} />
      <FollowUpGroup title="다가오는 일정" items={upcoming} />
    </>
  );
}

function FollowUpGroup({
  title,
  items,
  overdue = false,
}: {
  title: string;
  items: FollowUpQueueItem[];
  overdue?: boolean;
}) {
  if (items.length === 0) return null;
  return (
    <section aria-label={`사후관리 ${title}`} className={overdue ? 'saeil-overdue' : undefined}>
      <h3 className="saeil-group-title">
        {title} <Tag color={overdue ? 'red' : undefined}>{items.length}건</Tag>
      </h3>
      {/* A plain list, not antd's List: that one brings its pagination (and a Select) to the home screen's first load. */}
      <ul className="saeil-list">
        {items.map((item) => (
          <li key={`${item.clientId}-${item.n}`}>
            <Link
              to="/cases/$clientId"
              params={{ clientId: item.clientId }}
              // Opens her placements tab with this milestone's follow-up form ready.
              search={{ tab: 'placements', form: 'follow-up', placementId: item.placementId, n: item.n as 1 | 2 | 3 }}
              className="saeil-item-link"
            >
              <strong>{item.clientName ?? '(이름 없음)'}</strong> · {item.n}개월 사후관리
              {item.employerName ? ` · ${item.employerName}` : ''}
            </Link>
            <span className={overdue ? 'saeil-overdue-text' : undefined}>
              {koreanDate(item.dueOn)} (연락 기간 {koreanDate(item.window.opensOn)} ~ {koreanDate(item.window.closesOn)}
              )
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

function CaseList({
  query,
  empty,
  extra,
  open,
}: {
  /** The tab and form her case opens at (a first session for a new case, the plan for a next action). */
  open: CaseSearch;
  query: { isPending: boolean; isError: boolean; error: unknown; data?: { items: CaseloadItem[] } };
  empty: string;
  extra: (c: CaseloadItem) => React.ReactNode;
}) {
  if (query.isPending) return <Skeleton active />;
  if (query.isError || !query.data) return <Alert type="error" showIcon title={describeError(query.error)} />;
  if (query.data.items.length === 0) return <Empty description={empty} />;
  return (
    <ul className="saeil-list">
      {query.data.items.map((c) => (
        <li key={c.clientId}>
          <Link to="/cases/$clientId" params={{ clientId: c.clientId }} search={open} className="saeil-item-link">
            <strong>{c.name ?? '(개인정보 파기됨)'}</strong>
          </Link>
          {extra(c)}
        </li>
      ))}
    </ul>
  );
}
