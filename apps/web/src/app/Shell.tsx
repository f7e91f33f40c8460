import {
  BankOutlined,
  BarChartOutlined,
  HomeOutlined,
  LogoutOutlined,
  TeamOutlined,
  UserAddOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { Button, Layout, Menu, Space, Typography } from 'antd';
import { Link, Outlet, useNavigate, useRouterState } from '@tanstack/react-router';
import { useQueryClient } from '@tanstack/react-query';
import { session } from '../api/session';
import { useSession } from './use-session';
import { CASE_READERS, CASE_WORKERS, ROLE_NAMES } from '../components/domain-terms';
import { centerName } from '../components/format';
import { supervisorNavItems, supervisorNavKey } from './supervisor-nav';

/** Up to this many menu items share one row with the brand and her name (at 1280 px); more get a row of their own. */
const STACKED_AFTER = 5;

/** The frame of every signed-in screen: who she is, where she works, the way around, 로그아웃. */
export function Shell() {
  const principal = useSession();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const path = useRouterState({ select: (s) => s.location.pathname });
  const selected =
    supervisorNavKey(path) ??
    (path.startsWith('/cases')
      ? 'cases'
      : path.startsWith('/clients/new')
        ? 'intake'
        : path.startsWith('/center')
          ? 'center'
          : path.startsWith('/admin')
            ? 'admin'
            : path.startsWith('/ministry')
              ? 'ministry'
              : 'home');
  const items = [
    {
      key: 'home',
      icon: <HomeOutlined aria-hidden />,
      label: <Link to="/">{principal?.role === 'counselor' ? '오늘 할 일' : '처음 화면'}</Link>,
    },
    // Only the roles that read cases see the caseload (the API refuses the others anyway).
    ...(principal && CASE_READERS.includes(principal.role)
      ? [{ key: 'cases', icon: <TeamOutlined aria-hidden />, label: <Link to="/cases">내 사례</Link> }]
      : []),
    ...(principal && CASE_WORKERS.includes(principal.role)
      ? [{ key: 'intake', icon: <UserAddOutlined aria-hidden />, label: <Link to="/clients/new">구직 등록</Link> }]
      : []),
    ...(principal && CASE_READERS.includes(principal.role)
      ? [{ key: 'center', icon: <BankOutlined aria-hidden />, label: <Link to="/center">센터 활동</Link> }]
      : []),
    ...supervisorNavItems(principal),
    ...(principal?.role === 'administrator'
      ? [{ key: 'admin', icon: <UserOutlined aria-hidden />, label: <Link to="/admin/accounts">계정 관리</Link> }]
      : []),
    ...(principal?.role === 'ministry_analyst'
      ? [{ key: 'ministry', icon: <BarChartOutlined aria-hidden />, label: <Link to="/ministry">성과 현황</Link> }]
      : []),
  ];
  const logout = async () => {
    await session.logout();
    // Nothing of hers stays in memory for the next person at this desk.
    queryClient.clear();
    await navigate({ to: '/login', search: {} });
  };
  return (
    <Layout style={{ minHeight: '100vh' }}>
      {/* A long menu (the supervisor's nine items) gets a row of its own under her name at every width:
          beside the brand and her name it ran past the right edge at 1280 px. The browser tier checks
          that every role's menu stays inside a 1280 px and a 768 px window. */}
      <Layout.Header className={items.length > STACKED_AFTER ? 'saeil-header saeil-header-stacked' : 'saeil-header'}>
        <Link to="/" className="saeil-brand">
          새일 상담 업무
        </Link>
        <nav aria-label="주 메뉴" className="saeil-nav">
          <Menu
            mode="horizontal"
            // Every item stays a real, focusable link (antd's overflow menu hides measured copies that axe flags); on a narrow screen the items wrap instead.
            disabledOverflow
            selectedKeys={[selected]}
            items={items}
            style={{ flex: 1, minWidth: 0, borderBottom: 'none' }}
          />
        </nav>
        {principal && (
          <Space size="middle" className="saeil-who">
            <span className="saeil-who-text">
              <Typography.Text strong>{principal.displayName}</Typography.Text>
              <Typography.Text type="secondary" className="saeil-who-scope">
                {ROLE_NAMES[principal.role]}
                {principal.centerId
                  ? ` · ${centerName(principal.centerId)}`
                  : principal.region
                    ? ` · ${principal.region}`
                    : ''}
              </Typography.Text>
            </span>
            <Button icon={<LogoutOutlined aria-hidden />} onClick={logout}>
              로그아웃
            </Button>
          </Space>
        )}
      </Layout.Header>
      {/* antd's Layout.Content is the page's <main>. */}
      <Layout.Content className="saeil-content">
        <Outlet />
      </Layout.Content>
    </Layout>
  );
}
