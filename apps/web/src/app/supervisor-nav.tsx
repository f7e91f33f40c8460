import {
  AuditOutlined,
  BarChartOutlined,
  FileDoneOutlined,
  FundOutlined,
  GiftOutlined,
  GlobalOutlined,
} from '@ant-design/icons';
import { Link } from '@tanstack/react-router';
import type { Principal } from '../api/session';

const SUPERVISOR_ITEMS = [
  { key: 'retention', to: '/retention', label: '고용유지', icon: <BarChartOutlined aria-hidden /> },
  { key: 'programs', to: '/programs', label: '사후관리 프로그램', icon: <GiftOutlined aria-hidden /> },
  { key: 'kpi', to: '/kpi', label: '성과지표', icon: <FundOutlined aria-hidden /> },
  { key: 'reports', to: '/reports', label: '성과 보고', icon: <FileDoneOutlined aria-hidden /> },
  { key: 'access-log', to: '/access-log', label: '접속기록', icon: <AuditOutlined aria-hidden /> },
] as const;

const REGIONAL_ITEMS = [
  { key: 'region', to: '/region', label: '시·도 현황', icon: <GlobalOutlined aria-hidden /> },
  { key: 'reports', to: '/reports', label: '성과 보고', icon: <FileDoneOutlined aria-hidden /> },
] as const;

/** The menu items of the supervisor's and the regional supervisor's screens (the Shell adds them after its own). */
export function supervisorNavItems(principal: Principal | null) {
  const items =
    principal?.role === 'supervisor'
      ? SUPERVISOR_ITEMS
      : principal?.role === 'regional_supervisor'
        ? REGIONAL_ITEMS
        : [];
  return items.map((item) => ({ key: item.key, icon: item.icon, label: <Link to={item.to}>{item.label}</Link> }));
}

/** The menu key a path belongs to, when it is one of these screens. */
export function supervisorNavKey(path: string): string | undefined {
  if (path.startsWith('/follow-ups')) return 'home';
  return [...SUPERVISOR_ITEMS, ...REGIONAL_ITEMS].find((item) => path === item.to || path.startsWith(`${item.to}/`))
    ?.key;
}
