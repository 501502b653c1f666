// Grade evaluations (等级评估, issue #12): a civil-affairs officer builds a template in the tree
// editor (the leaves' sum checked by the server, its 422 under 评估指标), starts an evaluation
// (a conflicted expert refused under 评估专家), an expert sees 待评分 on the workbench and scores
// every leaf with the total live, and the officer finalises it: the score and the grade (SPEC
// §5.3) show and go on the organisation. Screenshot: ../build/e2e-evaluations.png.
import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import path from 'node:path'
import { adminPassword, ApiClient, buildDir, startApp, submitLogin, timeout } from './support.mjs'

const suffix = Date.now() % 100000
const orgName = `延安职工服务中心${suffix}`
const templateName = `综合评估百分制${suffix}`
const password = 'Evaluation-E2e-Passw0rd'

let app
let api
let orgId
let evaluationId

const visible = (page, selector) => page.locator(selector).filter({ visible: true })

async function loginAs(username) {
  const { page, context, baseUrl } = app
  await context.clearCookies()
  await page.goto(`${baseUrl}/login`)
  assert.equal((await submitLogin(page, username, password)).status(), 200)
  await page.waitForURL(`${baseUrl}/`)
}

async function user(username, displayName, unitId, roles, extra = {}) {
  return api.expect(201, 'POST', '/api/v1/users', { username, password, display_name: displayName, unit_id: unitId, roles, ...extra })
}

async function pick(page, selectClass, text) {
  await page.locator(`.evaluation-dialog ${selectClass}`).click()
  await visible(page, '.el-select-dropdown__item').filter({ hasText: text }).first().click()
}

describe('grade evaluations', { timeout: 100_000 }, () => {
  before(async () => {
    app = await startApp()
    api = await ApiClient.login(app.baseUrl, 'admin', adminPassword)
    const root = api.session.user.unit_id
    const authority = await api.expect(201, 'POST', '/api/v1/units', { name: `延安市民政局${suffix}`, kind: 'civil_affairs', region_code: '610000', parent_id: root })
    const org = await api.expect(201, 'POST', '/api/v1/orgs', {
      name: orgName,
      uscc: '52610100MJ00000020',
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
    await user('eval.officer', '张民政', authority.id, ['civil_affairs_officer'])
    await user('eval.expert1', '李专家', authority.id, ['expert'])
    await user('eval.expert2', '赵专家', authority.id, ['expert'])
    await user('eval.member', '王会员', authority.id, ['expert'], { org_id: orgId })
  }, { timeout: 30_000 })

  after(() => app?.stop(), { timeout: 10_000 })

  test('the officer builds a template in the tree editor', async () => {
    const { page, baseUrl } = app
    await loginAs('eval.officer')
    await page.goto(`${baseUrl}/evaluations/templates`)
    await page.locator('.templates-table').getByText('全国社会组织评估指标（1000分制）').waitFor()
    await page.getByRole('button', { name: '新建指标体系' }).click()
    const dialog = page.getByRole('dialog', { name: '新建评估指标体系' })
    await dialog.waitFor()
    await dialog.locator('input[name="name"]').fill(templateName)
    await dialog.locator('input[name="name-indicators.0"]').fill('综合评价')
    await dialog.getByRole('button', { name: '添加下级' }).click()
    await dialog.getByRole('button', { name: '添加下级' }).first().click()
    await dialog.locator('input[name="name-indicators.0.children.0"]').fill('规范管理')
    await dialog.locator('input[name="max-indicators.0.children.0"]').fill('60')
    await dialog.locator('input[name="name-indicators.0.children.1"]').fill('服务成效')
    await dialog.locator('input[name="max-indicators.0.children.1"]').fill('30')
    await dialog.locator('input[name="max-indicators.0.children.1"]').blur()
    await dialog.getByText('末级指标合计 90 分 / 总分 100 分').waitFor()
    // The leaves do not reach the full score: the server's 422 reads under 评估指标.
    const [refused] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/api/v1/evaluation-templates') && r.request().method() === 'POST'),
      dialog.getByRole('button', { name: '确定' }).click(),
    ])
    assert.equal(refused.status(), 422)
    await dialog.locator('.el-form-item.is-error').getByText('末级指标分值之和为 90，与总分 100 不符').waitFor()
    await dialog.locator('input[name="max-indicators.0.children.1"]').fill('40')
    const [created] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/api/v1/evaluation-templates') && r.request().method() === 'POST'),
      dialog.getByRole('button', { name: '确定' }).click(),
    ])
    const body = await created.json()
    assert.equal(created.status(), 201, JSON.stringify(body))
    assert.deepEqual(body.leaves.map((l) => [l.code, l.max_score]), [['1.1', 60], ['1.2', 40]])
    await page.locator('.templates-table').getByText(templateName).waitFor()
  })

  test('a conflicted expert is refused; the evaluation starts with two others', async () => {
    const { page, baseUrl } = app
    await page.goto(`${baseUrl}/evaluations`)
    await page.getByRole('button', { name: '发起评估' }).click()
    const dialog = page.getByRole('dialog', { name: '发起等级评估' })
    await dialog.waitFor()
    await dialog.getByLabel('被评估组织').fill(orgName.slice(0, 2))
    await visible(page, '.el-select-dropdown__item').filter({ hasText: orgName }).click()
    await pick(page, '.template-select', templateName)
    await pick(page, '.expert-select', '王会员')
    await pick(page, '.expert-select', '李专家')
    await dialog.locator('.el-dialog__title').click() // closes the expert dropdown
    const [refused] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/api/v1/evaluations') && r.request().method() === 'POST'),
      dialog.getByRole('button', { name: '确定' }).click(),
    ])
    assert.equal(refused.status(), 422)
    await dialog.getByText('“王会员”是被评估组织的账号，存在利益冲突，不能担任评估专家').waitFor()
    await dialog.locator('.el-tag').filter({ hasText: '王会员' }).locator('.el-tag__close').click()
    await pick(page, '.expert-select', '赵专家')
    await dialog.locator('.el-dialog__title').click() // closes the expert dropdown
    const [created] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/api/v1/evaluations') && r.request().method() === 'POST'),
      dialog.getByRole('button', { name: '确定' }).click(),
    ])
    const body = await created.json()
    assert.equal(created.status(), 201, JSON.stringify(body))
    evaluationId = body.id
    await page.waitForURL(`${baseUrl}/evaluations/${evaluationId}`)
    await page.locator('.experts-table').getByText('李专家').waitFor()
  })

  test('an expert sees 待评分 and scores every leaf with the total live', async () => {
    const { page, baseUrl } = app
    await loginAs('eval.expert1')
    const card = page.locator('.evaluation-card-awaiting')
    await card.locator('.evaluation-card-value').getByText('1', { exact: true }).waitFor({ timeout })
    await card.click()
    await page.waitForURL(`${baseUrl}/evaluations`)
    await page.locator('.evaluations-table .el-table__row').filter({ hasText: orgName }).click()
    await page.waitForURL(`${baseUrl}/evaluations/${evaluationId}/score`)
    await page.locator('input[name="score-1.1"]').fill('60')
    await page.locator('input[name="score-1.2"]').fill('35.5')
    await page.locator('input[name="score-1.2"]').blur()
    await page.locator('.total-value').getByText('95.5', { exact: true }).waitFor()
    const [saved] = await Promise.all([
      page.waitForResponse((r) => r.url().includes(`/api/v1/evaluations/${evaluationId}/scores/`)),
      page.getByRole('button', { name: '保存评分' }).click(),
    ])
    assert.equal(saved.status(), 200, JSON.stringify(await saved.json()))
    await page.getByText('已保存，合计 95.5 分').waitFor()
  })

  test('the officer finalises: the score, the grade and the organisation’s grade', async () => {
    const { page, baseUrl } = app
    const expert2 = await ApiClient.login(baseUrl, 'eval.expert2', password)
    const id = expert2.session.user.id
    await expert2.expect(200, 'PUT', `/api/v1/evaluations/${evaluationId}/scores/${id}`, { scores: { '1.1': 50, '1.2': 35 } })
    await loginAs('eval.officer')
    await page.goto(`${baseUrl}/evaluations/${evaluationId}`)
    await page.getByRole('button', { name: '确定等级' }).click()
    const [done] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith(`/api/v1/evaluations/${evaluationId}/finalize`)),
      page.locator('.el-message-box').getByRole('button', { name: '确定' }).click(),
    ])
    const body = await done.json()
    assert.equal(done.status(), 200, JSON.stringify(body))
    // (95.5 + 85) / 2 = 90.25 → 90.3, at least 5A's 90.
    assert.deepEqual([body.score, body.grade], [90.3, '5A'])
    await page.locator('.summary .score').getByText('90.3', { exact: true }).waitFor()
    await page.locator('.summary .grade').getByText('5A').waitFor()
    assert.equal(await page.getByRole('button', { name: '确定等级' }).count(), 0)
    await page.waitForTimeout(300)
    await page.screenshot({ path: path.join(buildDir, 'e2e-evaluations.png'), fullPage: true })
    const org = await api.expect(200, 'GET', `/api/v1/orgs/${orgId}`)
    assert.equal(org.grade, '5A')
    assert.equal(org.grade_valid_until, body.valid_until)
    // The organisation's page tells of the grade on its timeline.
    await page.goto(`${app.baseUrl}/orgs/${orgId}`)
    await page.getByText('等级评估定级').first().waitFor({ timeout })
    await page.getByText(`等级评估定为5A（90.3分），有效期至${body.valid_until}`).waitFor({ timeout })
  })

  test('no CSP violations or page errors', () => {
    assert.deepEqual(app.pageProblems, [])
  })
})
