import { Card, Col, List, Row, Table, Tag, Typography } from 'antd';
import { Link } from '@tanstack/react-router';
import { useQuery } from '@tanstack/react-query';
import type { Principal } from '../../api/session';
import { counselorLabel } from '../../components/figures';
import { LoadState } from '../../components/LoadState';
import { stageLabel, stageTagStyle } from '../../components/domain-terms';
import { centerName, koreanDate, today } from '../../components/format';
import { NO_NEXT_ACTION_SCAN, noNextActionQuery, queueByCounselorQuery } from './api';
import { GROUP_LABELS, type FollowUpGroup } from './follow-up-search';
import { ReassignCard } from './ReassignCard';

type CounselorCounts = { counselorId: string; overdue: number; dueThisWeek: number; upcoming: number };

/** 센터장's home: where follow-ups slip, per counselor, and the cases nobody has planned a next step for. */
export function SupervisorHome({ principal }: { principal: Principal }) {
  const centerId = principal.centerId!;
  const byCounselor = useQuery(queueByCounselorQuery(centerId));
  const noNextAction = useQuery(noNextActionQuery(centerId));
  const countLink = (row: CounselorCounts, group: FollowUpGroup) => {
    const n = row[group];
    if (n === 0) return <span aria-label={`${counselorLabel(row)} ${GROUP_LABELS[group]} 0건`}>0</span>;
    return (
      <Link
        to="/follow-ups"
        search={{ counselorId: row.counselorId, group }}
        aria-label={`${counselorLabel(row)} ${GROUP_LABELS[group]} ${n}건 보기`}
        className={group === 'overdue' ? 'saeil-overdue-text' : undefined}
      >
        {n}건
      </Link>
    );
  };
  return (
    <>
      <Typography.Title level={1} className="saeil-title">
        {centerName(centerId)} 현황{' '}
        <Typography.Text type="secondary" style={{ fontSize: 16, fontWeight: 400 }}>
          {koreanDate(today())}
        </Typography.Text>
      </Typography.Title>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <Card title={<h2 className="saeil-card-title">상담사별 사후관리 (취업 후 1·2·3개월)</h2>}>
            <LoadState
              query={byCounselor}
              isEmpty={(d) => d.counselors.length === 0}
              empty="연락할 사후관리가 있는 상담사가 없습니다. 취업이 기록되면 1·2·3개월 사후관리가 여기에 나타납니다."
            >
              {(data) => {
                const rows = [...data.counselors].sort(
                  (a, b) => b.overdue - a.overdue || b.dueThisWeek - a.dueThisWeek,
                );
                const total = rows.reduce(
                  (s, r) => ({
                    overdue: s.overdue + r.overdue,
                    dueThisWeek: s.dueThisWeek + r.dueThisWeek,
                    upcoming: s.upcoming + r.upcoming,
                  }),
                  { overdue: 0, dueThisWeek: 0, upcoming: 0 },
                );
                return (
                  <Table<CounselorCounts>
                    rowKey="counselorId"
                    size="small"
                    pagination={false}
                    dataSource={rows}
                    columns={[
                      {
                        title: '상담사',
                        dataIndex: 'counselorId',
                        key: 'counselorId',
                        render: (id: string, row) => (
                          <Link to="/follow-ups" search={{ counselorId: id }}>
                            {counselorLabel(row)}
                          </Link>
                        ),
                      },
                      { title: '기한 지남', key: 'overdue', align: 'right', render: (_, r) => countLink(r, 'overdue') },
                      {
                        title: '이번 주',
                        key: 'dueThisWeek',
                        align: 'right',
                        render: (_, r) => countLink(r, 'dueThisWeek'),
                      },
                      {
                        title: '다가오는 일정',
                        key: 'upcoming',
                        align: 'right',
                        render: (_, r) => countLink(r, 'upcoming'),
                      },
                    ]}
                    summary={() => (
                      <Table.Summary.Row>
                        <Table.Summary.Cell index={0}>
                          <strong>센터 합계</strong>
                        </Table.Summary.Cell>
                        <Table.Summary.Cell index={1} align="right">
                          <strong className={total.overdue > 0 ? 'saeil-overdue-text' : undefined}>
                            {total.overdue}건
                          </strong>
                        </Table.Summary.Cell>
                        <Table.Summary.Cell index={2} align="right">
                          {total.dueThisWeek}건
                        </Table.Summary.Cell>
                        <Table.Summary.Cell index={3} align="right">
                          {total.upcoming}건
                        </Table.Summary.Cell>
                      </Table.Summary.Row>
                    )}
                  />
                );
              }}
            </LoadState>
            <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
              숫자를 누르면 그 상담사의 사후관리 목록이 열립니다. 기한 지남은 연락 기간이 끝났는데 기록이 없는 건입니다.
            </Typography.Paragraph>
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card title={<h2 className="saeil-card-title">다음 조치가 없는 사례</h2>} style={{ marginBottom: 16 }}>
            <LoadState
              query={noNextAction}
              isEmpty={(d) => d.items.length === 0}
              empty="진행 중인 사례마다 다음 조치가 정해져 있습니다."
            >
              {(data) => (
                <>
                  <List
                    size="small"
                    dataSource={data.items.slice(0, 15)}
                    renderItem={(c) => (
                      <List.Item>
                        <Link to="/cases/$clientId" params={{ clientId: c.clientId }} className="saeil-item-link">
                          <strong>{c.name ?? '(개인정보 파기됨)'}</strong>
                        </Link>
                        <span>
                          <Tag style={stageTagStyle(c.status)}>{stageLabel(c.status)}</Tag> {counselorLabel(c)} · 최근
                          연락 {c.lastContactOn ? koreanDate(c.lastContactOn) : '없음'}
                        </span>
                      </List.Item>
                    )}
                  />
                  <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
                    {data.items.length}건{data.items.length > 15 ? ' 중 15건' : ''} · 연락한 지 오래된 사례부터
                    {data.total > NO_NEXT_ACTION_SCAN
                      ? ` (센터 사례 ${data.total}건 중 ${NO_NEXT_ACTION_SCAN}건을 살펴봄)`
                      : ''}
                    . 담당 상담사에게 다음 조치를 정하도록 알려 주세요.
                  </Typography.Paragraph>
                </>
              )}
            </LoadState>
          </Card>
          <ReassignCard centerId={centerId} />
        </Col>
      </Row>
    </>
  );
}
