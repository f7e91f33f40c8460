import { Alert, Button, Card, Col, DatePicker, Form, Input, Row, Select, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import centers from '../../../../../config/centers.json';
import { describeError, toFormFields } from '../../api/errors';
import { useSession } from '../../app/use-session';
import { ROLE_NAMES } from '../../components/domain-terms';
import { RecordDialog } from '../../components/RecordDialog';
import { centerName } from '../../components/format';
import { KOREAN_REGIONS } from '../../components/regions';
import {
  Account,
  AccountAuditEntry,
  accountsQuery,
  adminKeys,
  auditQuery,
  ChainVerdict,
  createAccount,
  CreateAccount,
  resetPassword,
  setDisabled,
  verifyAccessLog,
} from './api';

const CENTER_OPTIONS = Object.entries((centers as { centers: Record<string, { name: string }> }).centers).map(
  ([value, c]) => ({ value, label: c.name }),
);
const ROLE_OPTIONS = (Object.keys(ROLE_NAMES) as Account['role'][]).map((value) => ({
  value,
  label: ROLE_NAMES[value],
}));

const AUDIT_ACTIONS: Record<string, string> = {
  account_created: '계정 생성',
  account_disabled: '사용 중지',
  account_enabled: '다시 사용',
  password_reset: '비밀번호 재설정',
  password_changed: '비밀번호 변경',
  login_succeeded: '로그인',
  login_failed: '로그인 실패',
  refresh_token_reused: '재사용된 로그인 토큰 차단',
  logged_out: '로그아웃',
  account_renamed: '이름 변경',
};

const dateTime = (iso: string) => dayjs(iso).format('YYYY년 M월 D일 HH:mm');

/** 계정 관리: accounts, their audit and the access log's chain. The administrator reads no case here. */
export function AccountsPage() {
  const principal = useSession();
  const accounts = useQuery(accountsQuery());
  const [auditFor, setAuditFor] = useState<string | undefined>();
  if (principal?.role !== 'administrator')
    return <Alert type="warning" showIcon title="계정 관리는 시스템 관리자의 화면입니다." />;
  const byId = new Map((accounts.data ?? []).map((a) => [a.accountId, a]));
  return (
    <>
      <Typography.Title level={1} className="saeil-title">
        계정 관리
      </Typography.Title>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          <Card title={<h2 className="saeil-card-title">계정 목록</h2>}>
            {accounts.isError ? (
              <Alert type="error" showIcon title={describeError(accounts.error)} />
            ) : (
              <AccountsTable
                accounts={accounts.data ?? []}
                loading={accounts.isPending}
                selfId={principal.accountId}
                onAudit={setAuditFor}
              />
            )}
          </Card>
        </Col>
        <Col xs={24} xl={8}>
          <CreateAccountCard />
          <VerifyAccessLogCard />
        </Col>
        <Col span={24}>
          <AuditCard accountId={auditFor} onClear={() => setAuditFor(undefined)} byId={byId} />
        </Col>
      </Row>
    </>
  );
}

function scopeOf(a: Account): string {
  return a.centerId ? centerName(a.centerId) : (a.region ?? '—');
}

function AccountsTable({
  accounts,
  loading,
  selfId,
  onAudit,
}: {
  accounts: Account[];
  loading: boolean;
  selfId: string;
  onAudit: (id: string) => void;
}) {
  const queryClient = useQueryClient();
  const [resetting, setResetting] = useState<Account | null>(null);
  const toggle = useMutation({
    mutationFn: (a: Account) => setDisabled(a.accountId, !a.disabled),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: adminKeys.all }),
  });
  const columns: ColumnsType<Account> = [
    { title: '사용자 이름', dataIndex: 'username', sorter: (a, b) => a.username.localeCompare(b.username) },
    { title: '이름', dataIndex: 'displayName' },
    {
      title: '역할',
      dataIndex: 'role',
      render: (r: Account['role']) => ROLE_NAMES[r],
      filters: ROLE_OPTIONS.map((o) => ({ text: o.label, value: o.value })),
      onFilter: (v, a) => a.role === v,
    },
    { title: '소속', key: 'scope', render: (_, a) => scopeOf(a) },
    {
      title: '상태',
      dataIndex: 'disabled',
      render: (d: boolean) =>
        d ? (
          <Tag style={{ color: '#8a1f11', background: '#fdecea', borderColor: '#f5c2bd' }}>사용 중지</Tag>
        ) : (
          <Tag style={{ color: '#1e5e26', background: '#e3f6e5', borderColor: '#b7e1bc' }}>사용 중</Tag>
        ),
    },
    {
      title: '관리',
      key: 'actions',
      render: (_, a) => (
        <Space wrap size="small">
          {a.accountId !== selfId && (
            <Button
              size="small"
              danger={!a.disabled}
              aria-label={`${a.disabled ? '다시 사용' : '사용 중지'} ${a.username}`}
              loading={toggle.isPending && toggle.variables?.accountId === a.accountId}
              onClick={() => toggle.mutate(a)}
            >
              {a.disabled ? '다시 사용' : '사용 중지'}
            </Button>
          )}
          <Button size="small" aria-label={`비밀번호 재설정 ${a.username}`} onClick={() => setResetting(a)}>
            비밀번호 재설정
          </Button>
          <Button size="small" type="link" aria-label={`감사 기록 ${a.username}`} onClick={() => onAudit(a.accountId)}>
            감사 기록
          </Button>
        </Space>
      ),
    },
  ];
  return (
    <>
      {toggle.isError && (
        <Alert type="error" showIcon title={describeError(toggle.error)} style={{ marginBottom: 12 }} />
      )}
      <Table
        rowKey="accountId"
        size="middle"
        columns={columns}
        dataSource={accounts}
        loading={loading}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        scroll={{ x: 760 }}
      />
      <ResetPasswordModal account={resetting} onClose={() => setResetting(null)} />
    </>
  );
}

/** A new password for an account (its sessions end); the API's word on the password goes under the field. */
export function ResetPasswordModal({ account, onClose }: { account: Account | null; onClose: () => void }) {
  return (
    <RecordDialog<{ newPassword: string }, Awaited<ReturnType<typeof resetPassword>>>
      id="reset-password"
      open={!!account}
      title={`비밀번호 재설정 — ${account?.username ?? ''}`}
      submitLabel="재설정"
      send={({ newPassword }) => resetPassword(account!.accountId, newPassword)}
      invalidates={[adminKeys.all]}
      saved={() => `${account?.username ?? ''}의 비밀번호를 재설정했습니다.`}
      onClose={onClose}
    >
      <p>새 비밀번호를 정하면 이 계정의 로그인은 모두 끝납니다. 본인에게 안전한 방법으로 전해 주세요.</p>
      <Form.Item
        name="newPassword"
        label="새 비밀번호"
        rules={[
          { required: true, message: '새 비밀번호를 입력해 주세요.' },
          { min: 12, message: '12자 이상이어야 합니다.' },
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
    </RecordDialog>
  );
}

function CreateAccountCard() {
  const [form] = Form.useForm<CreateAccount>();
  const role = Form.useWatch('role', form);
  const queryClient = useQueryClient();
  const [created, setCreated] = useState<Account | null>(null);
  const create = useMutation({
    mutationFn: createAccount,
    onSuccess: async (account) => {
      setCreated(account);
      form.resetFields();
      await queryClient.invalidateQueries({ queryKey: adminKeys.all });
    },
    onError: (error) => form.setFields(toFormFields(error) as never),
  });
  const needsCenter = role === 'counselor' || role === 'supervisor';
  const needsRegion = role === 'regional_supervisor';
  return (
    <Card title={<h2 className="saeil-card-title">계정 만들기</h2>} style={{ marginBottom: 16 }}>
      <Form
        form={form}
        layout="vertical"
        onFinish={(values) => {
          setCreated(null);
          create.mutate({
            ...values,
            centerId: needsCenter ? values.centerId : undefined,
            region: needsRegion ? values.region : undefined,
          });
        }}
      >
        <Form.Item
          name="username"
          label="사용자 이름 (로그인 아이디)"
          rules={[
            { required: true, message: '사용자 이름을 입력해 주세요.' },
            { pattern: /^[a-z0-9][a-z0-9._-]{2,63}$/, message: '영어 소문자·숫자·. _ - 로 3~64자' },
          ]}
        >
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item name="displayName" label="이름" rules={[{ required: true, message: '이름을 입력해 주세요.' }]}>
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item name="role" label="역할" rules={[{ required: true, message: '역할을 골라 주세요.' }]}>
          <Select options={ROLE_OPTIONS} placeholder="역할 선택" />
        </Form.Item>
        {needsCenter && (
          <Form.Item
            name="centerId"
            label="소속 센터"
            rules={[{ required: true, message: '소속 센터를 골라 주세요.' }]}
          >
            <Select options={CENTER_OPTIONS} showSearch={{ optionFilterProp: 'label' }} placeholder="센터 선택" />
          </Form.Item>
        )}
        {needsRegion && (
          <Form.Item name="region" label="담당 시·도" rules={[{ required: true, message: '시·도를 골라 주세요.' }]}>
            <Select options={KOREAN_REGIONS.map((r) => ({ value: r, label: r }))} placeholder="시·도 선택" />
          </Form.Item>
        )}
        <Form.Item
          name="password"
          label="처음 비밀번호"
          extra="12자 이상, 흔한 비밀번호와 사용자 이름은 쓸 수 없습니다."
          rules={[
            { required: true, message: '처음 비밀번호를 입력해 주세요.' },
            { min: 12, message: '12자 이상이어야 합니다.' },
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        {create.isError && toFormFields(create.error).length === 0 && (
          <Alert type="error" showIcon title={describeError(create.error)} style={{ marginBottom: 12 }} />
        )}
        {created && (
          <Alert
            type="success"
            showIcon
            title={`${created.displayName}(${created.username}) 계정을 만들었습니다.`}
            style={{ marginBottom: 12 }}
            role="status"
          />
        )}
        <Button type="primary" htmlType="submit" loading={create.isPending}>
          계정 만들기
        </Button>
      </Form>
    </Card>
  );
}

function VerifyAccessLogCard() {
  const [month, setMonth] = useState<Dayjs>(dayjs());
  const verify = useMutation({ mutationFn: (m: string) => verifyAccessLog(m) });
  const verdict: ChainVerdict | undefined = verify.data;
  return (
    <Card title={<h2 className="saeil-card-title">접속기록 위변조 검증</h2>}>
      <Space wrap>
        <DatePicker
          picker="month"
          value={month}
          onChange={(d) => d && setMonth(d)}
          allowClear={false}
          aria-label="검증할 달"
          format="YYYY년 M월"
        />
        <Button onClick={() => verify.mutate(month.format('YYYY-MM'))} loading={verify.isPending}>
          검증
        </Button>
      </Space>
      <div style={{ marginTop: 12 }} role="status">
        {verify.isError && <Alert type="error" showIcon title={describeError(verify.error)} />}
        {verdict?.ok && (
          <Alert
            type="success"
            showIcon
            title="접속기록이 변조되지 않았습니다."
            description={`${verify.variables} 기록 ${verdict.rows.toLocaleString('ko-KR')}건의 해시 체인이 맞습니다. ${verdict.anchors > 0 ? `외부에 남긴 기준점 ${verdict.anchors}개와도 일치합니다${verdict.anchoredThrough !== null ? ` (기록 번호 ${verdict.anchoredThrough}까지)` : ''}.` : '외부 기준점은 아직 없습니다 (다음 기준점 기록 뒤 함께 확인됩니다).'}`}
          />
        )}
        {verdict && !verdict.ok && (
          <Alert type="error" showIcon title="접속기록이 변조되었거나 끊겼습니다." description={verdict.reason} />
        )}
      </div>
    </Card>
  );
}

function AuditCard({
  accountId,
  onClear,
  byId,
}: {
  accountId?: string;
  onClear: () => void;
  byId: Map<string, Account>;
}) {
  const audit = useQuery(auditQuery(accountId));
  const name = (id?: string) => (id ? (byId.get(id)?.username ?? id.slice(0, 8)) : '—');
  const columns: ColumnsType<AccountAuditEntry> = useMemo(
    () => [
      { title: '시각', dataIndex: 'recordedAt', render: dateTime, width: 190 },
      { title: '작업', dataIndex: 'action', render: (a: string) => AUDIT_ACTIONS[a] ?? a },
      { title: '대상 계정', dataIndex: 'accountId', render: (id?: string) => name(id) },
      { title: '처리한 계정', dataIndex: 'actorId', render: (id?: string) => name(id) },
      { title: '접속 주소', dataIndex: 'sourceAddress', render: (s?: string) => s ?? '—' },
    ],
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [byId],
  );
  return (
    <Card
      title={
        <h2 className="saeil-card-title">계정 감사 기록{accountId ? ` — ${name(accountId)}` : ' (최근 200건)'}</h2>
      }
      extra={accountId ? <Button onClick={onClear}>모든 계정 보기</Button> : undefined}
    >
      {audit.isError ? (
        <Alert type="error" showIcon title={describeError(audit.error)} />
      ) : (
        <Table
          rowKey="auditId"
          size="small"
          columns={columns}
          dataSource={audit.data ?? []}
          loading={audit.isPending}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          scroll={{ x: 700 }}
        />
      )}
    </Card>
  );
}
