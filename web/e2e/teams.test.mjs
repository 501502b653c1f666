// Rural-revitalisation teams (合力团, issue #13): a civil-affairs officer forms a team on the 合力团
// page (lead and two members), adds this year's plan and a help project shared by the lead and
// one member; the team's progress counts it once while the by-member table shows it for both and
// says the rows exceed the team total. Then 131 help projects of 2022 with SPEC §6's sums (some
// shared) and the 2022 consumption, made through the API, show on the 万社助万家 overview's total
// row as the demo's figures. Screenshot: ../build/e2e-teams.png.
import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import path from 'node:path'
import { adminPassword, ApiClient, buildDir, startApp, submitLogin, timeout } from './support.mjs'

const suffix = Date.now() % 100000
const password = 'Teams-E2e-Passw0rd'
const names = [`陕西省秦商总会${suffix}`, `陕西省慈善协会${suffix}`, `陕西省茶叶流通协会${suffix}`]
const teamName = `秦商乡村振兴合力团${suffix}`
const year = new Date().getFullYear()

let app
let api
const orgIds = []

const visible = (page, selector) => page.locator(selector).filter({ visible: true })

/** GB 32100-2015's check character of the first 17 characters. */
function uscc(first17) {
  const alphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY'
  const weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
  const sum = [...first17].reduce((s, c, i) => s + alphabet.indexOf(c) * weights[i], 0)
  return first17 + alphabet[(31 - (sum % 31)) % 31]
}

async function pick(page, dialog, label, text) {
  const item = dialog.locator('.el-form-item').filter({ hasText: label })
  await item.locator('.el-select').click()
  await item.locator('input').first().fill(text.slice(0, 6))
  await visible(page, '.el-select-dropdown__item').filter({ hasText: text }).first().click()
}

describe('teams', { timeout: 120_000 }, () => {
  before(async () => {
    app = await startApp()
    api = await ApiClient.login(app.baseUrl, 'admin', adminPassword)
    const root = api.session.user.unit_id
    const civil = await api.expect(201, 'POST', '/api/v1/units', { name: `陕西省民政厅${suffix}`, kind: 'civil_affairs', region_code: '610000', parent_id: root })
    for (const [i, name] of names.entries()) {
      const org = await api.expect(201, 'POST', '/api/v1/orgs', {
        name,
        uscc: uscc(`51610000MJ${String(suffix * 10 + i).padStart(7, '0')}`),
        org_type: 'social_group',
        region_code: '610000',
        registration_unit_id: civil.id,
        legal_rep: '王建国',
        phone: '13912345678',
        founded_on: '2012-04-01',
        business_scope: '助力乡村振兴',
        service_categories: ['common_prosperity'],
        labour_field: false,
      })
      orgIds.push(org.id)
    }
    await api.expect(201, 'POST', '/api/v1/users', { username: 'team.officer', password, display_name: '张民政', unit_id: civil.id, roles: ['civil_affairs_officer'] })
  }, { timeout: 30_000 })

  after(() => app?.stop(), { timeout: 10_000 })

  test('a help project shared by two members counts once in the team progress', async () => {
    const { page, baseUrl } = app
    await page.goto(`${baseUrl}/login`)
    assert.equal((await submitLogin(page, 'team.officer', password)).status(), 200)
    await page.waitForURL(`${baseUrl}/`)
    await page.locator('.side-menu').getByText('乡村振兴合力团', { exact: true }).click()
    await page.locator('.side-menu').getByText('合力团', { exact: true }).click()
    await page.waitForURL(`${baseUrl}/teams`)
    await page.getByText('暂无合力团').waitFor()

    await page.getByRole('button', { name: '组建合力团' }).click()
    const dialog = page.getByRole('dialog', { name: '组建合力团' })
    await dialog.getByLabel('合力团名称').fill(teamName)
    await dialog.locator('.el-form-item').filter({ hasText: '帮扶领域' }).locator('.el-select').click()
    await visible(page, '.el-select-dropdown__item').filter({ hasText: '产业振兴' }).click()
    await pick(page, dialog, '团长单位', names[0])
    for (const member of names.slice(1)) await pick(page, dialog, '成员单位', member)
    const [created] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/api/v1/teams') && r.request().method() === 'POST'),
      dialog.getByRole('button', { name: '确定' }).click(),
    ])
    const team = await created.json()
    assert.equal(created.status(), 201, JSON.stringify(team))
    assert.deepEqual(team.member_org_ids, orgIds)
    await page.waitForURL(`${baseUrl}/teams/${team.id}`)
    await page.locator('.team-name').getByText(teamName).waitFor()

    await page.getByRole('button', { name: '新增年度计划' }).click()
    const planDialog = page.getByRole('dialog', { name: '新增年度计划' })
    await planDialog.locator('input[name="projects_planned"]').fill('2')
    await planDialog.locator('input[name="funds"]').fill('100000')
    const [plan] = await Promise.all([page.waitForResponse((r) => r.url().endsWith('/plans')), planDialog.locator('.save-plan').click()])
    assert.equal(plan.status(), 201)
    assert.equal((await plan.json()).year, year)

    await page.getByRole('button', { name: '新增帮扶项目' }).click()
    const help = page.getByRole('dialog', { name: '新增帮扶项目' })
    await help.getByLabel('项目名称').fill('府谷县红枣产业帮扶')
    await help.locator('.counties').click()
    await help.locator('.counties input').fill('府谷')
    await visible(page, '.el-select-dropdown__item').filter({ hasText: '府谷县' }).click()
    await help.locator('input[name="funds"]').fill('50000')
    await help.locator('input[name="beneficiaries"]').fill('1200')
    await help.locator('.participants').getByText(names[0]).click()
    await help.locator('.participants').getByText(names[1]).click()
    const [saved] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/help-projects') && r.request().method() === 'POST'),
      help.locator('.save-help').click(),
    ])
    const project = await saved.json()
    assert.equal(saved.status(), 201, JSON.stringify(project))
    assert.deepEqual(project.member_org_ids, orgIds.slice(0, 2))

    // Counted once in the team's figures, once for each of the two members.
    await page.locator('.actual-projects').getByText('1', { exact: true }).waitFor({ timeout })
    await page.locator('.planned-projects').getByText('2', { exact: true }).waitFor()
    const rows = page.locator('.by-member .el-table__body tr')
    await rows.filter({ hasText: names[0] }).locator('td').nth(1).getByText('1', { exact: true }).waitFor()
    await rows.filter({ hasText: names[1] }).locator('td').nth(1).getByText('1', { exact: true }).waitFor()
    await rows.filter({ hasText: names[2] }).locator('td').nth(1).getByText('0', { exact: true }).waitFor()
    await page.getByText('因此各行之和大于合力团合计（1 个项目）', { exact: false }).waitFor()
    const progress = await api.expect(200, 'GET', `/api/v1/teams/${team.id}/progress?year=${year}`)
    assert.deepEqual(progress, {
      planned: { projects: 2, funds_fen: 10_000_000 },
      actual: { projects: 1, funds_fen: 5_000_000, beneficiaries: 1200, direct_purchase_fen: 0, sales_helped_fen: 0 },
    })
  })

  test('the 万社助万家 overview totals the province like the demo', async () => {
    const { page, baseUrl } = app
    // As the officer: a team belongs to its creator's unit, and the overview shows the caller's.
    const officer = await ApiClient.login(baseUrl, 'team.officer', password)
    const team = await officer.expect(201, 'POST', '/api/v1/teams', { name: `慈善公益帮扶合力团${suffix}`, domain: 'charity', lead_org_id: orgIds[1], member_org_ids: [orgIds[2]] })
    const funds = Array.from({ length: 131 }, (_, j) => 38_000_000 + (j % 7) * 100_000)
    funds[130] = 5_043_460_000 - funds.slice(0, 130).reduce((a, b) => a + b, 0)
    const people = Array.from({ length: 131 }, (_, j) => (j < 130 ? 2300 + (j % 5) * 20 : 0))
    people[130] = 310_000 - people.reduce((a, b) => a + b, 0)
    for (let j = 0; j < 131; j++) {
      await officer.expect(201, 'POST', `/api/v1/teams/${team.id}/help-projects`, {
        title: `帮扶项目${j + 1}`,
        county_code: '610828',
        funds_fen: funds[j],
        beneficiaries: people[j],
        started_on: `2022-${String((j % 12) + 1).padStart(2, '0')}-15`,
        member_org_ids: j % 4 === 1 ? [orgIds[1], orgIds[2]] : [],
      })
    }
    await officer.expect(201, 'POST', `/api/v1/teams/${team.id}/consumption`, { on: '2022-06-20', kind: 'direct_purchase', amount_fen: 607_200_000, county_code: '610828' })
    await officer.expect(201, 'POST', `/api/v1/teams/${team.id}/consumption`, { on: '2022-11-20', kind: 'sales_helped', amount_fen: 788_500_000, county_code: '610828' })

    await page.locator('.side-menu').getByText('万社助万家', { exact: true }).click()
    await page.waitForURL(`${baseUrl}/teams/overview`)
    const yearInput = page.getByPlaceholder('全部年度')
    await yearInput.click()
    await visible(page, '.el-year-table td').filter({ hasText: '2022' }).click()
    const footer = page.locator('.overview-table .el-table__footer')
    await footer.getByText('131', { exact: true }).waitFor({ timeout })
    for (const figure of ['¥5,043.46万元', '310000', '¥607.2万元', '¥788.5万元']) {
      await footer.getByText(figure, { exact: true }).waitFor()
    }
    const overview = await officer.expect(200, 'GET', '/api/v1/teams/overview?region_code=610000&year=2022')
    assert.equal(overview.total.actual.projects, 131)
    assert.equal(overview.total.actual.funds_fen, 5_043_460_000)
    await page.screenshot({ path: path.join(buildDir, 'e2e-teams.png'), fullPage: true })
  })
})
