// Annual reports (年检年报, issue #12): an organisation's member submits its report on the
// organisation's page (a second one for the year is refused under the year field); the
// civil-affairs officer returns it from the 年检年报 queue, the member corrects and resubmits it,
// the officer reviews it 基本合格 (a comment required); the overdue tab names the organisation that
// has not reported; the officer records a penalty; logged out, the public disclosure shows the
// result and the penalty without figures or people. Screenshot: ../build/e2e-annual-reports.png.
import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import path from 'node:path'
import { adminPassword, ApiClient, buildDir, startApp, submitLogin, timeout } from './support.mjs'

const suffix = Date.now() % 100000
const orgName = `延安职工服务中心${suffix}`
const silentName = `延安社会工作协会${suffix}`
const uscc = '52610100MJ0000001W'
const password = 'Annual-E2e-Passw0rd'
const year = new Date().getFullYear() - 1

let app
let api
let orgId

const visible = (page, selector) => page.locator(selector).filter({ visible: true })

async function loginAs(username) {
  const { page, context, baseUrl } = app
  await context.clearCookies()
  await page.goto(`${baseUrl}/login`)
  assert.equal((await submitLogin(page, username, password)).status(), 200)
  await page.waitForURL(`${baseUrl}/`)
}

function org(name, code, unitId) {
  return api.expect(201, 'POST', '/api/v1/orgs', {
    name,
    uscc: code,
    org_type: 'social_service',
    region_code: '610000',
    registration_unit_id: unitId,
    legal_rep: '王小明',
    phone: '13912345678',
    founded_on: '2016-04-01',
    business_scope: '职工技能培训',
    service_categories: ['skills'],
    labour_field: true,
  })
}

async function fillReport(dialog, activities) {
  for (const [name, value] of [
    ['income', '120000'],
    ['expense', '98000.5'],
    ['net_assets', '56000'],
    ['gov_purchase_income', '40000'],
  ]) {
    await dialog.locator(`input[name="${name}"]`).fill(value)
  }
  await dialog.getByLabel('年度工作及活动情况').fill(activities)
}

describe('annual reports', { timeout: 110_000 }, () => {
  before(async () => {
    app = await startApp()
    api = await ApiClient.login(app.baseUrl, 'admin', adminPassword)
    const root = api.session.user.unit_id
    const authority = await api.expect(201, 'POST', '/api/v1/units', { name: `延安市民政局${suffix}`, kind: 'civil_affairs', region_code: '610000', parent_id: root })
    const union = await api.expect(201, 'POST', '/api/v1/units', { name: `延安市总工会${suffix}`, kind: 'union', region_code: '610000', parent_id: root })
    orgId = (await org(orgName, uscc, authority.id)).id
    await org(silentName, '52610100MJ00000020', authority.id)
    for (const [username, unitId, role, extra] of [
      ['annual.officer', authority.id, 'civil_affairs_officer', {}],
      ['annual.member', union.id, 'org_member', { org_id: orgId }],
    ]) {
      await api.expect(201, 'POST', '/api/v1/users', { username, password, display_name: role === 'org_member' ? '李会员' : '张民政', unit_id: unitId, roles: [role], ...extra })
    }
  }, { timeout: 30_000 })

  after(() => app?.stop(), { timeout: 10_000 })

  test('the member submits the report on its organisation page, once per year', async () => {
    const { page, baseUrl } = app
    await loginAs('annual.member')
    await page.goto(`${baseUrl}/orgs/${orgId}`)
    const section = page.locator('.org-annual')
    await section.getByText('暂无年度报告').waitFor()
    for (const attempt of [1, 2]) {
      await section.getByRole('button', { name: '报送年度报告' }).click()
      const dialog = page.getByRole('dialog', { name: '报送年度报告' })
      await dialog.waitFor()
      await fillReport(dialog, '开展职工技能培训 12 期，服务 860 人次')
      const [sent] = await Promise.all([
        page.waitForResponse((r) => r.url().endsWith(`/api/v1/orgs/${orgId}/annual-reports`) && r.request().method() === 'POST'),
        dialog.getByRole('button', { name: '确定' }).click(),
      ])
      if (attempt === 1) {
        const body = await sent.json()
        assert.equal(sent.status(), 201, JSON.stringify(body))
        assert.deepEqual([body.year, body.income_fen, body.expense_fen, body.status], [year, 12000000, 9800050, 'submitted'])
        await dialog.waitFor({ state: 'hidden' })
        await section.locator('.report-status').getByText('待审核').waitFor()
      } else {
        assert.equal(sent.status(), 409)
        await dialog.locator('.el-form-item__error').getByText(`该组织已报送${year}年度报告，不能重复报送`).waitFor()
        await dialog.getByRole('button', { name: '取消' }).click()
      }
    }
  })

  test('the officer returns it from the 年检年报 queue', async () => {
    const { page, baseUrl } = app
    await loginAs('annual.officer')
    await page.locator('.side-menu').getByText('社会组织', { exact: true }).click()
    await page.locator('.side-menu').getByText('年检年报', { exact: true }).click()
    await page.waitForURL(`${baseUrl}/orgs/annual-reports`)
    const row = page.locator('.annual-table .el-table__row').filter({ hasText: orgName })
    await row.getByText('待审核').waitFor({ timeout })
    await row.getByRole('button', { name: '退回修改' }).click()
    const dialog = page.getByRole('dialog', { name: '退回年度报告' })
    await dialog.getByRole('button', { name: '确定' }).click()
    await dialog.getByText('请填写意见').waitFor()
    await dialog.getByLabel('退回意见').fill('请补充政府购买服务项目明细')
    const [returned] = await Promise.all([page.waitForResponse((r) => r.url().endsWith('/return')), dialog.getByRole('button', { name: '确定' }).click()])
    assert.equal(returned.status(), 200)
    await dialog.waitFor({ state: 'hidden' })
    await page.getByText('暂无年度报告').waitFor() // the queue shows submitted reports
  })

  test('the member corrects and resubmits it', async () => {
    const { page, baseUrl } = app
    await loginAs('annual.member')
    await page.goto(`${baseUrl}/orgs/${orgId}`)
    const section = page.locator('.org-annual')
    await section.locator('.report-status').getByText('已退回').waitFor()
    await section.getByRole('button', { name: '修改' }).click()
    const dialog = page.getByRole('dialog', { name: '修改年度报告' })
    await dialog.getByText('请补充政府购买服务项目明细', { exact: false }).waitFor()
    await dialog.getByLabel('年度工作及活动情况').fill('开展职工技能培训 12 期；承接市总工会购买服务项目 2 个')
    const [patched] = await Promise.all([page.waitForResponse((r) => r.request().method() === 'PATCH'), dialog.getByRole('button', { name: '确定' }).click()])
    assert.equal(patched.status(), 200)
    await dialog.waitFor({ state: 'hidden' })
    const [resubmitted] = await Promise.all([page.waitForResponse((r) => r.url().endsWith('/submit')), section.getByRole('button', { name: '重新报送' }).click()])
    assert.equal(resubmitted.status(), 200)
    await section.locator('.report-status').getByText('待审核').waitFor()
  })

  test('the officer reviews it 基本合格 with a comment', async () => {
    const { page, baseUrl } = app
    await loginAs('annual.officer')
    await page.goto(`${baseUrl}/orgs/annual-reports`)
    const row = page.locator('.annual-table .el-table__row').filter({ hasText: orgName })
    await row.getByRole('button', { name: '审核' }).click()
    const dialog = page.getByRole('dialog', { name: '审核年度报告' })
    await dialog.getByText('基本合格', { exact: true }).click()
    await dialog.getByRole('button', { name: '确定' }).click()
    await dialog.getByText('请填写意见').waitFor()
    await dialog.getByLabel('审核意见').fill('财务管理制度有待完善')
    const [reviewed] = await Promise.all([page.waitForResponse((r) => r.url().endsWith('/review')), dialog.getByRole('button', { name: '确定' }).click()])
    assert.equal(reviewed.status(), 200)
    assert.equal((await reviewed.json()).result, 'basic_pass')
    await page.goto(`${baseUrl}/orgs/annual-reports?status=reviewed`)
    await page.locator('.annual-table .el-table__row').filter({ hasText: orgName }).locator('.report-status').getByText('基本合格').waitFor()
  })

  test('the overdue tab names the organisation that has not reported', async () => {
    const { page } = app
    const overdueOf = (y) => (r) => new URL(r.url()).pathname === '/api/v1/annual-reports/overdue' && new URL(r.url()).searchParams.get('year') === y
    const [first] = await Promise.all([page.waitForResponse(overdueOf(null)), page.getByRole('tab', { name: '逾期未报' }).click()])
    assert.equal(first.status(), 200)
    assert.equal((await first.json()).year, year, 'the latest year due')
    const table = page.locator('.overdue-table')
    await table.getByText(silentName).waitFor()
    assert.equal(await table.getByText(orgName).count(), 0)
    await page.getByText(`${year} 年度报告应于 ${year + 1}-06-30 前报送`).waitFor()
    // The year before: neither reported.
    const [earlier] = await Promise.all([
      page.waitForResponse(overdueOf(String(year - 1))),
      (async () => {
        await page.locator('.overdue .el-form .el-select').click()
        await visible(page, '.el-select-dropdown__item').filter({ hasText: String(year - 1) }).first().click()
      })(),
    ])
    assert.equal((await earlier.json()).total, 2)
    await table.getByText(orgName).waitFor()
  })

  test('the officer records a penalty on the organisation page', async () => {
    const { page, baseUrl } = app
    await page.goto(`${baseUrl}/orgs/${orgId}`)
    const section = page.locator('.org-penalties')
    await section.getByText('暂无行政处罚记录').waitFor()
    await section.getByRole('button', { name: '登记行政处罚' }).click()
    const dialog = page.getByRole('dialog', { name: '登记行政处罚' })
    await dialog.locator('.el-select').click()
    await visible(page, '.el-select-dropdown__item').filter({ hasText: '罚款' }).click()
    await dialog.getByLabel('违法事实及依据').fill('违规收取会费')
    await dialog.getByRole('button', { name: '确定' }).click()
    await dialog.getByText('罚款须填写金额').waitFor()
    await dialog.locator('input[name="amount"]').fill('5000')
    await dialog.getByLabel('处罚决定书文号').fill('延民罚〔2025〕3号')
    const [created] = await Promise.all([page.waitForResponse((r) => r.url().endsWith(`/api/v1/orgs/${orgId}/penalties`) && r.request().method() === 'POST'), dialog.getByRole('button', { name: '确定' }).click()])
    assert.equal(created.status(), 201, JSON.stringify(await created.json()))
    await section.locator('.penalty-table').getByText('违规收取会费').waitFor()
    await page.waitForTimeout(300)
    await page.screenshot({ path: path.join(buildDir, 'e2e-annual-reports.png'), fullPage: true })
  })

  test('the public disclosure shows the result and the penalty, without figures or people', async () => {
    const { page, context, baseUrl } = app
    await context.clearCookies()
    await page.goto(`${baseUrl}/public/orgs`)
    await page.getByPlaceholder('社会组织名称或统一社会信用代码').fill(uscc)
    const [found] = await Promise.all([page.waitForResponse((r) => r.url().endsWith(`/api/public/orgs/${uscc}`)), page.getByRole('button', { name: '查询' }).click()])
    assert.equal(found.status(), 200)
    const result = page.locator('.disclosure .annual-result')
    await result.getByText('基本合格').waitFor({ timeout })
    assert.match(await result.innerText(), new RegExp(String(year)))
    const penalty = await page.locator('.disclosure .penalty').innerText()
    assert.match(penalty, /罚款 ¥5,000\.00/)
    assert.match(penalty, /违规收取会费/)
    const text = await page.locator('.disclosure').innerText()
    assert.doesNotMatch(text, /张民政|李会员|120,000/, 'no people or figures in public')
  })

  test('no CSP violations or page errors', () => {
    assert.deepEqual(app.pageProblems, [])
  })
})
