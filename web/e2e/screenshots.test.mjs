// Every page of the app at 1440×900 and 375×812, saved as test artefacts (not committed) under
// ../build/screenshots/<page>-<width>.png for a person to look through. The pages are the router's
// own table (a new route is photographed without touching this file; a route with a parameter uses
// an organisation, or on a project's page a project, or on a selection round's page a round,
// arranged here). Each page must render without an uncaught error and none may overflow
// horizontally at 375 px (tables scroll inside their box).
import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { mkdir } from 'node:fs/promises'
import path from 'node:path'
import { ApiClient, adminPassword, buildDir, startApp, submitLogin, timeout } from './support.mjs'

const outDir = path.join(buildDir, 'screenshots')
const widths = [
  { width: 1440, height: 900 },
  { width: 375, height: 812 },
]
const uscc = '51610100MJ00000023'

let app
let orgId
let projectId
let roundId

/** The router's paths without parameters, plus the organisation, project and round details (`orgId`, `projectId`, `roundId`). */
async function routePaths(page) {
  const paths = await page.evaluate(() => {
    const router = document.querySelector('#app').__vue_app__.config.globalProperties.$router
    return router.getRoutes().map((r) => r.path)
  })
  return [...new Set(paths)]
    .filter((p) => !p.includes('pathMatch'))
    .map((p) => (p.includes(':id') ? p.replace(/:id(\([^)]*\))?/, String(idFor(p))) : p))
    .filter((p) => !p.includes(':'))
    .sort()
}

const idFor = (p) => (p.startsWith('/projects') ? projectId : p.startsWith('/selection') ? roundId : orgId)

const fileName = (p, width) => `${p === '/' ? 'home' : p.slice(1).replaceAll('/', '_')}-${width}.png`

/** Waits until the page's requests have settled and no loading mask is showing. */
async function settle(page) {
  await page.waitForLoadState('networkidle', { timeout }).catch(() => {})
  await page
    .locator('.el-loading-mask')
    .first()
    .waitFor({ state: 'hidden', timeout })
    .catch(() => {})
  await page.waitForTimeout(300) // chart and transition animations
}

describe('screenshots of every page at both widths', { timeout: 180_000 }, () => {
  before(async () => {
    app = await startApp()
    const api = await ApiClient.login(app.baseUrl, 'admin', adminPassword)
    const authority = await api.expect(201, 'POST', '/api/v1/units', {
      name: '陕西省民政厅',
      kind: 'civil_affairs',
      region_code: '610000',
      parent_id: api.session.user.unit_id,
    })
    const org = await api.expect(201, 'POST', '/api/v1/orgs', {
      name: '陕西省职工志愿服务协会',
      uscc,
      org_type: 'social_group',
      region_code: '610000',
      registration_unit_id: authority.id,
      legal_rep: '张明',
      phone: '13800002222',
      founded_on: '2019-03-01',
      business_scope: '组织职工志愿服务活动',
      service_categories: ['volunteer'],
      labour_field: true,
    })
    orgId = org.id
    const union = await api.expect(201, 'POST', '/api/v1/units', {
      name: '陕西省总工会',
      kind: 'union',
      region_code: '610000',
      parent_id: api.session.user.unit_id,
    })
    const project = await api.expect(201, 'POST', '/api/v1/projects', {
      title: '职工志愿服务进社区',
      category: 'volunteer',
      funding_unit_id: union.id,
      mode: 'purchase',
      provider_org_ids: [orgId],
      budget_fen: 12_500_000,
      region_code: '610000',
      start_on: '2024-01-01',
      end_on: '2024-12-31',
      target_groups: ['frontline_workers'],
    })
    projectId = project.id
    const round = await api.expect(201, 'POST', '/api/v1/selection-rounds', {
      title: '2024年度职工服务优秀项目评选',
      year: 2024,
      rubric: [
        { code: 'effect', name: '服务成效', max_score: 60 },
        { code: 'innovation', name: '创新特色', max_score: 40 },
      ],
      quotas: [{ category: 'volunteer', quota: 2 }],
    })
    roundId = round.id
    await mkdir(outDir, { recursive: true })
  }, { timeout: 30_000 })

  after(() => app?.stop(), { timeout: 10_000 })

  test('public pages, then every page an administrator can open', async () => {
    const { page, baseUrl } = app
    await page.goto(`${baseUrl}/login`)
    assert.equal((await submitLogin(page, 'admin', adminPassword)).status(), 200)
    await page.waitForURL(`${baseUrl}/`)
    const paths = await routePaths(page)
    assert.ok(paths.length >= 15, `only ${paths.length} routes: ${paths}`)
    const overflows = []
    for (const size of widths) {
      await page.setViewportSize(size)
      for (const p of paths) {
        await page.goto(`${baseUrl}${p}`)
        await settle(page)
        await page.screenshot({ path: path.join(outDir, fileName(p, size.width)), fullPage: true })
        const over = await page.evaluate(
          () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
        )
        if (size.width === 375 && over > 0) {
          overflows.push(`${p} by ${over} px`)
        }
        // A pager cut off inside its box hides the total and the page sizes (no page overflow shows it).
        const pager = await page.evaluate(() =>
          Math.max(
            0,
            ...[...document.querySelectorAll('.list-pagination')].flatMap((bar) => {
              const box = bar.getBoundingClientRect()
              return [...bar.children].map((part) => {
                const r = part.getBoundingClientRect()
                return Math.max(box.left - r.left, r.right - box.right)
              })
            }),
          ),
        )
        if (size.width === 375 && pager > 0) overflows.push(`${p}: the pager sticks out by ${Math.round(pager)} px`)
      }
    }
    // The login page is photographed signed out.
    await page.context().clearCookies()
    for (const size of widths) {
      await page.setViewportSize(size)
      await page.goto(`${baseUrl}/login`)
      await settle(page)
      await page.screenshot({ path: path.join(outDir, fileName('/login', size.width)), fullPage: true })
    }
    assert.deepEqual(overflows, [], 'horizontal overflow at 375 px')
    assert.deepEqual(app.pageProblems, [])
  })
})
