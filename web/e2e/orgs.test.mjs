// Admin enters an organisation through the 组织名录 dialog, finds it by part of its name, changes
// its status on the detail page (the timeline grows), approves an application on 登记审查; then,
// logged out, the public disclosure shows the masked phone. Screenshot: ../build/e2e-orgs.png.
import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import path from 'node:path'
import { adminPassword, ApiClient, buildDir, expectText, startApp, submitLogin, timeout } from './support.mjs'

const suffix = Date.now() % 100000
const orgName = `秦岭职工服务中心${suffix}`
const applicantName = `汉江职工互助会${suffix}`
const uscc = '52610100MJ0000001W'
const applicantUscc = '52610100MJ00000020'
const authorityName = `陕西省民政厅${suffix}`

let app
let api
let authorityId
let orgId

/** The popper items of the open dropdown or cascader (poppers live under body). */
const visible = (page, selector) => page.locator(selector).filter({ visible: true })

async function settle(page) {
  await page.locator('.el-message').first().waitFor({ state: 'detached', timeout }).catch(() => {})
  await page.waitForTimeout(400)
}

describe('social organisations', { timeout: 85_000 }, () => {
  before(async () => {
    app = await startApp()
    api = await ApiClient.login(app.baseUrl, 'admin', adminPassword)
    const authority = await api.expect(201, 'POST', '/api/v1/units', {
      name: authorityName,
      kind: 'civil_affairs',
      region_code: '610000',
      parent_id: api.session.user.unit_id,
    })
    authorityId = authority.id
  }, { timeout: 30_000 })

  after(() => app?.stop(), { timeout: 10_000 })

  test('an organisation created through the dialog, found by part of its name', async () => {
    const { page, baseUrl } = app
    await page.goto(`${baseUrl}/login`)
    assert.equal((await submitLogin(page, 'admin', adminPassword)).status(), 200)
    await page.waitForURL(`${baseUrl}/`)
    await page.locator('.side-menu').getByText('社会组织', { exact: true }).click()
    const [listed] = await Promise.all([
      page.waitForResponse((r) => new URL(r.url()).pathname === '/api/v1/orgs' && r.request().method() === 'GET'),
      page.locator('.side-menu').getByText('组织名录', { exact: true }).click(),
    ])
    assert.equal(listed.status(), 200)
    await page.waitForURL(`${baseUrl}/orgs`)

    await page.getByRole('button', { name: '新增' }).first().click()
    const dialog = page.getByRole('dialog', { name: '新增社会组织' })
    await dialog.waitFor()
    await dialog.getByLabel('组织名称').fill(orgName)
    const usccInput = dialog.getByLabel('统一社会信用代码')
    assert.equal(await usccInput.getAttribute('placeholder'), '18位统一社会信用代码')
    await usccInput.fill(uscc)
    await dialog.getByText('社会服务机构（民办非企业单位）', { exact: true }).click()
    await dialog.locator('.el-cascader').click()
    await visible(page, '.el-cascader-node').filter({ hasText: '全国' }).click()
    await visible(page, '.el-cascader-node').filter({ hasText: '陕西省' }).locator('.el-radio').click()
    await dialog.locator('.el-dialog__header').click()
    assert.match(await dialog.locator('.el-cascader input').inputValue(), /陕西省/)
    await dialog.getByLabel('登记管理机关').click()
    await dialog.getByLabel('登记管理机关').fill('民政厅')
    await visible(page, '.el-select-dropdown__item').filter({ hasText: authorityName }).click()
    await dialog.getByLabel('法定代表人').fill('王小明')
    await dialog.getByLabel('联系电话').fill('13912345678')
    await dialog.getByLabel('成立日期').fill('2020-01-02')
    await dialog.getByLabel('成立日期').press('Enter')
    await dialog.getByLabel('业务范围').fill('职工技能培训、职工健康服务')
    await dialog.getByText('劳动竞赛和技能提升类', { exact: true }).click()
    await dialog.getByText('职工健康服务类', { exact: true }).click()
    await dialog.getByText('登记', { exact: true }).click()
    const [created] = await Promise.all([
      page.waitForResponse((r) => new URL(r.url()).pathname === '/api/v1/orgs' && r.request().method() === 'POST'),
      dialog.getByRole('button', { name: '确定' }).click(),
    ])
    const body = await created.json()
    assert.equal(created.status(), 201, JSON.stringify(body))
    assert.deepEqual(
      { uscc: body.uscc, org_type: body.org_type, region_code: body.region_code, unit: body.registration_unit_id, phone: body.phone, founded_on: body.founded_on, status: body.status, labour_field: body.labour_field },
      { uscc, org_type: 'social_service', region_code: '610000', unit: authorityId, phone: '13912345678', founded_on: '2020-01-02', status: 'registered', labour_field: true },
    )
    assert.deepEqual([...body.service_categories].sort(), ['health', 'skills'])
    orgId = body.id
    await dialog.waitFor({ state: 'hidden' })
    await page.locator('.el-table').getByText(orgName).waitFor()

    await page.getByPlaceholder('按名称关键字搜索').fill(orgName.slice(0, 2))
    const [searched] = await Promise.all([
      page.waitForResponse((r) => r.url().includes('/api/v1/orgs?') && new URL(r.url()).searchParams.get('q') === '秦岭'),
      page.getByRole('button', { name: '搜索' }).click(),
    ])
    assert.equal((await searched.json()).total, 1)
    await page.locator('.el-table__row').filter({ hasText: orgName }).locator('.org-status').getByText('登记').waitFor()
  })

  test('the detail page changes the status and the timeline grows', async () => {
    const { page, baseUrl } = app
    await page.locator('.el-table__row').filter({ hasText: orgName }).getByRole('button', { name: '详情' }).click()
    await page.waitForURL(`${baseUrl}/orgs/${orgId}`)
    await page.locator('.org-detail').getByText('13912345678').waitFor()
    const items = page.locator('.org-history .el-timeline-item')
    await items.first().waitFor()
    assert.equal(await items.count(), 1)

    await page.getByRole('button', { name: '状态变更' }).click()
    const dialog = page.getByRole('dialog', { name: '变更登记状态' })
    await dialog.waitFor()
    // From 登记 only 异常 and 注销中 are offered.
    assert.deepEqual(await dialog.locator('.el-radio').allInnerTexts(), ['异常', '注销中'])
    await dialog.getByText('异常', { exact: true }).click()
    await dialog.getByLabel('变更原因').fill('未按时报送年度报告')
    const [moved] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith(`/api/v1/orgs/${orgId}/transitions`)),
      dialog.getByRole('button', { name: '确定' }).click(),
    ])
    assert.equal(moved.status(), 200)
    assert.equal((await moved.json()).status, 'abnormal')
    await dialog.waitFor({ state: 'hidden' })
    await page.locator('.org-history').getByText('未按时报送年度报告').waitFor()
    assert.equal(await items.count(), 2)
    await page.locator('.org-detail .org-status').getByText('异常').waitFor()

    // 修改: the USCC stays as registered; the edit joins the timeline.
    await page.getByRole('button', { name: '修改' }).click()
    const edit = page.getByRole('dialog', { name: '修改社会组织' })
    await edit.waitFor()
    assert.equal(await edit.getByLabel('统一社会信用代码').isDisabled(), true)
    await edit.getByLabel('业务范围').fill('职工技能培训、职工健康服务、职工法律援助')
    const [patched] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith(`/api/v1/orgs/${orgId}`) && r.request().method() === 'PATCH'),
      edit.getByRole('button', { name: '确定' }).click(),
    ])
    assert.equal(patched.status(), 200, JSON.stringify(await patched.json()))
    await edit.waitFor({ state: 'hidden' })
    await page.locator('.org-detail').getByText('职工法律援助', { exact: false }).waitFor()
    await page.locator('.org-history').getByText('业务范围', { exact: true }).waitFor()
    assert.equal(await items.count(), 3)
    await settle(page)
    await page.screenshot({ path: path.join(buildDir, 'e2e-orgs.png'), fullPage: true })
  })

  test('an application is approved on 登记审查', async () => {
    const { page, baseUrl } = app
    const applicant = await api.expect(201, 'POST', '/api/v1/orgs', {
      name: applicantName,
      uscc: applicantUscc,
      org_type: 'social_service',
      region_code: '610000',
      registration_unit_id: authorityId,
      legal_rep: '李华',
      phone: '13800001111',
      founded_on: '2023-05-06',
      business_scope: '职工互助服务',
      service_categories: ['volunteer'],
      labour_field: false,
      status: 'applying',
    })
    const [listed] = await Promise.all([
      page.waitForResponse((r) => r.url().includes('/api/v1/orgs?') && r.url().includes('status=applying') && r.url().includes('in_scope=true')),
      page.locator('.side-menu').getByText('登记审查', { exact: true }).click(),
    ])
    assert.equal(listed.status(), 200)
    await page.waitForURL(`${baseUrl}/orgs/review`)
    const row = page.locator('.el-table__row').filter({ hasText: applicantName })
    await row.getByRole('button', { name: '审查' }).click()
    const dialog = page.getByRole('dialog', { name: `登记审查：${applicantName}` })
    await dialog.waitFor()
    assert.equal(await dialog.getByRole('button', { name: '通过' }).isDisabled(), true)
    for (const label of ['业务范围审查通过', '以非营利为目的', '不分配利润', '资产用于公益']) {
      await dialog.getByText(label, { exact: true }).click()
    }
    await dialog.getByLabel('审查意见').fill('材料齐全，准予登记')
    const [reviewed] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith(`/api/v1/orgs/${applicant.id}/review`)),
      dialog.getByRole('button', { name: '通过' }).click(),
    ])
    assert.equal(reviewed.status(), 200)
    assert.equal((await reviewed.json()).status, 'registered')
    await dialog.waitFor({ state: 'hidden' })
    await row.waitFor({ state: 'detached' })
  })

  test('a union links the approved organisation on 联系引导, then unlinks it', async () => {
    const { page, baseUrl } = app
    const unionName = `陕西省总工会${suffix}`
    await api.expect(201, 'POST', '/api/v1/units', {
      name: unionName,
      kind: 'union',
      region_code: '610000',
      parent_id: api.session.user.unit_id,
    })
    await page.locator('.side-menu').getByText('联系引导', { exact: true }).click()
    await page.waitForURL(`${baseUrl}/orgs/links`)
    await page.getByLabel('工会').click()
    await page.getByLabel('工会').fill('总工会')
    const [links] = await Promise.all([
      page.waitForResponse((r) => /\/api\/v1\/units\/\d+\/org-links$/.test(r.url())),
      visible(page, '.el-select-dropdown__item').filter({ hasText: unionName }).click(),
    ])
    assert.equal(links.status(), 200)
    await page.getByRole('button', { name: '新增联系' }).click()
    const dialog = page.getByRole('dialog', { name: '新增联系引导' })
    await dialog.waitFor()
    await dialog.getByLabel('组织名称').fill(applicantName.slice(0, 2))
    await visible(page, '.el-select-dropdown__item').filter({ hasText: applicantName }).click()
    await dialog.getByLabel('联系起始日期').fill('2024-03-01')
    await dialog.getByLabel('联系起始日期').press('Enter')
    const [linked] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/org-links') && r.request().method() === 'POST'),
      dialog.getByRole('button', { name: '确定' }).click(),
    ])
    assert.equal(linked.status(), 201, JSON.stringify(await linked.json()))
    assert.equal((await linked.json()).since, '2024-03-01')
    await dialog.waitFor({ state: 'hidden' })
    const row = page.locator('.links-table .el-table__row').filter({ hasText: applicantName })
    await row.waitFor()
    await row.getByRole('button', { name: '解除' }).click()
    const [unlinked] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'DELETE' && r.url().includes('/org-links/')),
      page.locator('.el-message-box').getByRole('button', { name: '确定' }).click(),
    ])
    assert.ok(unlinked.ok(), `DELETE answered ${unlinked.status()}`)
    await page.locator('.links-table .el-table__row').filter({ hasText: applicantName }).filter({ hasText: '—' }).waitFor({ state: 'detached' })
  })

  test('the public disclosure, without logging in', async () => {
    const { page, context, baseUrl } = app
    await context.clearCookies()
    await page.goto(`${baseUrl}/login`)
    await page.getByRole('link', { name: '信息公开查询' }).click()
    await page.waitForURL(`${baseUrl}/public/orgs`)
    await page.getByPlaceholder('社会组织名称或统一社会信用代码').fill(uscc)
    const [found] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith(`/api/public/orgs/${uscc}`)),
      page.getByRole('button', { name: '查询' }).click(),
    ])
    assert.equal(found.status(), 200)
    const card = page.locator('.disclosure')
    await card.getByText(orgName).waitFor()
    await card.locator('.phone').getByText('139****5678', { exact: true }).waitFor()
    assert.equal(await card.getByText('13912345678').count(), 0)
    await expectText(page, '社会服务机构')
    assert.equal(await card.getByText('暂无记录', { exact: true }).count(), 3)
    assert.equal(new URL(page.url()).pathname, '/public/orgs')
  })

  test('no CSP violations or page errors', () => {
    assert.deepEqual(app.pageProblems, [])
  })
})
