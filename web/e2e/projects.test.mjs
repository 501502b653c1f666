// Service projects (购买服务项目, issue #9): admin creates a project through the 项目管理 dialog,
// publishes, contracts it (the amount typed in 元 arrives in fen) and starts it; reports an output
// and reverses it with a corrected entry (the totals follow, the reversed row struck through); adds
// a milestone and marks it done; schedules a payment (one past the limit reads the server's 422
// under its field); uploads a small PDF, sees its SHA-256 and downloads it; the timeline names every
// step. The workbench shows 待验收项目 (opening the list filtered to 实施中) and this month's
// outputs. Contracting a project whose provider is on 活动异常名录 reads the 422 naming the entry in
// the dialog. The provider's member sees the projects but no create, edit or status buttons.
// Screenshots: ../build/e2e-projects.png, ../build/e2e-projects-outputs.png.
import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { createHash } from 'node:crypto'
import path from 'node:path'
import { adminPassword, ApiClient, buildDir, startApp, submitLogin, timeout } from './support.mjs'

const suffix = Date.now() % 100000
const title = `新就业形态劳动者技能提升${suffix}`
const unionName = `陕西省总工会${suffix}`
const providerName = `秦岭职工服务中心${suffix}`
const listedName = `渭北职工互助中心${suffix}`
const listedReason = '未按规定报送2023年度工作报告'
const memberPassword = 'Project-E2e-Passw0rd'
const pdf = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n')
/** Today in Asia/Shanghai, the server's calendar. */
const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date())
const year = today.slice(0, 4)

let app
let api
let authorityId
let unionId
let providerId
let listedId
let projectId

/** The popper items of the open dropdown or cascader (poppers live under body). */
const visible = (page, selector) => page.locator(selector).filter({ visible: true })
const isPost = (r, suffixPath) => r.request().method() === 'POST' && new URL(r.url()).pathname.endsWith(suffixPath)

async function org(name, uscc) {
  return api.expect(201, 'POST', '/api/v1/orgs', {
    name,
    uscc,
    org_type: 'social_service',
    region_code: '610000',
    registration_unit_id: authorityId,
    legal_rep: '王小明',
    phone: '13912345678',
    founded_on: '2016-04-01',
    business_scope: '职工技能培训',
    service_categories: ['skills'],
    labour_field: true,
  })
}

/** A project made through the API, moved along `steps` (contracted today for 1 000 元). */
async function apiProject(name, providers, endOn, steps) {
  const project = await api.expect(201, 'POST', '/api/v1/projects', {
    title: name,
    category: 'health',
    funding_unit_id: unionId,
    mode: 'cooperation',
    provider_org_ids: providers,
    budget_fen: 100_000,
    region_code: '610000',
    start_on: `${year}-01-01`,
    end_on: endOn,
  })
  for (const to of steps) {
    const body = to === 'contracted' ? { to, contract_fen: 100_000, contracted_on: today } : { to }
    await api.expect(200, 'POST', `/api/v1/projects/${project.id}/transitions`, body)
  }
  return project
}

async function loginAs(username, password) {
  const { page, context, baseUrl } = app
  await context.clearCookies()
  await page.goto(`${baseUrl}/login`)
  assert.equal((await submitLogin(page, username, password)).status(), 200)
  await page.waitForURL(`${baseUrl}/`)
}

/** Clicks the dialog's confirm button and resolves with the answer to the request it sends. */
async function confirmDialog(dialog, matcher, button = '确定') {
  const [response] = await Promise.all([
    dialog.page().waitForResponse(matcher),
    dialog.getByRole('button', { name: button, exact: true }).click(),
  ])
  return { response, body: await response.json() }
}

async function openTab(page, name) {
  await page.getByRole('tab', { name, exact: true }).click()
}

/** Moves the shown project along one lifecycle step through its dialog. */
async function step(page, button, dialogTitle, expectedStatus, fill = async () => {}) {
  await page.getByRole('button', { name: button, exact: true }).click()
  const dialog = page.getByRole('dialog', { name: dialogTitle })
  await dialog.waitFor()
  await fill(dialog)
  const { response, body } = await confirmDialog(dialog, (r) => isPost(r, `/projects/${projectId}/transitions`))
  assert.equal(response.status(), 200, JSON.stringify(body))
  assert.equal(body.status, expectedStatus)
  await dialog.waitFor({ state: 'hidden' })
  return body
}

describe('service projects', { timeout: 88_000 }, () => {
  before(async () => {
    app = await startApp()
    api = await ApiClient.login(app.baseUrl, 'admin', adminPassword)
    const root = api.session.user.unit_id
    authorityId = (await api.expect(201, 'POST', '/api/v1/units', { name: `陕西省民政厅${suffix}`, kind: 'civil_affairs', region_code: '610000', parent_id: root })).id
    unionId = (await api.expect(201, 'POST', '/api/v1/units', { name: unionName, kind: 'union', region_code: '610000', parent_id: root })).id
    providerId = (await org(providerName, '52610100MJ0000001W')).id
    listedId = (await org(listedName, '52610100MJ00000020')).id
    await api.expect(201, 'POST', `/api/v1/orgs/${listedId}/credit-entries`, { list: 'abnormal', reason: listedReason, entered_on: '2024-01-15' })
    await api.expect(201, 'POST', '/api/v1/users', {
      username: 'project.member',
      password: memberPassword,
      display_name: '李会员',
      unit_id: unionId,
      roles: ['org_member'],
      org_id: providerId,
    })
  }, { timeout: 30_000 })

  after(() => app?.stop(), { timeout: 10_000 })

  test('admin creates a project through the 项目管理 dialog', async () => {
    const { page, baseUrl } = app
    await loginAs('admin', adminPassword)
    const [listed] = await Promise.all([
      page.waitForResponse((r) => new URL(r.url()).pathname === '/api/v1/projects' && r.request().method() === 'GET'),
      page.locator('.side-menu').getByText('项目管理', { exact: true }).click(),
    ])
    assert.equal(listed.status(), 200)
    await page.waitForURL(`${baseUrl}/projects`)
    await page.getByText('暂无购买服务项目').waitFor()

    await page.getByRole('button', { name: '新建项目' }).click()
    const dialog = page.getByRole('dialog', { name: '新建购买服务项目' })
    await dialog.waitFor()
    await dialog.getByLabel('项目名称').fill(title)
    await dialog.getByLabel('服务类别').click({ force: true })
    await visible(page, '.el-select-dropdown__item').filter({ hasText: '新就业形态劳动者服务类' }).click()
    await dialog.getByLabel('出资单位').click()
    await dialog.getByLabel('出资单位').fill('总工会')
    await visible(page, '.el-select-dropdown__item').filter({ hasText: unionName }).click()
    assert.equal(await dialog.locator('.el-radio.is-checked').innerText(), '购买服务')
    await dialog.getByLabel('承接组织').click({ force: true })
    await dialog.getByLabel('承接组织').fill('秦岭')
    await visible(page, '.el-select-dropdown__item').filter({ hasText: providerName }).click()
    await dialog.locator('.el-dialog__header').click()
    await dialog.getByLabel('预算金额（元）').fill('500000.5')
    await dialog.locator('.el-cascader').click()
    await visible(page, '.el-cascader-node').filter({ hasText: '全国' }).click()
    await visible(page, '.el-cascader-node').filter({ hasText: '陕西省' }).locator('.el-radio').click()
    await dialog.locator('.el-dialog__header').click()
    for (const [label, date] of [['开始日期', `${year}-01-01`], ['结束日期', `${year}-12-31`]]) {
      await dialog.getByLabel(label).fill(date)
      await dialog.getByLabel(label).press('Enter')
    }
    await dialog.getByLabel('服务对象').click({ force: true })
    await visible(page, '.el-select-dropdown__item').filter({ hasText: '新就业形态劳动者' }).click()
    await visible(page, '.el-select-dropdown__item').filter({ hasText: '环卫职工' }).click()
    await dialog.locator('.el-dialog__header').click()
    await dialog.getByLabel('项目简介').fill('为快递员、外卖骑手开展职业技能培训')
    const { response, body } = await confirmDialog(dialog, (r) => isPost(r, '/api/v1/projects'))
    assert.equal(response.status(), 201, JSON.stringify(body))
    assert.deepEqual(
      { category: body.category, unit: body.funding_unit_id, mode: body.mode, providers: body.provider_org_ids, budget: body.budget_fen, region: body.region_code, status: body.status },
      { category: 'new_employment', unit: unionId, mode: 'purchase', providers: [providerId], budget: 50_000_050, region: '610000', status: 'draft' },
    )
    assert.deepEqual([...body.target_groups].sort(), ['new_employment_workers', 'sanitation_workers'])
    projectId = body.id
    await page.waitForURL(`${baseUrl}/projects/${projectId}`)
    await page.locator('.project-head').getByText(title).waitFor()
    await page.locator('.project-head .project-status').getByText('草稿').waitFor()
    await page.locator('.project-overview').getByText('¥500,000.50（¥50万元）').waitFor()
  })

  test('publish, contract (元 → fen) and start the project', async () => {
    const { page } = app
    await step(page, '发布', '发布项目', 'published')
    await page.locator('.project-head .project-status').getByText('已发布').waitFor()
    const contracted = await step(page, '签约', '项目签约', 'contracted', async (dialog) => {
      assert.equal(await dialog.getByLabel('签约日期').inputValue(), today)
      await dialog.getByLabel('合同金额（元）').fill('400000')
    })
    assert.deepEqual({ fen: contracted.contract_fen, on: contracted.contracted_on }, { fen: 40_000_000, on: today })
    await page.locator('.project-overview .contract-amount').getByText('¥400,000.00（¥40万元）').waitFor()
    await step(page, '开始实施', '开始实施', 'in_progress')
    await page.locator('.project-head .project-status').getByText('实施中').waitFor()

    // Once contracted only the title, description, target groups and end date change; PATCH
    // sends what changed and nothing else.
    await page.locator('.project-head').getByRole('button', { name: '修改' }).click()
    const edit = page.getByRole('dialog', { name: '修改项目' })
    await edit.waitFor()
    assert.equal(await edit.getByLabel('预算金额（元）').isDisabled(), true)
    assert.equal(await edit.getByLabel('开始日期').isDisabled(), true)
    await edit.getByLabel('项目名称').fill(`${title}（一期）`)
    const [patched] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'PATCH' && r.url().endsWith(`/api/v1/projects/${projectId}`)),
      edit.getByRole('button', { name: '确定', exact: true }).click(),
    ])
    assert.equal(patched.status(), 200)
    assert.deepEqual(patched.request().postDataJSON(), { title: `${title}（一期）` })
    await edit.waitFor({ state: 'hidden' })
    await page.locator('.project-head').getByText(`${title}（一期）`).waitFor()
    // 实施中 allows 验收 and 取消 only.
    assert.deepEqual(await page.locator('.project-head .steps .el-button').allInnerTexts(), ['验收', '取消项目'])
  })

  test('an output, then its reversal with a corrected entry', async () => {
    const { page } = app
    await openTab(page, '服务成效')
    const outputs = page.locator('.project-outputs')
    await outputs.getByText('暂无服务成效记录').waitFor()
    await outputs.getByRole('button', { name: '填报服务成效' }).click()
    const add = page.getByRole('dialog', { name: '填报服务成效' })
    await add.waitFor()
    await add.getByLabel('服务人次').fill('100')
    await add.getByLabel('活动场次').fill('2')
    await add.getByLabel('支出金额（元）').fill('1500')
    await add.getByLabel('备注').fill('骑手技能培训第一期')
    const created = await confirmDialog(add, (r) => isPost(r, `/projects/${projectId}/outputs`))
    assert.equal(created.response.status(), 201, JSON.stringify(created.body))
    assert.deepEqual(
      { on: created.body.on, people: created.body.person_times, events: created.body.events, fen: created.body.spent_fen },
      { on: today, people: 100, events: 2, fen: 150_000 },
    )
    await add.waitFor({ state: 'hidden' })
    await outputs.locator('.total-person-times').getByText('100', { exact: true }).waitFor()

    await outputs.locator('.el-table__row').first().getByRole('button', { name: '冲销/更正' }).click()
    const reverse = page.getByRole('dialog', { name: '冲销/更正服务成效' })
    await reverse.waitFor()
    assert.equal(await reverse.getByLabel('服务人次').inputValue(), '100', 'the correction starts from the original')
    await reverse.getByLabel('冲销原因').fill('人次填报有误')
    await reverse.getByLabel('服务人次').fill('120')
    const reversed = await confirmDialog(reverse, (r) => isPost(r, `/outputs/${created.body.id}/reverse`), '冲销')
    assert.equal(reversed.response.status(), 201, JSON.stringify(reversed.body))
    assert.equal(reversed.body.reversal.person_times, -100)
    assert.equal(reversed.body.replacement.person_times, 120)
    await reverse.waitFor({ state: 'hidden' })
    await outputs.locator('.total-person-times').getByText('120', { exact: true }).waitFor()
    assert.equal(await outputs.locator('.total-events').innerText(), '2')
    assert.equal(await outputs.locator('.el-table__row').count(), 3)
    const struck = outputs.locator('.el-table__row.reversed')
    await struck.locator('.tag-reversed').getByText('已冲销').waitFor()
    assert.match(await struck.locator('.figure').first().evaluate((el) => getComputedStyle(el).textDecorationLine), /line-through/)
    await outputs.locator('.el-table__row.reversal').getByText('冲销原因：人次填报有误').waitFor()
    // Neither the reversed entry nor its reversal can be corrected again.
    assert.equal(await outputs.getByRole('button', { name: '冲销/更正' }).count(), 1)
    await page.screenshot({ path: path.join(buildDir, 'e2e-projects-outputs.png'), fullPage: true })
  })

  test('a milestone marked done and a payment within the contract', async () => {
    const { page } = app
    await openTab(page, '里程碑')
    const milestones = page.locator('.project-milestones')
    await milestones.getByRole('button', { name: '新增里程碑' }).click()
    const add = page.getByRole('dialog', { name: '新增里程碑' })
    await add.waitFor()
    await add.getByLabel('里程碑').fill('中期评估')
    await add.getByLabel('计划日期').fill(today)
    await add.getByLabel('计划日期').press('Enter')
    const created = await confirmDialog(add, (r) => isPost(r, `/projects/${projectId}/milestones`))
    assert.equal(created.response.status(), 201, JSON.stringify(created.body))
    await add.waitFor({ state: 'hidden' })
    const row = milestones.locator('.el-table__row').filter({ hasText: '中期评估' })
    await row.getByText('未完成').waitFor()
    await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'PATCH' && r.url().endsWith(`/milestones/${created.body.id}`)),
      row.getByRole('button', { name: '完成', exact: true }).click(),
    ])
    await row.getByText(`${today} 完成`).waitFor()

    await openTab(page, '付款计划')
    const payments = page.locator('.project-payments')
    await payments.getByText('已计划 ¥0.00 / 上限 ¥400,000.00').waitFor()
    for (const [amount, expected] of [['100000', 201], ['350000', 422]]) {
      await payments.getByRole('button', { name: '新增付款' }).click()
      const dialog = page.getByRole('dialog', { name: '新增付款计划' })
      await dialog.waitFor()
      await dialog.getByLabel('计划日期').fill(`${year}-12-01`)
      await dialog.getByLabel('计划日期').press('Enter')
      await dialog.getByLabel('金额（元）').fill(amount)
      const { response, body } = await confirmDialog(dialog, (r) => isPost(r, `/projects/${projectId}/payments`))
      assert.equal(response.status(), expected, JSON.stringify(body))
      if (expected === 201) {
        assert.equal(body.amount_fen, 10_000_000)
        await dialog.waitFor({ state: 'hidden' })
      } else {
        // The server's reason shows under the amount it is about.
        assert.equal(body.error.details[0].field, 'amount_fen')
        await dialog.locator('.el-form-item.is-error').filter({ hasText: '金额（元）' }).getByText(body.error.details[0].message).waitFor()
        await dialog.getByRole('button', { name: '取消' }).click()
        await dialog.waitFor({ state: 'hidden' })
      }
    }
    await payments.getByText('已计划 ¥100,000.00 / 上限 ¥400,000.00').waitFor()
    assert.equal(await payments.locator('.el-table__row').count(), 1)
  })

  test('a PDF uploaded, listed with its SHA-256 and downloaded', async () => {
    const { page } = app
    await openTab(page, '附件')
    const documents = page.locator('.project-documents')
    await documents.getByText('暂无附件').waitFor()
    const [uploaded] = await Promise.all([
      page.waitForResponse((r) => isPost(r, `/projects/${projectId}/documents`)),
      documents.locator('input[type=file]').setInputFiles({ name: '服务合同.pdf', mimeType: 'application/pdf', buffer: pdf }),
    ])
    const body = await uploaded.json()
    assert.equal(uploaded.status(), 201, JSON.stringify(body))
    assert.equal(new URL(uploaded.url()).searchParams.get('kind'), 'contract')
    const sha256 = createHash('sha256').update(pdf).digest('hex')
    assert.deepEqual({ kind: body.kind, name: body.file_name, size: body.size, sha256: body.sha256 }, { kind: 'contract', name: '服务合同.pdf', size: pdf.length, sha256 })
    const row = documents.locator('.el-table__row').filter({ hasText: '服务合同.pdf' })
    await row.getByText(`${sha256.slice(0, 12)}…`).waitFor()
    await row.getByText('合同', { exact: true }).waitFor()
    const [download] = await Promise.all([page.waitForEvent('download'), row.getByRole('link', { name: '服务合同.pdf' }).click()])
    assert.equal(download.suggestedFilename(), '服务合同.pdf')
  })

  test('the timeline names every step', async () => {
    const { page } = app
    await openTab(page, '时间线')
    const history = page.locator('.project-history')
    await history.getByText('草稿 → 已发布').waitFor()
    for (const text of ['创建项目', '已发布 → 已签约', '已签约 → 实施中', '冲销服务成效', '人次填报有误', '新增里程碑', '新增付款计划', '上传附件', '服务合同.pdf']) {
      await history.getByText(text, { exact: false }).first().waitFor()
    }
    await history.getByText(`${today}：120 人次，2 场，支出 ¥1,500.00`).waitFor()
    await page.screenshot({ path: path.join(buildDir, 'e2e-projects.png'), fullPage: true })
  })

  test('the workbench shows projects to accept and this month’s outputs', async () => {
    const { page, baseUrl } = app
    // In progress and ended today: due for acceptance.
    await apiProject(`到期待验收项目${suffix}`, [providerId], today, ['published', 'contracted', 'in_progress'])
    await page.goto(`${baseUrl}/`)
    await page.locator('.card-to-accept .card-value').getByText('1', { exact: true }).waitFor()
    await page.locator('.month-person-times').getByText('120', { exact: true }).waitFor()
    assert.equal(await page.locator('.month-events').innerText(), '2')
    assert.equal(await page.locator('.month-spent').innerText(), '¥1,500元')
    const [listed] = await Promise.all([
      page.waitForResponse((r) => new URL(r.url()).pathname === '/api/v1/projects' && new URL(r.url()).searchParams.get('status') === 'in_progress'),
      page.locator('.card-to-accept').click(),
    ])
    assert.equal((await listed.json()).total, 2)
    await page.waitForURL(`${baseUrl}/projects?status=in_progress`)
    assert.equal(await page.locator('.projects-table .el-table__row').count(), 2)
  })

  test('contracting a provider on a credit list reads the 422 naming the entry', async () => {
    const { page, baseUrl } = app
    const listed = await apiProject(`信用名单拦截项目${suffix}`, [listedId], `${year}-12-31`, ['published'])
    projectId = listed.id
    await page.goto(`${baseUrl}/projects/${projectId}`)
    await page.getByRole('button', { name: '签约', exact: true }).click()
    const dialog = page.getByRole('dialog', { name: '项目签约' })
    await dialog.waitFor()
    await dialog.getByLabel('合同金额（元）').fill('800')
    const { response, body } = await confirmDialog(dialog, (r) => isPost(r, `/projects/${projectId}/transitions`))
    assert.equal(response.status(), 422)
    assert.equal(body.error.details[0].field, 'provider_org_ids')
    const message = `“${listedName}”已于2024-01-15列入活动异常名录：${listedReason}`
    assert.equal(body.error.message, message)
    await dialog.locator('.transition-error').getByText(message).waitFor()
    await dialog.getByRole('button', { name: '取消' }).click()
    await page.locator('.project-head .project-status').getByText('已发布').waitFor()
  })

  test('the provider’s member sees its projects without create, edit or status buttons', async () => {
    const { page, baseUrl } = app
    await loginAs('project.member', memberPassword)
    await page.locator('.side-menu').getByText('项目管理', { exact: true }).click()
    // The tab bar (kept in this browser tab) may bring back the list's last filters.
    await page.waitForURL(new RegExp(`^${baseUrl}/projects(\\?|$)`))
    await page.goto(`${baseUrl}/projects`)
    await page.locator('.projects-table .el-table__row').filter({ hasText: title }).waitFor()
    assert.equal(await page.locator('.projects-table .el-table__row').count(), 2, 'only the projects its organisation provides')
    assert.equal(await page.getByRole('button', { name: '新建项目' }).count(), 0)
    await page.locator('.projects-table .el-table__row').filter({ hasText: title }).getByRole('link', { name: title }).click()
    await page.locator('.project-head').getByText(title).waitFor()
    assert.equal(await page.locator('.project-head').getByRole('button', { name: '修改' }).count(), 0)
    assert.equal(await page.locator('.project-head .steps').isVisible(), false)
    await openTab(page, '服务成效')
    await page.locator('.project-outputs').getByRole('button', { name: '填报服务成效' }).waitFor({ timeout })
  })

  test('no CSP violations or page errors', () => {
    assert.deepEqual(app.pageProblems, [])
  })
})
