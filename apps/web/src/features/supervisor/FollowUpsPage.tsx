import { Alert, Card, Flex, List, Segmented, Select, Typography } from 'antd';
import { Link, useNavigate } from '@tanstack/react-router';
import { useQuery } from '@tanstack/react-query';
import { followUpsRoute } from '../../app/supervisor-routes';
import { useSession } from '../../app/use-session';
import { counselorLabel } from '../../components/figures';
import { LoadState } from '../../components/LoadState';
import { koreanDate } from '../../components/format';
import { counselorQueueQuery, queueByCounselorQuery } from './api';
import { GROUP_LABELS, type FollowUpGroup } from './follow-up-search';

const GROUPS: FollowUpGroup[] = ['overdue', 'dueThisWeek', 'upcoming'];

/** A counselor's follow-ups as her supervisor sees them, filtered by group (the home's numbers link here). */
export function FollowUpsPage() {
  const principal = useSession();
  const search = followUpsRoute.useSearch();
  const navigate = useNavigate({ from: '/follow-ups' });
  const centerId = principal?.centerId ?? '';
  const counselors = useQuery({ ...queueByCounselorQuery(centerId), enabled: centerId !== '' });
  const queue = useQuery({ ...counselorQueueQuery(search.counselorId ?? ''), enabled: Boolean(search.counselorId) });
  if (!principal?.centerId) return <Alert type="info" showIcon title="센터에 속한 계정만 볼 수 있는 화면입니다." />;
  const groups = search.group ? [search.group] : GROUPS;
  return (
    <>
      <Typography.Title level={1} className="saeil-title">
        사후관리 목록
      </Typography.Title>
      <Flex wrap gap="middle" align="center" style={{ marginBottom: 16 }} role="search" aria-label="사후관리 목록 조건">
        <Select
          aria-label="상담사"
          placeholder="상담사를 고르세요"
          value={search.counselorId}
          onChange={(counselorId) => navigate({ search: (prev) => ({ ...prev, counselorId }) })}
          options={(counselors.data?.counselors ?? []).map((c) => ({
            value: c.counselorId,
            label: `${counselorLabel(c)} (기한 지남 ${c.overdue}건)`,
          }))}
          style={{ minWidth: 260 }}
          loading={counselors.isPending}
        />
        <Segmented
          aria-label="구분"
          value={search.group ?? 'all'}
          onChange={(value) =>
            navigate({ search: (prev) => ({ ...prev, group: value === 'all' ? undefined : (value as FollowUpGroup) }) })
          }
          options={[{ value: 'all', label: '전체' }, ...GROUPS.map((g) => ({ value: g, label: GROUP_LABELS[g] }))]}
        />
      </Flex>
      {!search.counselorId ? (
        <Alert type="info" showIcon title="상담사를 고르면 그 상담사의 사후관리 목록이 나옵니다." />
      ) : (
        <LoadState query={queue}>
          {(data) => (
            <Flex vertical gap="middle">
              {groups.map((group) => (
                <Card
                  key={group}
                  title={
                    <h2 className="saeil-card-title">
                      {GROUP_LABELS[group]} · {data[group].length}건
                    </h2>
                  }
                  className={group === 'overdue' ? 'saeil-overdue' : undefined}
                >
                  <List
                    size="small"
                    dataSource={data[group]}
                    locale={{ emptyText: `${GROUP_LABELS[group]}인 사후관리가 없습니다.` }}
                    renderItem={(item) => (
                      <List.Item>
                        <Link to="/cases/$clientId" params={{ clientId: item.clientId }} className="saeil-item-link">
                          <strong>{item.clientName ?? '(이름 없음)'}</strong> · {item.n}개월 사후관리
                          {item.employerName ? ` · ${item.employerName}` : ''}
                        </Link>
                        <span className={group === 'overdue' ? 'saeil-overdue-text' : undefined}>
                          {koreanDate(item.dueOn)} (연락 기간 {koreanDate(item.window.opensOn)} ~{' '}
                          {koreanDate(item.window.closesOn)})
                        </span>
                      </List.Item>
                    )}
                  />
                </Card>
              ))}
            </Flex>
          )}
        </LoadState>
      )}
    </>
  );
}
