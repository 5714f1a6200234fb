/**
 * The label a request is counted under in `empiria_http_requests_total`: a fixed, small set named
 * after the API's areas, never a path with ids in it (a series per board would grow forever).
 */
const API_AREAS = [
  'admin',
  'boards',
  'config',
  'me',
  'meetings',
  'networks',
  'office',
  'photos',
  'search',
  'time',
] as const;

export type RouteClass =
  'health' | 'metrics' | `api_${(typeof API_AREAS)[number]}` | 'api_other' | 'public' | 'static' | 'unparsed';

const AREAS: ReadonlySet<string> = new Set(API_AREAS);

/** `pathname` as parsed by request-target.ts; null when the request target did not parse. */
export function routeClassOf(pathname: string | null): RouteClass {
  if (pathname === null) return 'unparsed';
  if (pathname === '/healthz' || pathname.startsWith('/healthz/')) return 'health';
  if (pathname === '/metrics') return 'metrics';
  if (pathname.startsWith('/public/')) return 'public';
  if (pathname === '/api' || pathname.startsWith('/api/')) {
    const area = pathname.split('/')[2] ?? '';
    return AREAS.has(area) ? (`api_${area}` as RouteClass) : 'api_other';
  }
  return 'static';
}
