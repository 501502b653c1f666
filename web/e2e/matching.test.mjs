// Demands ↔ resources matching (资源清单与需求清单精准对接, issue #10). A resource of a registered
// organisation and a second demand no resource can serve are arranged through the API; admin
// creates a demand through the 需求清单 dialog (UnitPicker, region cascader, dates; a region the
// union does not cover reads the server's 422 under 需求地区), sees its status
// 待对接 and its 推荐资源 (the resource ranked with its score, bar and reasons; a cheaper one of an
// organisation on 活动异常名录 named as left out). On 对接工作台 it runs
// the matching: the proposal table (one assignment, its cost in 元, the explanation row), the
// Sankey canvas, the unmatched demand with its reason's Chinese label; 全部确认 accepts it. On 对接记录
// the match moves to 服务中 and 已完成, is rated 4 stars and made a project (linking to its detail);
// 转为活动 opens the events' dialog prefilled from the match (the organisation fixed, the demand's
// title, the headcount), the organisation's approved booking is picked and the draft event linked
// (查看活动 opens it).
// The workbench cards open 需求清单 filtered to the matchable demands. The resource is closed and
// reopened in its drawer, the unmatched demand edited (only the headcount PATCHed) and withdrawn (a
// reason required). The organisation's member
// sees 资源清单 and 对接记录 but neither 需求清单 nor 对接工作台; its new resource offers its own
// organisation.
// Screenshots: ../build/e2e-matching-recommendations.png, ../build/e2e-matching-workbench.png,
// ../build/e2e-matching-sankey.png, ../build/e2e-matching-matches.png.
import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import path from 'node:path'
import { adminPassword, ApiClient, buildDir, startApp, submitLogin } from './support.mjs'

const suffix = Date.now() % 100000
const unionName = `西安市总工会${suffix}`
const orgName = `长安职工技能服务中心${suffix}`
const resourceTitle = `快递骑手技能培训${suffix}`
const demandTitle = `新就业形态劳动者技能提升需求${suffix}`
const lonelyTitle = `环卫职工健康体检需求${suffix}`
const memberPassword = 'Match-E2e-Passw0rd'
const listedName = `渭北职工互助中心${suffix}`
const listedReason = '未按规定报送2023年度工作报告'
/** +08:00 ISO text of now + `seconds`, as the server writes it. */
function inSeconds(seconds) {
  const t = new Date(Date.now() + seconds * 1000 + 8 * 3600 * 1000)
  return `${t.toISOString().slice(0, 19)}+08:00`
}
/** Today in Asia/Shanghai, the server's calendar. */
const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date())
const year = today.slice(0, 4)

let app
let api
let unionId
let orgId
let resourceId
let demandId
let runId
let matchId

/** The popper items of the open dropdown or cascader (poppers live under body). */
const visible = (page, selector) => page.locator(selector).filter({ visible: true })
const isPost = (r, suffixPath) => r.request().method() === 'POST' && new URL(r.url()).pathname.endsWith(suffixPath)

async function openMenu(page, group, entry) {
  const menu = page.locator('.side-menu')
  const item = menu.getByText(entry, { exact: true })
  if (!(await item.isVisible())) await menu.getByText(group, { exact: true }).click()
  await item.click()
}

/** Confirms the open ElMessageBox and resolves with the answer to the request it sends. */
async function confirmBox(page, matcher) {
  const [response] = await Promise.all([
    page.waitForResponse(matcher),
    page.locator('.el-message-box').getByRole('button', { name: '确定' }).click(),
  ])
  return { response, body: await response.json() }
}

describe('demands and resources matching', { timeout: 100_000 }, () => {
  before(async () => {
    app = await startApp()
    api = await ApiClient.login(app.baseUrl, 'admin', adminPassword)
    const root = api.session.user.unit_id
    const authorityId = (await api.expect(201, 'POST', '/api/v1/units', { name: `陕西省民政厅${suffix}`, kind: 'civil_affairs', region_code: '610000', parent_id: root })).id
    unionId = (await api.expect(201, 'POST', '/api/v1/units', { name: unionName, kind: 'union', region_code: '610000', parent_id: root })).id
    orgId = (
      await api.expect(201, 'POST', '/api/v1/orgs', {
        name: orgName,
        uscc: '52610100MJ0000001W',
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
    ).id
    resourceId = (
      await api.expect(201, 'POST', '/api/v1/resources', {
        org_id: orgId,
        title: resourceTitle,
        category: 'skills',
        region_codes: ['610000'],
        capacity: 50,
        window_start: `${year}-01-01`,
        window_end: `${year}-12-31`,
        cost_per_person_fen: 20_000,
      })
    ).id
    // A second offer whose organisation is on 活动异常名录: left out of recommendations and runs.
    const listed = await api.expect(201, 'POST', '/api/v1/orgs', {
      name: listedName,
      uscc: '52610100MJ00000020',
      org_type: 'social_service',
      region_code: '610000',
      registration_unit_id: authorityId,
      legal_rep: '李小红',
      phone: '13912345679',
      founded_on: '2017-05-01',
      business_scope: '职工技能培训',
      service_categories: ['skills'],
      labour_field: true,
    })
    await api.expect(201, 'POST', '/api/v1/resources', {
      org_id: listed.id,
      title: `渭北技能培训${suffix}`,
      category: 'skills',
      region_codes: ['610000'],
      capacity: 100,
      window_start: `${year}-01-01`,
      window_end: `${year}-12-31`,
      cost_per_person_fen: 10_000,
    })
    await api.expect(201, 'POST', `/api/v1/orgs/${listed.id}/credit-entries`, { list: 'abnormal', reason: listedReason, entered_on: '2024-01-15' })
    await api.expect(201, 'POST', '/api/v1/demands', {
      title: lonelyTitle,
      category: 'health',
      region_code: '610000',
      headcount: 12,
      window_start: `${year}-03-01`,
      window_end: `${year}-06-30`,
      unit_id: unionId,
    })
  }, { timeout: 30_000 })

  after(() => app?.stop(), { timeout: 10_000 })

  test('admin creates a demand on 需求清单 and sees 推荐资源', async () => {
    const { page, baseUrl } = app
    await page.goto(`${baseUrl}/login`)
    assert.equal((await submitLogin(page, 'admin', adminPassword)).status(), 200)
    await page.waitForURL(`${baseUrl}/`)
    const [listed] = await Promise.all([
      page.waitForResponse((r) => new URL(r.url()).pathname === '/api/v1/demands' && r.request().method() === 'GET'),
      openMenu(page, '资源对接', '需求清单'),
    ])
    assert.equal(listed.status(), 200)
    await page.waitForURL(`${baseUrl}/matching/demands`)
    const lonelyRow = page.locator('.demands-table .el-table__row').filter({ hasText: lonelyTitle })
    // A status reads its Chinese dictionary label.
    await lonelyRow.locator('.listing-status').getByText('待对接', { exact: true }).waitFor()

    await page.getByRole('button', { name: '新增需求' }).click()
    const dialog = page.getByRole('dialog', { name: '新增服务需求' })
    await dialog.waitFor()
    await dialog.getByLabel('标题').fill(demandTitle)
    await dialog.getByLabel('服务类别').click({ force: true })
    await visible(page, '.el-select-dropdown__item').filter({ hasText: '劳动竞赛和技能提升类' }).click()
    await dialog.getByLabel('需求单位').click()
    await dialog.getByLabel('需求单位').fill('总工会')
    await visible(page, '.el-select-dropdown__item').filter({ hasText: unionName }).click()
    // First a region the union's (陕西省) does not cover: the server's 422 reads under 需求地区.
    await dialog.locator('.el-cascader').click()
    await visible(page, '.el-cascader-node').filter({ hasText: '全国' }).click()
    await visible(page, '.el-cascader-node').filter({ hasText: '北京市' }).locator('.el-radio').click()
    await dialog.locator('.el-dialog__header').click()
    await dialog.getByLabel('需求人数').fill('30')
    for (const [label, date] of [['开始日期', `${year}-02-01`], ['结束日期', `${year}-11-30`]]) {
      await dialog.getByLabel(label).fill(date)
      await dialog.getByLabel(label).press('Enter')
    }
    await dialog.getByLabel('服务对象').click({ force: true })
    await visible(page, '.el-select-dropdown__item').filter({ hasText: '新就业形态劳动者' }).click()
    await dialog.locator('.el-dialog__header').click()
    const [refused] = await Promise.all([
      page.waitForResponse((r) => isPost(r, '/api/v1/demands')),
      dialog.getByRole('button', { name: '确定', exact: true }).click(),
    ])
    const refusal = await refused.json()
    assert.equal(refused.status(), 422, JSON.stringify(refusal))
    assert.equal(refusal.error.details[0].field, 'region_code')
    await dialog.locator('.el-form-item.is-error').filter({ hasText: '需求地区' }).getByText(refusal.error.details[0].message).waitFor()
    await dialog.locator('.el-cascader').click()
    await visible(page, '.el-cascader-node').filter({ hasText: '陕西省' }).locator('.el-radio').click()
    await dialog.locator('.el-dialog__header').click()
    const [created] = await Promise.all([
      page.waitForResponse((r) => isPost(r, '/api/v1/demands')),
      dialog.getByRole('button', { name: '确定', exact: true }).click(),
    ])
    const body = await created.json()
    assert.equal(created.status(), 201, JSON.stringify(body))
    assert.deepEqual(
      { category: body.category, unit: body.unit_id, region: body.region_code, headcount: body.headcount, start: body.window_start, end: body.window_end, group: body.target_group, status: body.status },
      { category: 'skills', unit: unionId, region: '610000', headcount: 30, start: `${year}-02-01`, end: `${year}-11-30`, group: 'new_employment_workers', status: 'open' },
    )
    demandId = body.id
    await dialog.waitFor({ state: 'hidden' })

    // The new demand's drawer opens: its status, then its recommendations.
    const drawer = page.locator('.demand-drawer')
    await drawer.getByText(demandTitle).first().waitFor()
    await drawer.locator('.listing-status').getByText('待对接', { exact: true }).waitFor()
    const [recommended] = await Promise.all([
      page.waitForResponse((r) => new URL(r.url()).pathname === `/api/v1/demands/${demandId}/recommendations`),
      drawer.getByRole('tab', { name: '推荐资源' }).click(),
    ])
    const recommendations = await recommended.json()
    assert.equal(recommended.status(), 200, JSON.stringify(recommendations))
    assert.deepEqual(recommendations.items.map((i) => i.resource_id), [resourceId])
    const item = drawer.locator('.recommendation').filter({ hasText: resourceTitle })
    await item.getByText(orgName).waitFor()
    const score = recommendations.items[0].score.toFixed(1)
    await item.locator('.score-value').getByText(`${score} 分`).waitFor()
    await item.locator('.score-bar').waitFor()
    await item.getByText('匹配说明').click()
    const reasons = item.locator('.reason')
    await reasons.first().waitFor()
    assert.equal(await reasons.count(), recommendations.items[0].reasons.length)
    await item.locator('.reason-points').filter({ hasText: '必要条件' }).first().waitFor()
    await item.locator('.reason-points').filter({ hasText: /^\+[\d.]+ 分$/ }).first().waitFor()
    await drawer.screenshot({ path: path.join(buildDir, 'e2e-matching-recommendations.png') })
    // The listed organisation's cheaper offer is named as left out, with its entry.
    assert.deepEqual(recommendations.excluded.map((e) => e.org_name), [listedName])
    await drawer.locator('.excluded').getByText('以下组织已列入信用名单，未予推荐').waitFor()
    await drawer.locator('.excluded').getByText(listedName).waitFor()
    await drawer.locator('.excluded').getByText(recommendations.excluded[0].reason, { exact: false }).waitFor()
    await page.keyboard.press('Escape')
    await drawer.waitFor({ state: 'hidden' })
  })

  test('the resource list shows the organisation’s offer in 元', async () => {
    const { page } = app
    await openMenu(page, '资源对接', '资源清单')
    const row = page.locator('.resources-table .el-table__row').filter({ hasText: resourceTitle })
    await row.getByText(orgName).waitFor()
    await row.getByText('¥200.00').waitFor()
    await row.getByText('陕西省').waitFor()
  })

  test('对接工作台 runs the matching, shows the proposal and the Sankey chart, accepts it', async () => {
    const { page, baseUrl } = app
    await openMenu(page, '资源对接', '对接工作台')
    await page.waitForURL(`${baseUrl}/matching/workbench`)
    await page.getByText('暂无对接记录').waitFor()
    const [ran] = await Promise.all([
      page.waitForResponse((r) => isPost(r, '/api/v1/matching/runs')),
      page.getByRole('button', { name: '开始智能对接' }).click(),
    ])
    const run = await ran.json()
    assert.equal(ran.status(), 201, JSON.stringify(run))
    runId = run.id
    assert.equal(run.matched_headcount, 30)
    assert.equal(run.unmatched_headcount, 12)
    assert.equal(run.total_cost_fen, 600_000)
    assert.equal(run.assignments.length, 1)
    matchId = run.assignments[0].id
    await page.waitForURL(`${baseUrl}/matching/workbench?run=${runId}`)

    const proposal = page.locator('.run-result')
    await proposal.locator('.total-matched .total-value').getByText('30', { exact: true }).waitFor()
    await proposal.locator('.total-cost .total-value').getByText('¥6,000.00').waitFor()
    const row = proposal.locator('.assignments-table .el-table__row').filter({ hasText: demandTitle })
    await row.getByText(resourceTitle).waitFor()
    await row.getByText(orgName).waitFor()
    await row.locator('.match-status').getByText('待确认').waitFor()
    await row.locator('.el-table__expand-icon').click()
    await proposal.locator('.explanation .reason').first().waitFor()
    // The Sankey chart draws on a canvas of its own.
    await proposal.locator('.match-sankey canvas').first().waitFor()
    assert.ok((await proposal.locator('.match-sankey').boundingBox()).height >= 200)
    await page.waitForTimeout(1200) // the links' entry animation
    await proposal.locator('.match-sankey').screenshot({ path: path.join(buildDir, 'e2e-matching-sankey.png') })
    // The demand no resource serves, with its binding constraint's label.
    const unmatched = proposal.locator('.unmatched-table .el-table__row').filter({ hasText: lonelyTitle })
    await unmatched.getByText('无同类且覆盖该地区的资源').waitFor()
    assert.deepEqual(run.excluded.map((e) => e.org_name), [listedName])
    await proposal.locator('.excluded').getByText(listedName).waitFor()
    await page.locator('.runs-table .el-table__row').filter({ hasText: `第 ${runId} 次对接` }).waitFor()
    await page.screenshot({ path: path.join(buildDir, 'e2e-matching-workbench.png'), fullPage: true })

    await proposal.getByRole('button', { name: '全部确认' }).click()
    const accepted = await confirmBox(page, (r) => isPost(r, `/api/v1/matching/runs/${runId}/accept`))
    assert.equal(accepted.response.status(), 200, JSON.stringify(accepted.body))
    assert.deepEqual(accepted.response.request().postDataJSON(), {})
    assert.equal(accepted.body.assignments[0].status, 'accepted')
    await row.locator('.match-status').getByText('已确认').waitFor()
    assert.equal(await proposal.getByRole('button', { name: '全部确认' }).isDisabled(), true)
  })

  test('对接记录: start, complete, rate and make a project', async () => {
    const { page, baseUrl } = app
    await openMenu(page, '资源对接', '对接记录')
    await page.waitForURL(new RegExp(`^${baseUrl}/matching/matches`))
    const row = page.locator('.matches-table .el-table__row').filter({ hasText: demandTitle })
    await row.locator('.match-status').getByText('已确认').waitFor()

    for (const [button, step, status] of [['开始服务', 'start', '服务中'], ['完成服务', 'complete', '已完成']]) {
      await row.getByRole('button', { name: button }).click()
      const { response, body } = await confirmBox(page, (r) => isPost(r, `/api/v1/matches/${matchId}/${step}`))
      assert.equal(response.status(), 200, JSON.stringify(body))
      await row.locator('.match-status').getByText(status).waitFor()
    }

    await row.getByRole('button', { name: '评价' }).click()
    const dialog = page.getByRole('dialog', { name: '服务评价' })
    await dialog.waitFor()
    await dialog.locator('.el-rate__item').nth(3).click()
    await dialog.getByLabel('评价意见').fill('骑手反馈培训实用')
    const [rated] = await Promise.all([
      page.waitForResponse((r) => isPost(r, `/api/v1/matches/${matchId}/rate`)),
      dialog.getByRole('button', { name: '确定', exact: true }).click(),
    ])
    const ratedBody = await rated.json()
    assert.equal(rated.status(), 200, JSON.stringify(ratedBody))
    assert.deepEqual(rated.request().postDataJSON(), { rating: 4, comment: '骑手反馈培训实用' })
    assert.equal(ratedBody.status, 'rated')
    await dialog.waitFor({ state: 'hidden' })
    await row.locator('.match-status').getByText('已评价').waitFor()
    assert.equal(await row.getByRole('button', { name: '评价' }).count(), 0)

    await row.getByRole('button', { name: '生成项目' }).click()
    const made = await confirmBox(page, (r) => isPost(r, `/api/v1/matches/${matchId}/project`))
    assert.equal(made.response.status(), 201, JSON.stringify(made.body))
    const projectId = made.body.project_id
    assert.ok(projectId > 0)
    const link = row.getByRole('link', { name: '查看项目' })
    await link.waitFor()
    await page.locator('.el-message-box').waitFor({ state: 'hidden' })
    await page.screenshot({ path: path.join(buildDir, 'e2e-matching-matches.png'), fullPage: true })
    await link.click()
    await page.waitForURL(`${baseUrl}/projects/${projectId}`)
    await page.locator('.project-head .project-status').getByText('草稿').waitFor()
  })

  test('对接记录: 转为活动 opens the event dialog prefilled and links the draft event', async () => {
    const { page, baseUrl } = app
    const venueName = `长安职工之家${suffix}`
    const venue = (await api.expect(201, 'POST', '/api/v1/venues', { name: venueName, unit_id: unionId, region_code: '610000', address: '碑林区南大街 1 号', capacity: 80 })).id
    const booked = await api.expect(201, 'POST', `/api/v1/venues/${venue}/bookings`, { org_id: orgId, start: inSeconds(600), end: inSeconds(4 * 3600), purpose: '技能培训' })
    await api.expect(200, 'POST', `/api/v1/bookings/${booked.items[0].id}/review`, { action: 'approve' })

    await openMenu(page, '资源对接', '对接记录')
    await page.waitForURL(new RegExp(`^${baseUrl}/matching/matches`))
    const row = page.locator('.matches-table .el-table__row').filter({ hasText: demandTitle })
    await row.getByRole('button', { name: '转为活动' }).click()
    const dialog = page.locator('.el-dialog').filter({ hasText: '由对接生成活动' })
    await dialog.waitFor()
    await dialog.getByText(orgName).first().waitFor()
    assert.equal(await dialog.locator('input[name="title"]').inputValue(), demandTitle)
    assert.equal(await dialog.locator('input[name="capacity"]').inputValue(), '30')
    await dialog.locator('.booking-select').click()
    await visible(page, '.el-select-dropdown__item').filter({ hasText: venueName }).first().click()
    const [made] = await Promise.all([
      page.waitForResponse((r) => isPost(r, `/api/v1/matches/${matchId}/event`)),
      dialog.getByRole('button', { name: '确定' }).click(),
    ])
    const event = await made.json()
    assert.equal(made.status(), 201, JSON.stringify(event))
    assert.equal(made.request().postDataJSON().org_id, undefined, 'the match names the organisation')
    assert.equal(event.org_id, orgId)
    assert.equal(event.status, 'draft')
    assert.equal(event.venue_name, venueName)
    assert.deepEqual(event.target_groups, ['new_employment_workers'])
    await page.locator('.el-message').getByText('已生成活动（草稿）').waitFor()
    await dialog.waitFor({ state: 'hidden' })
    const link = row.getByRole('link', { name: '查看活动' })
    await link.waitFor()
    assert.equal(await row.getByRole('button', { name: '转为活动' }).count(), 0)
    await link.click()
    await page.waitForURL(`${baseUrl}/events/${event.id}`)
    await page.getByText(demandTitle).first().waitFor()
  })

  test('the workbench cards open the filtered lists', async () => {
    const { page, baseUrl } = app
    await page.goto(`${baseUrl}/`)
    const summary = await api.expect(200, 'GET', '/api/v1/matching/summary')
    assert.deepEqual(
      { demands: summary.open_demands, headcount: summary.open_headcount, proposals: summary.proposals_to_review, rate: summary.to_rate },
      { demands: 1, headcount: 12, proposals: 0, rate: 0 },
    )
    await page.locator('.match-card-open-headcount .match-card-value').getByText('12', { exact: true }).waitFor()
    await page.locator('.match-card-open-demands .match-card-value').getByText('1', { exact: true }).waitFor()
    await page.locator('.match-card-open-demands').click()
    await page.waitForURL(`${baseUrl}/matching/demands?open=true`)
    await page.locator('.demands-table .el-table__row').filter({ hasText: lonelyTitle }).waitFor()
    assert.equal(await page.locator('.demands-table .el-table__row').count(), 1, 'only the matchable demand')
    // The matched demand reads 已对接 without the filter.
    await page.getByRole('button', { name: '重置' }).click()
    await page.locator('.demands-table .el-table__row').filter({ hasText: demandTitle }).locator('.listing-status').getByText('已对接').waitFor()
  })

  test('a resource closed and reopened, a demand edited and withdrawn through their drawers', async () => {
    const { page, baseUrl } = app
    await page.goto(`${baseUrl}/matching/resources`)
    const row = page.locator('.resources-table .el-table__row').filter({ hasText: resourceTitle })
    await row.locator('.listing-status').getByText('部分对接').waitFor()
    await row.click()
    const drawer = page.locator('.resource-drawer')
    await drawer.getByText(resourceTitle).first().waitFor()
    await drawer.getByText('已占用 30').waitFor()
    for (const [button, title, to, label] of [['关闭', '关闭清单', 'closed', '已关闭'], ['重新开放', '重新开放清单', 'open', '部分对接']]) {
      await drawer.getByRole('button', { name: button, exact: true }).click()
      const dialog = page.getByRole('dialog', { name: title })
      await dialog.waitFor()
      const [moved] = await Promise.all([
        page.waitForResponse((r) => isPost(r, `/api/v1/resources/${resourceId}/transitions`)),
        dialog.getByRole('button', { name: '确定', exact: true }).click(),
      ])
      assert.equal(moved.status(), 200, await moved.text())
      assert.deepEqual(moved.request().postDataJSON(), { to })
      await dialog.waitFor({ state: 'hidden' })
      await drawer.locator('.listing-status').getByText(label, { exact: true }).waitFor()
    }
    await page.keyboard.press('Escape')
    await drawer.waitFor({ state: 'hidden' })

    await page.goto(`${baseUrl}/matching/demands`)
    await page.locator('.demands-table .el-table__row').filter({ hasText: lonelyTitle }).click()
    const demand = page.locator('.demand-drawer')
    await demand.getByText(lonelyTitle).first().waitFor()
    await demand.getByRole('button', { name: '修改' }).click()
    const edit = page.getByRole('dialog', { name: '修改服务需求' })
    await edit.waitFor()
    await edit.getByLabel('需求人数').fill('15')
    const [patched] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'PATCH' && new URL(r.url()).pathname.startsWith('/api/v1/demands/')),
      edit.getByRole('button', { name: '确定', exact: true }).click(),
    ])
    assert.equal(patched.status(), 200, await patched.text())
    assert.deepEqual(patched.request().postDataJSON(), { headcount: 15 })
    await edit.waitFor({ state: 'hidden' })
    await demand.locator('.demand-overview').getByText('15', { exact: true }).waitFor()

    // 撤回 is final and asks a reason first.
    await demand.getByRole('button', { name: '撤回', exact: true }).click()
    const withdraw = page.getByRole('dialog', { name: '撤回清单' })
    await withdraw.waitFor()
    await withdraw.getByText('撤回后不可恢复').waitFor()
    await withdraw.getByRole('button', { name: '确定', exact: true }).click()
    await withdraw.getByText('请填写撤回原因').waitFor()
    await withdraw.getByLabel('原因').fill('体检已由其他渠道安排')
    const [withdrawn] = await Promise.all([
      page.waitForResponse((r) => isPost(r, '/transitions')),
      withdraw.getByRole('button', { name: '确定', exact: true }).click(),
    ])
    assert.equal(withdrawn.status(), 200, await withdrawn.text())
    assert.deepEqual(withdrawn.request().postDataJSON(), { to: 'withdrawn', reason: '体检已由其他渠道安排' })
    await demand.locator('.listing-status').getByText('已撤回', { exact: true }).waitFor()
    assert.equal(await demand.getByRole('button', { name: '修改' }).count(), 0, 'a withdrawn demand is not edited')
    await page.keyboard.press('Escape')
    await page.locator('.demands-table .el-table__row').filter({ hasText: lonelyTitle }).locator('.listing-status').getByText('已撤回').waitFor()
  })

  test('the organisation’s member sees its resources and matches, not demands or the workbench', async () => {
    const { page, baseUrl, context } = app
    await api.expect(201, 'POST', '/api/v1/users', {
      username: 'match.member',
      password: memberPassword,
      display_name: '赵会员',
      unit_id: unionId,
      roles: ['org_member'],
      org_id: orgId,
    })
    await context.clearCookies()
    await page.goto(`${baseUrl}/login`)
    assert.equal((await submitLogin(page, 'match.member', memberPassword)).status(), 200)
    await page.waitForURL(`${baseUrl}/`)
    // Its cards: no demand figures (no match:demand:list), the match-based ones.
    await page.locator('.match-card-in-service').waitFor()
    assert.equal(await page.locator('.match-card-open-demands').count(), 0)
    const menu = page.locator('.side-menu')
    await menu.getByText('资源对接', { exact: true }).click()
    await menu.getByText('资源清单', { exact: true }).waitFor()
    await menu.getByText('对接记录', { exact: true }).waitFor()
    for (const hidden of ['需求清单', '对接工作台']) assert.equal(await menu.getByText(hidden, { exact: true }).count(), 0, `${hidden} must be hidden`)
    await page.goto(`${baseUrl}/matching/workbench`)
    await page.getByText('页面不存在').first().waitFor()

    // A new resource offers its own organisation.
    await page.goto(`${baseUrl}/matching/resources`)
    await page.locator('.resources-table .el-table__row').filter({ hasText: resourceTitle }).waitFor()
    await page.getByRole('button', { name: '新增资源' }).click()
    const dialog = page.getByRole('dialog', { name: '新增服务资源' })
    await dialog.waitFor()
    await dialog.locator('.el-select__selected-item').filter({ hasText: orgName }).first().waitFor()
    await dialog.getByRole('button', { name: '取消' }).click()

    await page.goto(`${baseUrl}/matching/matches`)
    const row = page.locator('.matches-table .el-table__row').filter({ hasText: demandTitle })
    await row.locator('.match-status').getByText('已评价').waitFor()
    for (const name of ['评价', '撤回', '生成项目']) assert.equal(await row.getByRole('button', { name }).count(), 0, `no ${name}`)
    await row.getByRole('link', { name: '查看项目' }).waitFor()
  })

  test('no CSP violations or page errors', () => {
    assert.deepEqual(app.pageProblems, [])
  })
})
