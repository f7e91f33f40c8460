// ECharts' Korean locale ships as plain ESM without types.
declare module 'echarts/lib/i18n/langKO.js' {
  const lang: Record<string, unknown>;
  export default lang;
}
