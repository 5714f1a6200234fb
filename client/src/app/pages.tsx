import { lazy } from 'react';
import type { Route } from './route';

/**
 * Each place of the app is its own chunk, loaded when a page opens it. A board does not parse
 * or run the network pages' code (their forms, schemas and texts), and a person's home page does
 * not load tldraw. The loaders are kept so that `preloadPage` can start the fetch before React
 * asks for it (main.tsx, while the configuration is fetched).
 */
const loaders = {
  admin: () => import('../admin/AdminHome').then((m) => ({ default: m.AdminHome })),
  board: () => import('../join/BoardRoute').then((m) => ({ default: m.BoardRoute })),
  network: () => import('../networks/NetworkPage').then((m) => ({ default: m.NetworkPage })),
  archive: () => import('../archive/ArchivePage').then((m) => ({ default: m.ArchivePage })),
  forum: () => import('../forum/ForumPage').then((m) => ({ default: m.ForumPage })),
  surveys: () => import('../surveys/SurveysPage').then((m) => ({ default: m.SurveysPage })),
  report: () => import('../report/ReportPage').then((m) => ({ default: m.ReportPage })),
  'office-hours': () =>
    import('../office-hours/OfficeHoursPage').then((m) => ({ default: m.OfficeHoursPage })),
  plan: () => import('../plan/PlanPage').then((m) => ({ default: m.PlanPage })),
  documents: () =>
    import('../documents/NetworkDocumentsPage').then((m) => ({ default: m.NetworkDocumentsPage })),
  home: () => import('../home/HomeRoute').then((m) => ({ default: m.HomeRoute })),
};

/**
 * Starts loading a route's page; React's `lazy` then finds the module already on its way. (Every
 * route but not-found has a loader: indexing `loaders` by a kind without one does not compile.)
 */
export function preloadPage(route: Route): void {
  if (route.kind !== 'not-found') void loaders[route.kind]().catch(() => undefined);
}

export const AdminHome = lazy(loaders.admin);
export const BoardRoute = lazy(loaders.board);
export const NetworkPage = lazy(loaders.network);
export const ArchivePage = lazy(loaders.archive);
export const ForumPage = lazy(loaders.forum);
export const SurveysPage = lazy(loaders.surveys);
export const ReportPage = lazy(loaders.report);
export const OfficeHoursPage = lazy(loaders['office-hours']);
export const PlanPage = lazy(loaders.plan);
export const NetworkDocumentsPage = lazy(loaders.documents);
export const HomeRoute = lazy(loaders.home);
