import { Alert, Flex, Select, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link, useNavigate } from '@tanstack/react-router';
import { useQuery } from '@tanstack/react-query';
import { describeError } from '../../api/errors';
import type { CaseloadItem } from '../../api/schemas';
import { caseloadRoute } from '../../app/router';
import { useSession } from '../../app/use-session';
import { HangulSearch } from '../../components/HangulSearch';
import { STAGES, stageLabel, stageTagStyle } from '../../components/domain-terms';
import { ageOf, centersOfRegion, koreanDate, today } from '../../components/format';
import { CASELOAD_PAGE_SIZE, caseloadQuery, type CaseloadOwner } from './api';
import type { CaseloadSearch } from './caseload-search';

const SORT_LABELS: Record<NonNullable<CaseloadSearch['sort']>, string> = {
  registered: '최근 등록 순',
  lastContact: '연락한 지 오래된 순',
  nextActionDue: '다음 조치 기한 순',
};
const DUE_LABELS: Record<NonNullable<CaseloadSearch['due']>, string> = {
  overdue: '기한 지난 조치',
  week: '7일 안 기한',
};

/** 내 사례: her caseload, filtered, searched, sorted and paged, every choice in the URL. */
export function CaseloadPage() {
  const principal = useSession();
  const search = caseloadRoute.useSearch();
  const navigate = useNavigate({ from: '/cases' });
  // A regional supervisor reads the caseload of one center of her 시·도 at a time (read-only: the page has no forms).
  const regionCenters =
    principal?.role === 'regional_supervisor' && principal.region ? centersOfRegion(principal.region) : [];
  const regionalCenter =
    regionCenters.find((c) => c.centerId === search.centerId)?.centerId ?? regionCenters[0]?.centerId;
  const owner: CaseloadOwner | null = !principal
    ? null
    : principal.role === 'counselor'
      ? { counselorId: principal.accountId }
      : principal.centerId
        ? { centerId: principal.centerId }
        : regionalCenter
          ? { centerId: regionalCenter }
          : null;
  const cases = useQuery({ ...caseloadQuery(owner ?? { counselorId: '' }, search), enabled: owner !== null });
  // Any change of filter starts again at page 1.
  const change = (patch: Partial<CaseloadSearch>) =>
    navigate({ search: (prev) => ({ ...prev, page: undefined, ...patch }) });

  if (!owner) return <Alert type="info" showIcon title="이 역할에는 담당 사례 목록이 없습니다." />;

  const chips: { key: keyof CaseloadSearch; label: string }[] = [];
  if (search.status) chips.push({ key: 'status', label: `상태: ${stageLabel(search.status)}` });
  if (search.q) chips.push({ key: 'q', label: `검색: ${search.q}` });
  if (search.due) chips.push({ key: 'due', label: DUE_LABELS[search.due] });
  if (search.sort) chips.push({ key: 'sort', label: SORT_LABELS[search.sort] });

  const columns: ColumnsType<CaseloadItem> = [
    {
      title: '이름',
      key: 'name',
      render: (_, c) => (
        <Link to="/cases/$clientId" params={{ clientId: c.clientId }}>
          {c.name ?? '(개인정보 파기됨)'}
        </Link>
      ),
    },
    { title: '나이', key: 'age', render: (_, c) => ageOf(c.birthDate, c.birthYear) },
    {
      title: '연락처',
      dataIndex: 'phone',
      key: 'phone',
      responsive: ['lg'],
      render: (phone: string | null) => phone ?? '—',
    },
    {
      title: '단계',
      dataIndex: 'status',
      key: 'status',
      render: (s: string) => <Tag style={stageTagStyle(s)}>{stageLabel(s)}</Tag>,
    },
    {
      title: '최근 연락',
      dataIndex: 'lastContactOn',
      key: 'lastContactOn',
      render: (d: string | null) => (d ? koreanDate(d) : '연락 기록 없음'),
    },
    {
      title: '다음 조치',
      key: 'nextAction',
      render: (_, c) =>
        c.nextAction ? (
          <span>
            {c.nextAction.description}
            <br />
            <Typography.Text type={c.nextAction.dueOn < today() ? 'danger' : 'secondary'}>
              {koreanDate(c.nextAction.dueOn)}
              {c.nextAction.dueOn < today() ? ' (기한 지남)' : '까지'}
            </Typography.Text>
          </span>
        ) : (
          '—'
        ),
    },
    {
      title: '등록일',
      dataIndex: 'registeredAt',
      key: 'registeredAt',
      responsive: ['xl'],
      render: (d: string) => koreanDate(d),
    },
  ];

  return (
    <>
      <Typography.Title level={1} className="saeil-title">
        {regionCenters.length > 0 ? '센터 사례 (보기 전용)' : '내 사례'}
      </Typography.Title>
      <Flex wrap gap="small" align="center" style={{ marginBottom: 12 }} role="search" aria-label="사례 찾기">
        {regionCenters.length > 0 && (
          <Select
            aria-label="센터"
            value={regionalCenter}
            onChange={(centerId) => change({ centerId })}
            options={regionCenters.map((c) => ({ value: c.centerId, label: c.name }))}
            style={{ width: 220 }}
          />
        )}
        <HangulSearch
          value={search.q ?? ''}
          onSearch={(q) => change({ q: q || undefined })}
          label="이름 또는 전화번호로 찾기"
          placeholder="이름 전체 또는 전화번호, Enter"
        />
        <Select
          aria-label="단계"
          placeholder="단계 전체"
          allowClear
          value={search.status}
          onChange={(status) => change({ status })}
          options={STAGES.map((s) => ({ value: s.status, label: s.label }))}
          style={{ width: 130 }}
        />
        <Select
          aria-label="다음 조치 기한"
          placeholder="기한 전체"
          allowClear
          value={search.due}
          onChange={(due) => change({ due })}
          options={Object.entries(DUE_LABELS).map(([value, label]) => ({ value, label }))}
          style={{ width: 150 }}
        />
        <Select
          aria-label="정렬"
          value={search.sort ?? 'registered'}
          onChange={(sort) => change({ sort: sort === 'registered' ? undefined : sort })}
          options={Object.entries(SORT_LABELS).map(([value, label]) => ({ value, label }))}
          style={{ width: 180 }}
        />
      </Flex>
      {chips.length > 0 && (
        <Flex wrap gap="small" style={{ marginBottom: 12 }} aria-label="적용한 조건">
          {chips.map((chip) => (
            <Tag
              key={chip.key}
              closable
              closeIcon={<span aria-label={`${chip.label} 조건 지우기`}>×</span>}
              onClose={() => change({ [chip.key]: undefined })}
            >
              {chip.label}
            </Tag>
          ))}
          <Typography.Link onClick={() => navigate({ search: {} })}>조건 모두 지우기</Typography.Link>
        </Flex>
      )}
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        이름은 전체를 정확히, 전화번호는 하이픈 없이도 찾을 수 있습니다. (이름 일부로는 찾을 수 없습니다: 이름은
        암호화되어 있습니다.)
      </Typography.Paragraph>
      {cases.isError ? (
        <Alert type="error" showIcon title={describeError(cases.error)} />
      ) : (
        <Table<CaseloadItem>
          rowKey="clientId"
          columns={columns}
          dataSource={cases.data?.items ?? []}
          loading={cases.isFetching}
          scroll={{ x: 640 }}
          locale={{
            emptyText: search.q
              ? `‘${search.q}’에 맞는 사례가 없습니다. 이름 전체나 전화번호로 찾아 보세요.`
              : '조건에 맞는 사례가 없습니다.',
          }}
          pagination={{
            current: search.page ?? 1,
            pageSize: CASELOAD_PAGE_SIZE,
            total: cases.data?.total ?? 0,
            showSizeChanger: false,
            showTotal: (total) => `모두 ${total}건`,
            onChange: (page) => navigate({ search: (prev) => ({ ...prev, page: page > 1 ? page : undefined }) }),
          }}
        />
      )}
    </>
  );
}
