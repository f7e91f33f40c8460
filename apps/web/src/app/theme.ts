import type { ThemeConfig } from 'antd';

/**
 * The system's Korean fonts first (Apple SD Gothic Neo, Malgun Gothic), then Noto Sans KR / Noto
 * Sans CJK KR where installed (Linux, the test browser): nothing is fetched from a CDN.
 */
export const FONT_FAMILY =
  "'Pretendard', 'Apple SD Gothic Neo', 'Malgun Gothic', '맑은 고딕', 'Noto Sans KR', 'Noto Sans CJK KR', system-ui, -apple-system, 'Segoe UI', sans-serif";

/** Colours from KRDS (the government design system) primary blue; text contrast ≥ 4.5:1. */
export const theme: ThemeConfig = {
  token: { fontFamily: FONT_FAMILY, colorPrimary: '#256ef4', colorError: '#d50136', fontSize: 15, borderRadius: 6 },
};
