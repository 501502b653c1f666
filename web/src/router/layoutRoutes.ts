import type { RouteRecordRaw } from 'vue-router'
import {
  Box,
  Briefcase,
  Calendar,
  Checked,
  Connection,
  Document,
  EditPen,
  Finished,
  HomeFilled,
  Key,
  List,
  Location,
  MagicStick,
  Medal,
  Memo,
  Monitor,
  Place,
  OfficeBuilding,
  Setting,
  School,
  Share,
  Stamp,
  Tickets,
  Tools,
  Trophy,
  User,
  UserFilled,
  Warning,
} from '@element-plus/icons-vue'

/**
 * Pages inside the main layout, and the definition of the side menu: a route with
 * `meta.titleKey` and `meta.icon` becomes an entry, shown only when the user holds
 * `meta.permission`; a route with children becomes a submenu. Adding a page = adding a route here.
 *
 * It lives apart from `routes.ts` because the menu (`useMenu`, used by the layout) reads it
 * while `routes.ts` imports the layout: one table both use keeps the module graph acyclic.
 * Pages are imported lazily; a page must not import `@/router` (it would close a cycle).
 * A page named like its route (`defineOptions({ name: 'orgs-list' })`) stays alive while its
 * tab is open (usePageTabs), so switching tabs keeps its search, page and scroll.
 */
export const layoutChildren: RouteRecordRaw[] = [
  {
    path: '',
    name: 'home',
    component: () => import('@/views/home/index.vue'),
    meta: { titleKey: 'menu.home', icon: HomeFilled },
  },
  {
    path: 'account/password',
    name: 'change-password',
    component: () => import('@/views/account/password.vue'),
    meta: { titleKey: 'menu.changePassword' },
  },
  {
    path: 'account/security',
    name: 'account-security',
    component: () => import('@/views/account/security.vue'),
    meta: { titleKey: 'menu.accountSecurity' },
  },
  {
    path: 'orgs',
    meta: { titleKey: 'menu.orgs', icon: UserFilled },
    children: [
      {
        path: '',
        name: 'orgs-list',
        component: () => import('@/views/orgs/index.vue'),
        meta: { titleKey: 'menu.orgList', icon: List, permission: 'org:org:list' },
      },
      {
        path: ':id(\\d+)',
        name: 'org-detail',
        component: () => import('@/views/orgs/detail.vue'),
        meta: { titleKey: 'menu.orgDetail', permission: 'org:org:list', activeMenu: '/orgs', parent: 'orgs-list' },
      },
      {
        path: 'review',
        name: 'orgs-review',
        component: () => import('@/views/orgs/review.vue'),
        meta: { titleKey: 'menu.orgReview', icon: Checked, permission: 'org:org:review' },
      },
      {
        path: 'links',
        name: 'orgs-links',
        component: () => import('@/views/orgs/links.vue'),
        meta: { titleKey: 'menu.orgLinks', icon: Connection, permission: 'org:link:list' },
      },
      {
        path: 'credit',
        name: 'credit-entries',
        component: () => import('@/views/credit/index.vue'),
        meta: { titleKey: 'menu.creditEntries', icon: Warning, permission: 'credit:entry:list' },
      },
      {
        path: 'annual-reports',
        name: 'annual-reports',
        component: () => import('@/views/annual/index.vue'),
        meta: { titleKey: 'menu.annualReports', icon: Stamp, permission: 'annual:report:list' },
      },
    ],
  },
  {
    path: 'projects',
    name: 'projects-list',
    component: () => import('@/views/projects/index.vue'),
    meta: { titleKey: 'menu.projects', icon: Briefcase, permission: 'project:project:list' },
  },
  {
    path: 'projects/:id(\\d+)',
    name: 'project-detail',
    component: () => import('@/views/projects/detail.vue'),
    meta: { titleKey: 'menu.projectDetail', permission: 'project:project:list', activeMenu: '/projects', parent: 'projects-list' },
  },
  {
    path: 'matching',
    redirect: { name: 'matching-demands' },
    meta: { titleKey: 'menu.matching', icon: Share },
    children: [
      {
        path: 'demands',
        name: 'matching-demands',
        component: () => import('@/views/matching/demands.vue'),
        meta: { titleKey: 'menu.demands', icon: Memo, permission: 'match:demand:list' },
      },
      {
        path: 'resources',
        name: 'matching-resources',
        component: () => import('@/views/matching/resources.vue'),
        meta: { titleKey: 'menu.resources', icon: Box, permission: 'match:resource:list' },
      },
      {
        path: 'workbench',
        name: 'matching-workbench',
        component: () => import('@/views/matching/workbench.vue'),
        meta: { titleKey: 'menu.matchingWorkbench', icon: MagicStick, permission: 'match:run:create' },
      },
      {
        path: 'matches',
        name: 'matching-matches',
        component: () => import('@/views/matching/matches.vue'),
        meta: { titleKey: 'menu.matches', icon: Finished, permission: 'match:run:list' },
      },
    ],
  },
  {
    path: 'venues',
    meta: { titleKey: 'menu.venues', icon: Place },
    children: [
      {
        path: '',
        name: 'venues-list',
        component: () => import('@/views/venues/index.vue'),
        meta: { titleKey: 'menu.venueList', icon: School, permission: 'venue:venue:list' },
      },
      {
        path: ':id(\\d+)',
        name: 'venue-detail',
        component: () => import('@/views/venues/detail.vue'),
        meta: { titleKey: 'menu.venueDetail', permission: 'venue:venue:list', activeMenu: '/venues', parent: 'venues-list' },
      },
      {
        path: 'queue',
        name: 'venues-queue',
        component: () => import('@/views/venues/queue.vue'),
        meta: { titleKey: 'menu.venueQueue', icon: Stamp, permission: 'venue:booking:review' },
      },
      {
        path: 'bookings',
        name: 'venues-bookings',
        component: () => import('@/views/venues/bookings.vue'),
        meta: { titleKey: 'menu.venueBookings', icon: Calendar, permission: 'venue:booking:list' },
      },
    ],
  },
  {
    path: 'inspections',
    meta: { titleKey: 'inspections.menuPlans', icon: Finished },
    children: [
      {
        path: '',
        name: 'inspection-plans',
        component: () => import('@/views/inspections/index.vue'),
        meta: { titleKey: 'inspections.menuPlans', icon: List, permission: 'inspection:plan:list' },
      },
      {
        path: ':id(\\d+)',
        name: 'inspection-plan',
        component: () => import('@/views/inspections/plan.vue'),
        meta: { titleKey: 'inspections.plan', permission: 'inspection:plan:list', activeMenu: '/inspections', parent: 'inspection-plans' },
      },
      {
        path: 'mine',
        name: 'inspection-assignments',
        component: () => import('@/views/inspections/mine.vue'),
        meta: { titleKey: 'inspections.menuAssignments', icon: Checked, permission: 'inspection:result:edit' },
      },
    ],
  },
  {
    path: 'workers',
    name: 'workers-list',
    component: () => import('@/views/workers/index.vue'),
    meta: { titleKey: 'menu.workers', icon: User, permission: 'system:worker:list' },
  },
  {
    path: 'events',
    name: 'events-list',
    component: () => import('@/views/events/index.vue'),
    meta: { titleKey: 'menu.events', icon: Calendar, permission: 'event:event:list' },
  },
  {
    path: 'events/:id(\\d+)',
    name: 'event-detail',
    component: () => import('@/views/events/detail.vue'),
    meta: { titleKey: 'menu.eventDetail', permission: 'event:event:list', activeMenu: '/events', parent: 'events-list' },
  },
  {
    path: 'evaluations',
    meta: { titleKey: 'evaluations.menuGroup', icon: Medal },
    children: [
      {
        path: '',
        name: 'evaluations-list',
        component: () => import('@/views/evaluations/index.vue'),
        meta: { titleKey: 'evaluations.menuList', icon: Medal, permission: 'evaluation:evaluation:list' },
      },
      {
        path: ':id(\\d+)',
        name: 'evaluation-detail',
        component: () => import('@/views/evaluations/detail.vue'),
        meta: { titleKey: 'evaluations.menuDetail', permission: 'evaluation:evaluation:list', activeMenu: '/evaluations', parent: 'evaluations-list' },
      },
      {
        path: ':id(\\d+)/score',
        name: 'evaluation-score',
        component: () => import('@/views/evaluations/score.vue'),
        meta: { titleKey: 'evaluations.menuScore', permission: 'evaluation:evaluation:score', activeMenu: '/evaluations', parent: 'evaluations-list' },
      },
      {
        path: 'templates',
        name: 'evaluation-templates',
        component: () => import('@/views/evaluations/templates.vue'),
        meta: { titleKey: 'evaluations.menuTemplates', icon: Tickets, permission: 'evaluation:template:list' },
      },
    ],
  },
  {
    path: 'selection',
    name: 'selection-rounds',
    component: () => import('@/views/selection/index.vue'),
    meta: { titleKey: 'menu.selection', icon: Trophy, permission: 'project:selection:list' },
  },
  {
    path: 'selection/:id(\\d+)',
    name: 'selection-round',
    component: () => import('@/views/selection/detail.vue'),
    meta: { titleKey: 'menu.selectionRound', permission: 'project:selection:list', activeMenu: '/selection', parent: 'selection-rounds' },
  },
  {
    path: 'selection/scoring',
    name: 'selection-scoring',
    component: () => import('@/views/selection/scoring.vue'),
    meta: { titleKey: 'menu.selectionScoring', icon: EditPen, permission: 'project:selection:score' },
  },
  {
    path: 'teams',
    meta: { titleKey: 'teams.menu', icon: Connection },
    children: [
      {
        path: '',
        name: 'teams-list',
        component: () => import('@/views/teams/index.vue'),
        meta: { titleKey: 'teams.menuList', icon: List, permission: 'team:team:list' },
      },
      {
        path: ':id(\\d+)',
        name: 'team-detail',
        component: () => import('@/views/teams/detail.vue'),
        meta: { titleKey: 'teams.detail', permission: 'team:team:list', activeMenu: '/teams', parent: 'teams-list' },
      },
      {
        path: 'overview',
        name: 'teams-overview',
        component: () => import('@/views/teams/overview.vue'),
        meta: { titleKey: 'teams.menuOverview', icon: Monitor, permission: 'team:team:list' },
      },
    ],
  },
  {
    path: 'system',
    redirect: { name: 'system-regions' },
    meta: { titleKey: 'menu.system', icon: Setting },
    children: [
      {
        path: 'units',
        name: 'system-units',
        component: () => import('@/views/system/units/index.vue'),
        meta: { titleKey: 'menu.units', icon: OfficeBuilding, permission: 'system:unit:list' },
      },
      {
        path: 'users',
        name: 'system-users',
        component: () => import('@/views/system/users/index.vue'),
        meta: { titleKey: 'menu.users', icon: User, permission: 'system:user:list' },
      },
      {
        path: 'roles',
        name: 'system-roles',
        component: () => import('@/views/system/roles/index.vue'),
        meta: { titleKey: 'menu.roles', icon: Key, permission: 'system:role:list' },
      },
      {
        path: 'sessions',
        name: 'system-sessions',
        component: () => import('@/views/system/sessions/index.vue'),
        meta: { titleKey: 'menu.sessions', icon: Monitor, permission: 'system:session:list' },
      },
      {
        path: 'login-log',
        name: 'system-login-log',
        component: () => import('@/views/system/login_log/index.vue'),
        meta: { titleKey: 'menu.loginLog', icon: Tickets, permission: 'system:login-log:list' },
      },
      {
        path: 'audit',
        name: 'system-audit',
        component: () => import('@/views/system/audit/index.vue'),
        meta: { titleKey: 'menu.audit', icon: Document, permission: 'system:audit:list' },
      },
      {
        path: 'settings',
        name: 'system-settings',
        component: () => import('@/views/system/settings/index.vue'),
        meta: { titleKey: 'menu.settings', icon: Tools, permission: 'system:setting:edit' },
      },
      {
        path: 'regions',
        name: 'system-regions',
        component: () => import('@/views/system/regions/index.vue'),
        meta: { titleKey: 'menu.regions', icon: Location, permission: 'system:region:list' },
      },
    ],
  },
  {
    path: 'mechanism',
    meta: { titleKey: 'mechanism.menuGroup', icon: Calendar },
    children: [
      {
        path: 'calendar',
        name: 'mechanism-calendar',
        component: () => import('@/views/mechanism/calendar.vue'),
        meta: { titleKey: 'mechanism.menuCalendar', icon: Calendar, permission: 'mechanism:meeting:list' },
      },
      {
        path: 'meetings',
        name: 'mechanism-meetings',
        component: () => import('@/views/mechanism/meetings.vue'),
        meta: { titleKey: 'mechanism.menuMeetings', icon: Memo, permission: 'mechanism:meeting:list' },
      },
      {
        path: 'meetings/:id(\\d+)',
        name: 'mechanism-meeting',
        component: () => import('@/views/mechanism/meeting.vue'),
        meta: { titleKey: 'mechanism.menuMeeting', permission: 'mechanism:meeting:list', activeMenu: '/mechanism/meetings', parent: 'mechanism-meetings' },
      },
      {
        path: 'tasks',
        name: 'mechanism-tasks',
        component: () => import('@/views/mechanism/tasks.vue'),
        meta: { titleKey: 'mechanism.menuTasks', icon: Checked, permission: 'mechanism:task:list' },
      },
      {
        path: 'tasks/:id(\\d+)',
        name: 'mechanism-task',
        component: () => import('@/views/mechanism/task.vue'),
        meta: { titleKey: 'mechanism.menuTask', permission: 'mechanism:task:list', activeMenu: '/mechanism/tasks', parent: 'mechanism-tasks' },
      },
      {
        path: 'templates',
        name: 'mechanism-templates',
        component: () => import('@/views/mechanism/templates.vue'),
        meta: { titleKey: 'mechanism.menuTemplates', icon: Tickets, permission: 'mechanism:template:list' },
      },
    ],
  },
]
