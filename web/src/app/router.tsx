import type { ComponentType } from 'react';
import { createBrowserRouter, type RouteObject } from 'react-router';
import { RouterProvider } from 'react-router/dom';
import { AppLayout } from '../components/layouts/app-layout.tsx';
import { Loading } from '../components/ui/query-state.tsx';
import { paths } from '../config/paths.ts';
import { ROLES, type Role } from '../lib/roles.ts';
import { RequireRole, RequireSession, RoleHome } from './routes/guards.tsx';
import { NotFoundRoute } from './routes/not-found.tsx';
import { RouteErrorPage } from './routes/route-error.tsx';

const PageLoading = () => <Loading label="Pagina wordt geladen…" />;

type Loader = () => Promise<{ default: ComponentType }>;

/** A lazily loaded page, shown only to the given roles. */
function page(path: string, roles: readonly Role[], load: Loader): RouteObject {
  return {
    path,
    HydrateFallback: PageLoading,
    lazy: async () => {
      const { default: Page } = await load();
      return {
        element: (
          <RequireRole roles={roles}>
            <Page />
          </RequireRole>
        ),
      };
    },
  };
}

const routes: RouteObject[] = [
  { path: paths.login, HydrateFallback: PageLoading, lazy: async () => ({ Component: (await import('../features/auth/routes/login.tsx')).default }) },
  {
    path: paths.signInStep,
    HydrateFallback: PageLoading,
    lazy: async () => ({ Component: (await import('../features/auth/routes/sign-in-step.tsx')).default }),
  },
  // Public: no session guard, so no session is asked for.
  {
    path: paths.howItWorks,
    HydrateFallback: PageLoading,
    lazy: async () => ({ Component: (await import('../features/transparency/routes/how-it-works.tsx')).default }),
  },
  {
    path: paths.home,
    element: (
      <RequireSession>
        <AppLayout />
      </RequireSession>
    ),
    errorElement: <RouteErrorPage />,
    children: [
      { index: true, element: <RoleHome /> },
      page(paths.coordinator.weekList, ['coordinator'], () => import('../features/flags/routes/week-list.tsx')),
      page(paths.coordinator.charts, ['coordinator'], () => import('../features/aggregates/routes/charts.tsx')),
      page(paths.coordinator.openWork, ['coordinator'], () => import('../features/open-work/routes/open-work.tsx')),
      page(paths.coordinator.meetings, ['coordinator'], () => import('../features/meetings/routes/meetings.tsx')),
      page(paths.coordinator.meetingPattern, ['coordinator'], () => import('../features/meetings/routes/meeting.tsx')),
      page(paths.wijkteam.mine, ['wijkteam'], () => import('../features/triage/routes/my-signals.tsx')),
      page(paths.family.pattern, ['coordinator', 'wijkteam'], () => import('../features/households/routes/family.tsx')),
      page(paths.policy.ruleSets, ['beleidsmaker'], () => import('../features/rule-sets/routes/rule-sets.tsx')),
      page(paths.policy.ruleSetPattern, ['beleidsmaker'], () => import('../features/rule-sets/routes/rule-set-editor.tsx')),
      page(paths.policy.trends, ['beleidsmaker'], () => import('../features/aggregates/routes/trends.tsx')),
      page(paths.policy.register, ['beleidsmaker'], () => import('../features/register/routes/register.tsx')),
      page(paths.howItWorksInApp, ROLES, () => import('../features/transparency/routes/how-it-works-in-app.tsx')),
      page(paths.notifications, ROLES, () => import('../features/notifications/routes/notification-settings.tsx')),
      page(paths.secondFactor, ROLES, () => import('../features/auth/routes/second-factor.tsx')),
      page(paths.admin.sources, ['beheerder'], () => import('../features/admin/routes/sources.tsx')),
      page(paths.admin.jobs, ['beheerder'], () => import('../features/admin/routes/jobs.tsx')),
      page(paths.admin.ingest, ['beheerder'], () => import('../features/admin/routes/ingest.tsx')),
      page(paths.admin.users, ['beheerder'], () => import('../features/admin/routes/users.tsx')),
      page(paths.admin.audit, ['beheerder'], () => import('../features/admin/routes/audit.tsx')),
      page(paths.admin.dpia, ['beheerder'], () => import('../features/dpia/routes/dpia.tsx')),
      page(paths.admin.marks, ['beheerder'], () => import('../features/privacy/routes/source-marks.tsx')),
      page(paths.privacy.requests, ['privacy'], () => import('../features/privacy/routes/requests.tsx')),
      page(paths.privacy.corrections, ['privacy'], () => import('../features/privacy/routes/corrections.tsx')),
      { path: '*', element: <NotFoundRoute /> },
    ],
  },
];

export const router = createBrowserRouter(routes);

export function AppRouter() {
  return <RouterProvider router={router} />;
}
