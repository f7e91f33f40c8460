import { routeOf } from './access-log.interceptor';

describe('the route an access-log row records', () => {
  it('keeps the path and every filter, but not what a search looked for (her name or phone)', () => {
    expect(routeOf('GET', '/caseload?centerId=center-naju&q=%EC%98%A4%EC%86%8C%EB%9D%BC&page=2')).toBe(
      'GET /caseload?centerId=center-naju&q=(redacted)&page=2',
    );
    expect(routeOf('GET', '/caseload?q=010-6652-3018')).toBe('GET /caseload?q=(redacted)');
    expect(routeOf('GET', '/cases/abc/timeline')).toBe('GET /cases/abc/timeline');
    expect(routeOf('GET', '/access-log?quarter=1')).toBe('GET /access-log?quarter=1');
  });
});
