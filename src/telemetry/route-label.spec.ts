import { routeLabel, UNMATCHED_ROUTE } from './route-label.js';

describe('routeLabel', () => {
  it('is the template Express matched, not the URL that was asked for', () => {
    expect(routeLabel({ baseUrl: '', route: { path: '/api/models/:id' } })).toBe('/api/models/:id');
    expect(routeLabel({ baseUrl: '/api', route: { path: '/models/:id' } })).toBe('/api/models/:id');
    expect(routeLabel({ route: { path: '/' } })).toBe('/');
  });

  it('is one fixed label for whatever no route matched', () => {
    expect(routeLabel({})).toBe(UNMATCHED_ROUTE);
    expect(routeLabel({ baseUrl: '/docs' })).toBe(UNMATCHED_ROUTE);
    expect(routeLabel({ route: { path: /^\/regex$/ } })).toBe(UNMATCHED_ROUTE);
  });

  it("is unmatched when the only route is app-wide middleware's catch-all", () => {
    for (const path of ['{/*splat}', '/*path', '*', '*splat'])
      expect(routeLabel({ route: { path } })).toBe(UNMATCHED_ROUTE);
    expect(routeLabel({ route: { path: '/files/*path' } })).toBe('/files/*path');
  });
});
