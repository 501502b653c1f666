// Excellent-project selection (优秀项目评选, issue #9): the organiser (a union officer of 中华全国总工会)
// creates a round through its dialog (rubric rows edited, a repeated code refused under its cell,
// quotas per category) and opens nominations; a provincial officer nominates an accepted project of
// its union with a story; the organiser starts scoring, a hand-picked provincial expert reads the
// conflict 422 under the field, 自动分配 assigns the national expert, and publishing early reads the
// 409 "还有 1 个推荐项目未完成评分"; the provincial expert has nothing to score, the national expert
// scores on 评审打分 (live total; the server's 422 on a criterion reads under its input; then
// marked 已评分); the organiser publishes (rank, score, 优秀), generates the booklet, watches its
// progress reach 已生成 and downloads the PDF; logged out, the showcase (linked from the login page)
// shows the project with its rank and figures, also at 390 × 844 without horizontal scroll.
// Screenshots: ../build/e2e-selection.png, ../build/e2e-selection-scoring.png,
// ../build/e2e-selection-public.png, ../build/e2e-selection-public-390.png.
import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { adminPassword, ApiClient, buildDir, startApp, submitLogin } from './support.mjs'

const suffix = Date.now() % 100000
const password = 'Selection-E2e-Passw0rd'
const roundTitle = `${suffix}年度工会购买服务优秀项目评选`
const projectTitle = `快递骑手技能提升计划${suffix}`
const providerName = `秦岭新业态职工服务中心${suffix}`
const provinceName = `陕西省总工会${suffix}`
const story = '面向全省快递员、外卖骑手开展职业技能培训和权益保障服务，全年培训 1200 人次，建成 12 个骑手驿站，形成了“培训 + 驿站 + 维权”一体化的服务模式，受到新就业形态劳动者的广泛好评。'
/** Today in Asia/Shanghai, the server's calendar. */
const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date())
const year = Number(today.slice(0, 4))

let app
let api
let projectId
let roundId
let nominationId

const visible = (page, selector) => page.locator(selector).filter({ visible: true })
const pathOf = (r) => new URL(r.url()).pathname
const isCall = (r, method, suffixPath) => r.request().method() === method && pathOf(r).endsWith(suffixPath)

async function user(username, unitId, role, displayName) {
  await api.expect(201, 'POST', '/api/v1/users', { username, password, display_name: displayName, unit_id: unitId, roles: [role] })
}

async function loginAs(username) {
  const { page, context, baseUrl } = app
  await context.clearCookies()
  await page.goto(`${baseUrl}/login`)
  assert.equal((await submitLogin(page, username, password)).status(), 200)
  await page.waitForURL(`${baseUrl}/`)
}

/** Opens a page from the side menu and waits for its path. */
async function openMenu(page, label, pathname) {
  await page.locator('.side-menu').getByText(label, { exact: true }).click()
  await page.waitForURL(new RegExp(`${pathname}(\\?|$)`))
}

/** Clicks the round's next-step button, confirms, and resolves with the transition's answer. */
async function step(page, button) {
  await page.locator('.round-head').getByRole('button', { name: button, exact: true }).click()
  const box = page.locator('.el-message-box')
  await box.waitFor()
  const [response] = await Promise.all([
    page.waitForResponse((r) => isCall(r, 'POST', `/selection-rounds/${roundId}/transitions`)),
    box.getByRole('button', { name: '确定' }).click(),
  ])
  return { response, body: await response.json() }
}

/** Opens a select by `trigger`, picks the option with `text`, and waits for the dropdown to close. */
async function pick(page, trigger, text) {
  await trigger.click({ force: true })
  await visible(page, '.el-select-dropdown__item').filter({ hasText: text }).click()
  await page.waitForFunction(() => ![...document.querySelectorAll('.el-select__popper')].some((el) => getComputedStyle(el).display !== 'none'))
}

const overflow = (page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)

describe('excellent-project selection', { timeout: 88_000 }, () => {
  before(async () => {
    app = await startApp()
    api = await ApiClient.login(app.baseUrl, 'admin', adminPassword)
    const root = api.session.user.unit_id
    const national = await api.expect(201, 'POST', '/api/v1/units', { name: '中华全国总工会', kind: 'union', region_code: '100000', parent_id: root })
    const province = await api.expect(201, 'POST', '/api/v1/units', { name: provinceName, kind: 'union', region_code: '610000', parent_id: national.id })
    const authority = await api.expect(201, 'POST', '/api/v1/units', { name: `陕西省民政厅${suffix}`, kind: 'civil_affairs', region_code: '610000', parent_id: root })
    await user('sel.organiser', national.id, 'union_officer', '全总组织人')
    await user('sel.province', province.id, 'union_officer', '省总推荐人')
    await user('sel.expert.national', national.id, 'expert', '王专家')
    await user('sel.expert.province', province.id, 'expert', '李专家')
    const provider = await api.expect(201, 'POST', '/api/v1/orgs', {
      name: providerName,
      uscc: '52610100MJ0000001W',
      org_type: 'social_service',
      region_code: '610000',
      registration_unit_id: authority.id,
      legal_rep: '赵小川',
      phone: '13912345678',
      founded_on: '2018-05-01',
      business_scope: '新就业形态劳动者服务',
      service_categories: ['new_employment'],
      labour_field: true,
    })
    const project = await api.expect(201, 'POST', '/api/v1/projects', {
      title: projectTitle,
      category: 'new_employment',
      funding_unit_id: province.id,
      mode: 'purchase',
      provider_org_ids: [provider.id],
      budget_fen: 50_000_000,
      region_code: '610000',
      start_on: `${year}-01-01`,
      end_on: today,
      target_groups: ['new_employment_workers', 'migrant_workers'],
    })
    projectId = project.id
    for (const body of [{ to: 'published' }, { to: 'contracted', contract_fen: 40_000_000, contracted_on: today }, { to: 'in_progress' }]) {
      await api.expect(200, 'POST', `/api/v1/projects/${projectId}/transitions`, body)
    }
    await api.expect(201, 'POST', `/api/v1/projects/${projectId}/outputs`, { on: today, person_times: 1200, events: 12, spent_fen: 3_000_000 })
    await api.expect(200, 'POST', `/api/v1/projects/${projectId}/transitions`, { to: 'accepted' })
  }, { timeout: 30_000 })

  after(() => app?.stop(), { timeout: 10_000 })

  test('the organiser creates a round with a rubric and quotas and opens nominations', async () => {
    const { page, baseUrl } = app
    await loginAs('sel.organiser')
    assert.equal(await page.locator('.side-menu').getByText('评审打分', { exact: true }).count(), 0, 'officers do not score')
    await openMenu(page, '优秀项目评选', '/selection')
    await page.getByText('暂无优秀项目评选').waitFor()

    await page.getByRole('button', { name: '新建评选' }).click()
    const dialog = page.getByRole('dialog', { name: '新建优秀项目评选' })
    await dialog.waitFor()
    await dialog.getByLabel('评选名称').fill(roundTitle)
    assert.equal(await dialog.getByLabel('年度').inputValue(), String(new Date().getFullYear()))
    await dialog.getByLabel('年度').fill(String(year))
    await dialog.getByLabel('每项目专家数').fill('1')
    // Four default criteria: keep two, rename them, and refuse a repeated code under its cell.
    const rubric = dialog.locator('.rubric-rows')
    assert.equal(await rubric.locator('.el-table__body-wrapper .el-table__row').count(), 4)
    await rubric.locator('.el-table__row').nth(3).getByRole('button', { name: '删除' }).click()
    await rubric.locator('.el-table__row').nth(2).getByRole('button', { name: '删除' }).click()
    assert.equal(await rubric.locator('.el-table__body-wrapper .el-table__row').count(), 2)
    await dialog.getByLabel('第 1 项细则名称').fill('服务成效')
    await dialog.getByLabel('第 1 项细则满分').fill('60')
    await dialog.getByLabel('第 2 项细则代码').fill('effect')
    await dialog.getByLabel('第 2 项细则名称').fill('创新特色')
    await dialog.getByLabel('第 2 项细则满分').fill('40')
    await dialog.locator('.el-dialog__header').click()
    await rubric.getByText('满分合计 100 分').waitFor()
    // Quotas: 新就业形态劳动者服务类 1, 职工健康服务类 2.
    for (const [index, category, quota] of [[1, '新就业形态劳动者服务类', '1'], [2, '职工健康服务类', '2']]) {
      await dialog.getByRole('button', { name: '新增服务类别' }).click()
      await pick(page, dialog.getByLabel(`第 ${index} 个名额的服务类别`), category)
      await dialog.getByLabel(`第 ${index} 个名额数`).fill(quota)
    }
    await dialog.locator('.el-dialog__header').click()
    await dialog.getByRole('button', { name: '确定', exact: true }).click()
    await rubric.locator('.el-form-item.is-error').getByText('代码不能重复').waitFor()
    await dialog.getByLabel('第 2 项细则代码').fill('innovation')
    const [created] = await Promise.all([
      page.waitForResponse((r) => isCall(r, 'POST', '/api/v1/selection-rounds')),
      dialog.getByRole('button', { name: '确定', exact: true }).click(),
    ])
    const body = await created.json()
    assert.equal(created.status(), 201, JSON.stringify(body))
    assert.deepEqual(created.request().postDataJSON(), {
      title: roundTitle,
      year,
      batch: 1,
      experts_per_project: 1,
      rubric: [{ code: 'effect', name: '服务成效', max_score: 60 }, { code: 'innovation', name: '创新特色', max_score: 40 }],
      quotas: [{ category: 'new_employment', quota: 1 }, { category: 'health', quota: 2 }],
    })
    assert.equal(body.status, 'draft')
    roundId = body.id
    await page.waitForURL(`${baseUrl}/selection/${roundId}`)
    const head = page.locator('.round-head')
    await head.getByText(roundTitle).waitFor()
    await head.locator('.round-status').getByText('草稿').waitFor()
    await head.getByText('服务成效（60 分）').waitFor()
    await head.getByText('新就业形态劳动者服务类：名额 1，已推荐 0').waitFor()
    assert.equal(await head.locator('.el-step.is-horizontal .el-step__head.is-process').count(), 1)

    const { response, body: moved } = await step(page, '开始推荐')
    assert.equal(response.status(), 200, JSON.stringify(moved))
    assert.equal(moved.status, 'nominating')
    await head.locator('.round-status').getByText('推荐中').waitFor()
    assert.equal(await head.getByRole('button', { name: '修改' }).count(), 0, 'only drafts are edited')
    await head.getByRole('button', { name: '开始评审', exact: true }).waitFor()
  })

  test('the provincial officer nominates the accepted project with its story', async () => {
    const { page, baseUrl } = app
    await loginAs('sel.province')
    await openMenu(page, '优秀项目评选', '/selection')
    await page.locator('.rounds-table .el-table__row').filter({ hasText: roundTitle }).getByRole('link', { name: roundTitle }).click()
    await page.waitForURL(`${baseUrl}/selection/${roundId}`)
    await page.locator('.round-head .round-status').getByText('推荐中').waitFor()
    // Not the organiser: no step buttons.
    assert.equal(await page.locator('.round-head').getByRole('button', { name: '开始评审' }).count(), 0)

    const [listed] = await Promise.all([
      page.waitForResponse((r) => pathOf(r) === '/api/v1/projects' && new URL(r.url()).searchParams.get('status') === 'accepted'),
      page.locator('.round-nominations').getByRole('button', { name: '推荐项目' }).click(),
    ])
    assert.equal((await listed.json()).total, 1)
    const dialog = page.getByRole('dialog', { name: '推荐优秀项目' })
    await dialog.waitFor()
    await pick(page, dialog.locator('.project-select'), projectTitle)
    await dialog.locator('.chosen').getByText('¥40万元').waitFor()
    await dialog.getByRole('button', { name: '确定', exact: true }).click()
    await dialog.locator('.el-form-item.is-error').getByText('请填写项目简介').waitFor()
    await dialog.getByLabel('项目简介').fill(story)
    const [nominated] = await Promise.all([
      page.waitForResponse((r) => isCall(r, 'POST', `/selection-rounds/${roundId}/nominations`)),
      dialog.getByRole('button', { name: '确定', exact: true }).click(),
    ])
    const body = await nominated.json()
    assert.equal(nominated.status(), 201, JSON.stringify(body))
    assert.deepEqual({ project: body.project_id, story: body.story, unit: body.unit_name }, { project: projectId, story, unit: provinceName })
    nominationId = body.id
    await dialog.waitFor({ state: 'hidden' })
    const group = page.locator('.round-nominations .group[data-category="new_employment"]')
    await group.getByText('名额 1，推荐 1 个').waitFor()
    const row = group.locator('.el-table__row').filter({ hasText: projectTitle })
    await row.getByText(provinceName).first().waitFor()
    await row.getByText(providerName).waitFor()
    await row.getByRole('button', { name: '撤回' }).waitFor()
    await page.locator('.round-head').getByText('新就业形态劳动者服务类：名额 1，已推荐 1').waitFor()

    // A project cannot be nominated twice.
    await page.locator('.round-nominations').getByRole('button', { name: '推荐项目' }).click()
    await dialog.waitFor()
    await dialog.locator('.project-select').click()
    await visible(page, '.el-select-dropdown__item.is-disabled').filter({ hasText: '已推荐' }).waitFor()
    await dialog.getByRole('button', { name: '取消' }).click()
  })

  test('the organiser starts scoring: a conflicting expert is refused, 自动分配 assigns the other', async () => {
    const { page, baseUrl } = app
    await loginAs('sel.organiser')
    await page.goto(`${baseUrl}/selection/${roundId}`)
    const { response } = await step(page, '开始评审')
    assert.equal(response.status(), 200)
    await page.locator('.round-head .round-status').getByText('评审中').waitFor()

    await page.getByRole('tab', { name: '专家评审', exact: true }).click()
    const panel = page.locator('.round-assignments')
    const row = panel.locator('.assignments-table .el-table__row').filter({ hasText: projectTitle })
    await row.getByText('尚未分配').waitFor()
    await panel.getByText('专家库 2 人', { exact: false }).waitFor()

    // By hand: the provincial expert belongs to the funding unit.
    await row.getByRole('button', { name: '选择专家' }).click()
    const dialog = page.getByRole('dialog', { name: '选择评审专家' })
    await dialog.waitFor()
    await dialog.locator('.expert-select').click()
    await visible(page, '.el-select-dropdown__item').filter({ hasText: '李专家' }).click()
    await dialog.locator('.el-dialog__header').click()
    const [refused] = await Promise.all([
      page.waitForResponse((r) => isCall(r, 'PUT', `/nominations/${nominationId}/experts`)),
      dialog.getByRole('button', { name: '确定', exact: true }).click(),
    ])
    const error = (await refused.json()).error
    assert.equal(refused.status(), 422, JSON.stringify(error))
    assert.equal(error.details[0].field, 'expert_ids[0]')
    await dialog.locator('.el-form-item.is-error').filter({ hasText: '评审专家' }).getByText(`李专家：${error.details[0].message}`).waitFor()
    await dialog.getByRole('button', { name: '取消' }).click()
    await dialog.waitFor({ state: 'hidden' })

    const [assigned] = await Promise.all([
      page.waitForResponse((r) => isCall(r, 'POST', `/selection-rounds/${roundId}/assignments`)),
      panel.getByRole('button', { name: '自动分配' }).click(),
    ])
    assert.equal(assigned.status(), 200)
    assert.deepEqual(await assigned.json(), { assigned: 1 })
    await panel.locator('.assign-result').getByText('已新分配 1 项评审任务').waitFor()
    await row.locator('.expert').getByText('王专家').waitFor()
    assert.equal(await row.getByText('李专家').count(), 0, 'the conflicting expert is not assigned')
    await row.getByText('0 / 1').waitFor()
    await panel.getByText('评分完成 0 / 1 个项目（0 / 1 份评分）').waitFor()

    // Publishing before every score is in reads the server's 409.
    const early = await step(page, '发布结果')
    assert.equal(early.response.status(), 409)
    await page.locator('.round-error').getByText('还有 1 个推荐项目未完成评分').waitFor()
    await page.locator('.round-head .round-status').getByText('评审中').waitFor()
  })

  test('the national expert scores on 评审打分; the provincial expert has nothing to score', async () => {
    const { page } = app
    await loginAs('sel.expert.province')
    await openMenu(page, '评审打分', '/selection/scoring')
    await page.getByText('暂无需要评分的项目').waitFor()

    await loginAs('sel.expert.national')
    const [mine] = await Promise.all([
      page.waitForResponse((r) => pathOf(r) === '/api/v1/expert/assignments'),
      openMenu(page, '评审打分', '/selection/scoring'),
    ])
    assert.equal((await mine.json()).items.length, 1)
    const card = page.locator('.score-card').filter({ hasText: projectTitle })
    await card.getByText(story).waitFor()
    await card.locator('.pending-tag').getByText('待评分').waitFor()
    await card.getByText('¥40万元').waitFor()
    await card.getByText('1,200').waitFor()
    await card.getByLabel('服务成效').fill('55')
    await card.getByLabel('创新特色').fill('33')
    await card.locator('.score-form .el-form-item__label').first().click()
    await card.locator('.total-value').getByText('88', { exact: true }).waitFor()

    // A value past the criterion's maximum (sent as typed, bypassing the input's bound) reads the
    // server's 422 under that criterion.
    const scores = `**/api/v1/selection-rounds/${roundId}/nominations/*/scores`
    await page.route(scores, (route) => route.continue({ postData: JSON.stringify({ scores: { effect: 75, innovation: 33 } }) }))
    const [refused] = await Promise.all([
      page.waitForResponse((r) => isCall(r, 'PUT', '/scores')),
      card.getByRole('button', { name: '提交评分' }).click(),
    ])
    const error = (await refused.json()).error
    assert.equal(refused.status(), 422, JSON.stringify(error))
    assert.equal(error.details[0].field, 'scores.effect')
    await card.locator('.el-form-item.is-error').filter({ hasText: '服务成效' }).getByText(error.details[0].message).waitFor()
    await page.unroute(scores)

    const [saved] = await Promise.all([
      page.waitForResponse((r) => isCall(r, 'PUT', '/scores')),
      card.getByRole('button', { name: '提交评分' }).click(),
    ])
    const body = await saved.json()
    assert.equal(saved.status(), 200, JSON.stringify(body))
    assert.deepEqual(saved.request().postDataJSON(), { scores: { effect: 55, innovation: 33 } })
    assert.deepEqual({ scored: body.scored, total: body.total }, { scored: true, total: 88 })
    await card.locator('.scored-tag').getByText('已评分 88 分').waitFor()
    assert.equal(await card.locator('.el-form-item.is-error').count(), 0)
    await card.locator('.el-form-item__error').first().waitFor({ state: 'detached' })
    await page.getByRole('radio', { name: '已评分（1）' }).waitFor()
    await page.screenshot({ path: path.join(buildDir, 'e2e-selection-scoring.png'), fullPage: true })
  })

  test('the organiser publishes, generates the booklet and downloads the PDF', async () => {
    const { page, baseUrl } = app
    await loginAs('sel.organiser')
    await page.goto(`${baseUrl}/selection/${roundId}?tab=assignments`)
    const row = page.locator('.assignments-table .el-table__row').filter({ hasText: projectTitle })
    await row.locator('.expert').getByText('王专家（88 分）').waitFor()
    await row.getByText('1 / 1').waitFor()

    const { response, body } = await step(page, '发布结果')
    assert.equal(response.status(), 200, JSON.stringify(body))
    assert.deepEqual({ status: body.status, excellent: body.excellent, on: body.published_on }, { status: 'published', excellent: 1, on: today })
    await page.locator('.round-head .round-status').getByText('已发布').waitFor()
    assert.equal(await page.locator('.round-head .el-step__head.is-success').count(), 4)
    await page.getByRole('tab', { name: '推荐项目', exact: true }).click()
    const nomination = page.locator('.round-nominations .el-table__row').filter({ hasText: projectTitle })
    await nomination.locator('.rank').getByText('1', { exact: true }).waitFor()
    await nomination.locator('.score').getByText('88.0').waitFor()
    await nomination.locator('.excellent').getByText('优秀').waitFor()

    await page.getByRole('tab', { name: '优秀项目选编', exact: true }).click()
    const booklet = page.locator('.round-booklet')
    await booklet.getByText('尚未生成选编').waitFor()
    const polls = []
    page.on('response', (r) => {
      if (r.request().method() === 'GET' && pathOf(r) === `/api/v1/selection-rounds/${roundId}/booklet`) polls.push(r.status())
    })
    const [queued] = await Promise.all([
      page.waitForResponse((r) => isCall(r, 'POST', `/selection-rounds/${roundId}/booklet`)),
      booklet.getByRole('button', { name: '生成选编' }).click(),
    ])
    const job = await queued.json()
    assert.equal(queued.status(), 202, JSON.stringify(job))
    assert.equal(job.status, 'queued')
    await booklet.locator('.job-progress').waitFor()
    // The worker inside `serve` picks the job up within about a second; the page asks every 2 s.
    await booklet.locator('.job[data-status="done"]').waitFor({ timeout: 20_000 })
    assert.ok(polls.length >= 1 && polls.every((s) => s === 200), `polls: ${polls}`)
    await booklet.locator('.job-status').getByText('已生成').waitFor()
    assert.equal(await booklet.locator('.el-progress__text, .el-progress-bar__innerText').first().innerText(), '100%')
    await booklet.getByText('收录 1 个优秀项目', { exact: false }).waitFor()
    assert.equal(await booklet.getByRole('button', { name: '重新生成选编' }).isEnabled(), true)

    const [download] = await Promise.all([page.waitForEvent('download'), booklet.locator('.booklet-pdf').click()])
    assert.equal(download.suggestedFilename(), `优秀项目选编_${year}_第1批.pdf`)
    const pdf = await readFile(await download.path())
    assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-')
    const xlsx = await fetch(`${baseUrl}/api/public/selection-rounds/${roundId}/booklet.xlsx`)
    assert.equal(xlsx.status, 200)
    assert.equal(Buffer.from(await xlsx.arrayBuffer()).subarray(0, 2).toString('latin1'), 'PK')
    await page.screenshot({ path: path.join(buildDir, 'e2e-selection.png'), fullPage: true })
  })

  test('the public showcase shows the project with its rank, also on a phone', async () => {
    const { page, context, baseUrl } = app
    await context.clearCookies()
    await page.goto(`${baseUrl}/login`)
    const [shown] = await Promise.all([
      page.waitForResponse((r) => pathOf(r) === '/api/public/excellent-projects'),
      page.getByRole('link', { name: '优秀项目展示' }).click(),
    ])
    assert.equal(shown.status(), 200)
    assert.equal(new URL(shown.url()).searchParams.get('round_id'), String(roundId))
    await page.waitForURL(`${baseUrl}/public/excellent-projects`)
    const card = page.locator('.excellent-card').filter({ hasText: projectTitle })
    await card.locator('.rank').getByText('第 1 名').waitFor()
    await page.locator('.category-group[data-category="new_employment"] .category-title').getByText('新就业形态劳动者服务类').waitFor()
    assert.deepEqual(
      {
        providers: await card.locator('.providers').innerText(),
        funding: await card.locator('.funding').innerText(),
        region: await card.locator('.region').innerText(),
        year: await card.locator('.year').innerText(),
        contract: await card.locator('.contract').innerText(),
        people: await card.locator('.person-times').innerText(),
      },
      { providers: providerName, funding: provinceName, region: '陕西省', year: String(year), contract: '¥40万元', people: '1,200' },
    )
    await card.locator('.groups').getByText('新就业形态劳动者').waitFor()
    await card.locator('.groups').getByText('农民工').waitFor()
    // The story folds to three lines until 展开全文.
    const storyBox = card.locator('.story')
    assert.match(await storyBox.getAttribute('class'), /folded/)
    await card.getByRole('button', { name: '展开全文' }).click()
    assert.doesNotMatch(await storyBox.getAttribute('class'), /folded/)
    await card.getByRole('button', { name: '收起' }).waitFor()
    await page.locator('.round-head').getByText(roundTitle).waitFor()
    const pdfHref = await page.locator('.booklet-pdf').getAttribute('href')
    assert.equal(pdfHref, `/api/public/selection-rounds/${roundId}/booklet.pdf`)
    await page.locator('.booklet-xlsx').waitFor()
    await page.screenshot({ path: path.join(buildDir, 'e2e-selection-public.png'), fullPage: true })

    await page.setViewportSize({ width: 390, height: 844 })
    try {
      await page.reload()
      await card.locator('.rank').getByText('第 1 名').waitFor()
      assert.ok((await overflow(page)) <= 0, `the showcase overflows by ${await overflow(page)} px`)
      const box = await card.boundingBox()
      assert.ok(box && box.x >= 0 && box.x + box.width <= 390, `the card sits at ${JSON.stringify(box)}`)
      await page.screenshot({ path: path.join(buildDir, 'e2e-selection-public-390.png'), fullPage: true })
    } finally {
      await page.setViewportSize({ width: 1280, height: 800 })
    }
  })

  test('no CSP violations or page errors', () => {
    assert.deepEqual(app.pageProblems, [])
  })
})
