// The work mechanism (工作机制, issue #13): an officer of 陕西省民政厅 holds the joint meeting and
// records its minutes and adds a decision; the first decision, past its deadline, shows 已逾期 on the workbench card and in
// red on 督办事项; the owner organisation's member reports it done (a note is required) and it
// shows 已办结; the meeting and the deadline appear on 工作日历; a quarterly template is made on
// 工作机制模板. Screenshot: ../build/e2e-mechanism-calendar.png.
import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import path from 'node:path'
import { adminPassword, ApiClient, buildDir, startApp, submitLogin } from './support.mjs'

const suffix = Date.now() % 100000
const password = 'Mechanism-E2e-Passw0rd'
const meetingTitle = `省级社会组织乡村振兴合力团联席会议${suffix}`
const taskText = `报送消费帮扶台账${suffix}`

let app
let api
let unitId
let meetingId
let taskId

/** The GB 32100 check character of a 17-character code. */
function uscc(first17) {
  const alphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY'
  const weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
  const sum = [...first17].reduce((s, c, i) => s + alphabet.indexOf(c) * weights[i], 0)
  return first17 + alphabet[(31 - (sum % 31)) % 31]
}

async function loginAs(username) {
  const { page, context, baseUrl } = app
  await context.clearCookies()
  await page.goto(`${baseUrl}/login`)
  assert.equal((await submitLogin(page, username, password)).status(), 200)
  await page.waitForURL(`${baseUrl}/`)
}

const pad = (n) => String(n).padStart(2, '0')
const now = new Date()
const thisMonth = `${now.getFullYear()}-${pad(now.getMonth() + 1)}`

describe('work mechanism', { timeout: 90_000 }, () => {
  before(async () => {
    app = await startApp()
    api = await ApiClient.login(app.baseUrl, 'admin', adminPassword)
    const root = api.session.user.unit_id
    unitId = (await api.expect(201, 'POST', '/api/v1/units', { name: `陕西省民政厅${suffix}`, kind: 'civil_affairs', region_code: '610000', parent_id: root })).id
    const org = await api.expect(201, 'POST', '/api/v1/orgs', {
      name: `陕西省慈善协会${suffix}`,
      uscc: uscc('52610000MJ0000001'),
      org_type: 'social_service',
      region_code: '610000',
      registration_unit_id: unitId,
      legal_rep: '王伟',
      phone: '13912345678',
      founded_on: '2016-04-01',
      business_scope: '乡村振兴',
      service_categories: ['skills'],
      labour_field: true,
    })
    await api.expect(201, 'POST', '/api/v1/users', { username: 'mech.officer', password, display_name: '张民政', unit_id: unitId, roles: ['civil_affairs_officer'] })
    await api.expect(201, 'POST', '/api/v1/users', { username: 'mech.member', password, display_name: '李协会', unit_id: unitId, roles: ['org_member'], org_id: org.id })
    const meeting = await api.expect(201, 'POST', '/api/v1/meetings', {
      title: meetingTitle,
      kind: 'joint_meeting',
      unit_id: unitId,
      starts_at: `${thisMonth}-01T09:30:00`,
      attendees: [{ name: '陕西省民政厅社会组织管理局' }, { org_id: org.id, name: org.name }],
    })
    meetingId = meeting.id
    // Due on the 1st of this month: overdue from the 2nd on (the test runs on any day but the 1st, else it is due today).
    const deadline = now.getDate() > 1 ? `${thisMonth}-01` : `${now.getFullYear() - 1}-12-31`
    taskId = (await api.expect(201, 'POST', `/api/v1/meetings/${meetingId}/decisions`, { text: taskText, owner_org_id: org.id, deadline })).id
  }, { timeout: 30_000 })

  after(() => app?.stop(), { timeout: 10_000 })

  test('the officer records the minutes and sees the calendar', async () => {
    const { page, baseUrl } = app
    await loginAs('mech.officer')
    await page.goto(`${baseUrl}/mechanism/meetings/${meetingId}`)
    await page.getByText('陕西省民政厅社会组织管理局').waitFor()
    await page.locator('textarea[name="minutes"]').fill('会议议定五项重点工作')
    const [saved] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith(`/api/v1/meetings/${meetingId}/minutes`)),
      page.getByRole('button', { name: '保存纪要' }).click(),
    ])
    assert.equal(saved.status(), 200)
    await page.locator('.tasks-table').getByText('已逾期').waitFor()
    await page.getByRole('button', { name: '新增议定事项' }).click()
    const decision = page.getByRole('dialog', { name: '新增议定事项' })
    await decision.getByLabel('督办事项').fill('筹备年终总结会')
    await decision.getByLabel('责任人或责任单位名称').fill('陕西社会组织服务中心')
    await decision.getByLabel('办理时限').fill('2099-12-31')
    await decision.getByLabel('办理时限').press('Enter')
    const [added] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith(`/api/v1/meetings/${meetingId}/decisions`)),
      decision.getByRole('button', { name: '确定' }).click(),
    ])
    assert.equal(added.status(), 201, await added.text())
    await page.locator('.tasks-table').getByText('陕西社会组织服务中心').waitFor()

    await page.goto(`${baseUrl}/mechanism/calendar`)
    await page.locator('.chip.meeting').filter({ hasText: meetingTitle }).waitFor()
    await page.locator('.chip.deadline.overdue').filter({ hasText: taskText }).waitFor()
    await page.screenshot({ path: path.join(buildDir, 'e2e-mechanism-calendar.png'), fullPage: true })

    await page.goto(`${baseUrl}/mechanism/templates`)
    await page.getByText('暂无工作机制模板').waitFor()
    await page.getByRole('button', { name: '新建模板' }).click()
    const dialog = page.getByRole('dialog', { name: '新建模板' })
    await dialog.getByLabel('模板名称').fill('季度调度')
    await dialog.getByLabel('开始日期').fill(`${now.getFullYear()}-01-01`)
    await dialog.getByLabel('开始日期').press('Enter')
    const [created] = await Promise.all([
      page.waitForResponse((r) => new URL(r.url()).pathname === '/api/v1/mechanism-templates' && r.request().method() === 'POST'),
      dialog.getByRole('button', { name: '确定' }).click(),
    ])
    assert.equal(created.status(), 201, await created.text())
    await page.locator('.templates-table').getByText('{period}工作调度会').waitFor()
  })

  test('the owner organisation reports the overdue task done', async () => {
    const { page, baseUrl } = app
    await loginAs('mech.member')
    const card = page.locator('.mechanism-cards')
    await card.getByText('已逾期督办事项').waitFor()
    await card.locator('.mechanism-overdue').getByText('1', { exact: true }).waitFor()
    await page.goto(`${baseUrl}/mechanism/tasks`)
    const row = page.locator('.tasks-table .el-table__row').filter({ hasText: taskText })
    await row.getByText('已逾期').waitFor()
    await row.getByRole('link', { name: taskText }).click()
    await page.waitForURL(`${baseUrl}/mechanism/tasks/${taskId}`)
    await page.locator('.progress-form').getByText('已办结').click()
    const [refused] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith(`/api/v1/supervised-tasks/${taskId}/progress`)),
      page.getByRole('button', { name: '报告进展' }).click(),
    ])
    assert.equal(refused.status(), 422)
    await page.getByText('办结时须填写办理情况').waitFor()
    await page.locator('textarea[name="note"]').fill('台账已报送省民政厅')
    const [done] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith(`/api/v1/supervised-tasks/${taskId}/progress`)),
      page.getByRole('button', { name: '报告进展' }).click(),
    ])
    assert.equal(done.status(), 200, await done.text())
    await page.locator('.task-status').getByText('已办结').waitFor()
    await page.locator('.progress-log').getByText('台账已报送省民政厅').waitFor()
  })
})
