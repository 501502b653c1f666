// Credit lists (信用名单, issue #9): a civil-affairs officer enters an organisation on 活动异常名录
// through the 信用名单 page (OrgPicker); linking it is then refused with a 422 naming the entry; its
// member objects on the organisation's 信用记录; the officer accepts the objection from the entry's
// drawer, which removes the entry; logged out, the public disclosure shows the entry and its
// removal. Screenshot: ../build/e2e-credit.png.
import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import path from 'node:path'
import { adminPassword, ApiClient, buildDir, startApp, submitLogin, timeout } from './support.mjs'

const suffix = Date.now() % 100000
const orgName = `渭南职工服务中心${suffix}`
const uscc = '52610100MJ0000001W'
const password = 'Credit-E2e-Passw0rd'
const reason = '未按规定报送2023年度工作报告'

let app
let api
let orgId
let unionId

const visible = (page, selector) => page.locator(selector).filter({ visible: true })

async function loginAs(username) {
  const { page, context, baseUrl } = app
  await context.clearCookies()
  await page.goto(`${baseUrl}/login`)
  assert.equal((await submitLogin(page, username, password)).status(), 200)
  await page.waitForURL(`${baseUrl}/`)
}

async function user(username, unitId, role, extra = {}) {
  await api.expect(201, 'POST', '/api/v1/users', {
    username,
    password,
    display_name: username === 'credit.officer' ? '张民政' : '李会员',
    unit_id: unitId,
    roles: [role],
    ...extra,
  })
}

describe('credit lists', { timeout: 85_000 }, () => {
  before(async () => {
    app = await startApp()
    api = await ApiClient.login(app.baseUrl, 'admin', adminPassword)
    const root = api.session.user.unit_id
    const authority = await api.expect(201, 'POST', '/api/v1/units', {
      name: `陕西省民政厅${suffix}`,
      kind: 'civil_affairs',
      region_code: '610000',
      parent_id: root,
    })
    unionId = (await api.expect(201, 'POST', '/api/v1/units', { name: `陕西省总工会${suffix}`, kind: 'union', region_code: '610000', parent_id: root })).id
    const org = await api.expect(201, 'POST', '/api/v1/orgs', {
      name: orgName,
      uscc,
      org_type: 'social_service',
      region_code: '610000',
      registration_unit_id: authority.id,
      legal_rep: '王小明',
      phone: '13912345678',
      founded_on: '2016-04-01',
      business_scope: '职工技能培训',
      service_categories: ['skills'],
      labour_field: true,
    })
    orgId = org.id
    await user('credit.officer', authority.id, 'civil_affairs_officer')
    await user('credit.member', unionId, 'org_member', { org_id: orgId })
  }, { timeout: 30_000 })

  after(() => app?.stop(), { timeout: 10_000 })

  test('an officer enters the organisation on 活动异常名录 from 信用名单', async () => {
    const { page, baseUrl } = app
    await loginAs('credit.officer')
    await page.locator('.side-menu').getByText('社会组织', { exact: true }).click()
    const [listed] = await Promise.all([
      page.waitForResponse((r) => new URL(r.url()).pathname === '/api/v1/credit-entries'),
      page.locator('.side-menu').getByText('信用名单', { exact: true }).click(),
    ])
    assert.equal(listed.status(), 200)
    await page.waitForURL(`${baseUrl}/orgs/credit`)
    await page.getByText('暂无信用名单记录').waitFor()

    await page.getByRole('button', { name: '列入名单' }).click()
    const dialog = page.getByRole('dialog', { name: '列入信用名单' })
    await dialog.waitFor()
    await dialog.getByLabel('组织名称').fill(orgName.slice(0, 2))
    await visible(page, '.el-select-dropdown__item').filter({ hasText: orgName }).click()
    assert.equal(await dialog.locator('.el-radio.is-checked').innerText(), '活动异常名录')
    await dialog.getByLabel('列入原因').fill(reason)
    // A date in the future is refused by the server too; the picker offers none, so type one.
    await dialog.getByLabel('列入日期').fill('2024-01-15')
    await dialog.getByLabel('列入日期').press('Enter')
    const [created] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith(`/api/v1/orgs/${orgId}/credit-entries`) && r.request().method() === 'POST'),
      dialog.getByRole('button', { name: '确定' }).click(),
    ])
    const body = await created.json()
    assert.equal(created.status(), 201, JSON.stringify(body))
    assert.deepEqual({ list: body.list, entered_on: body.entered_on, reason: body.reason }, { list: 'abnormal', entered_on: '2024-01-15', reason })
    await dialog.waitFor({ state: 'hidden' })
    const row = page.locator('.credit-table .el-table__row').filter({ hasText: orgName })
    await row.getByText('在列').waitFor()
    await row.locator('.credit-list').getByText('活动异常名录').waitFor()

    // Entering it again on the same list is a conflict, worded under the dialog.
    await page.getByRole('button', { name: '列入名单' }).click()
    await dialog.waitFor()
    await dialog.getByLabel('组织名称').fill(orgName.slice(0, 2))
    await visible(page, '.el-select-dropdown__item').filter({ hasText: orgName }).click()
    await dialog.getByLabel('列入原因').fill('重复')
    await dialog.getByRole('button', { name: '确定' }).click()
    await dialog.getByText('该组织已于2024-01-15列入活动异常名录，不能重复列入').waitFor()
    await dialog.getByRole('button', { name: '取消' }).click()
  })

  test('linking the listed organisation is refused, naming the entry', async () => {
    const refused = await api.request('POST', `/api/v1/units/${unionId}/org-links`, { org_id: orgId })
    assert.equal(refused.status, 422)
    assert.equal(refused.body.error.details[0].field, 'org_id')
    assert.equal(refused.body.error.message, `“${orgName}”已于2024-01-15列入活动异常名录：${reason}`)
  })

  test('the member objects on the organisation’s 信用记录', async () => {
    const { page, baseUrl } = app
    await loginAs('credit.member')
    await page.goto(`${baseUrl}/orgs/${orgId}`)
    const record = page.locator('.org-credit')
    await record.getByText(reason, { exact: false }).waitFor()
    await record.getByRole('button', { name: '提出异议' }).click()
    const dialog = page.getByRole('dialog', { name: '对信用名单记录提出异议' })
    await dialog.waitFor()
    await dialog.getByLabel('异议内容').fill('我会已于2024年1月10日报送年度工作报告，附回执')
    const [filed] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/objections') && r.request().method() === 'POST'),
      dialog.getByRole('button', { name: '提交异议' }).click(),
    ])
    assert.equal(filed.status(), 201, JSON.stringify(await filed.json()))
    await dialog.waitFor({ state: 'hidden' })
    await record.locator('.objection-status').getByText('待答复').waitFor()
    assert.equal(await record.getByRole('button', { name: '提出异议' }).count(), 0, 'one open objection at a time')
    assert.equal(await record.getByRole('button', { name: '移出' }).count(), 0, 'members do not remove')
  })

  test('the officer accepts the objection, which removes the entry', async () => {
    const { page, baseUrl } = app
    await loginAs('credit.officer')
    await page.goto(`${baseUrl}/orgs/credit?open_objection=true`)
    const row = page.locator('.credit-table .el-table__row').filter({ hasText: orgName })
    await row.locator('.open-objections').waitFor()
    await row.getByRole('button', { name: '详情' }).click()
    const drawer = page.locator('.credit-entry-drawer')
    await drawer.getByText('我会已于2024年1月10日报送年度工作报告', { exact: false }).waitFor()
    await drawer.getByRole('button', { name: '答复' }).click()
    const dialog = page.getByRole('dialog', { name: '答复异议' })
    await dialog.waitFor()
    await dialog.getByText('异议成立，移出名单', { exact: true }).click()
    await dialog.getByText('答复意见作为移出原因公开', { exact: false }).waitFor()
    await dialog.getByLabel('答复意见').fill('经核实，已按时报送，予以移出')
    const [answered] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/answer')),
      dialog.getByRole('button', { name: '确定' }).click(),
    ])
    assert.equal(answered.status(), 200, JSON.stringify(await answered.json()))
    assert.equal((await answered.json()).status, 'accepted')
    await dialog.waitFor({ state: 'hidden' })
    await drawer.getByText('已移出').first().waitFor()
    await drawer.locator('.objection-status').getByText('异议成立（已移出）').waitFor()
    await page.waitForTimeout(400)
    await page.screenshot({ path: path.join(buildDir, 'e2e-credit.png'), fullPage: true })
    await drawer.locator('.el-drawer__close-btn').click()
    await page.goto(`${baseUrl}/orgs/credit`)
    await page.locator('.credit-table .el-table__row').filter({ hasText: orgName }).getByText('已移出').waitFor()
  })

  test('the public disclosure shows the entry and its removal, without logging in', async () => {
    const { page, context, baseUrl } = app
    await context.clearCookies()
    await page.goto(`${baseUrl}/public/orgs`)
    await page.getByPlaceholder('社会组织名称或统一社会信用代码').fill(uscc)
    const [found] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith(`/api/public/orgs/${uscc}`)),
      page.getByRole('button', { name: '查询' }).click(),
    ])
    assert.equal(found.status(), 200)
    const entry = page.locator('.disclosure .credit-entry')
    await entry.getByText('活动异常名录').waitFor({ timeout })
    const text = await entry.innerText()
    assert.match(text, /2024-01-15/)
    assert.match(text, new RegExp(reason))
    assert.match(text, /经核实，已按时报送，予以移出/)
    assert.doesNotMatch(text, /张民政|李会员/, 'no people in public')
  })

  test('no CSP violations or page errors', () => {
    assert.deepEqual(app.pageProblems, [])
  })
})
