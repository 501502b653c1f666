// The table and navigation kit on the list pages: the search, page and sort live in the URL (a
// reload and the back button from a detail page show the same rows), breadcrumbs lead back,
// sorting a column reorders rows on the server, page tabs keep each page's search, 联系引导 is
// paged with row numbers counting on, the column chooser hides a column and remembers it, the
// full region path shows, and no "暂无数据" shows under the loading mask.
import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { adminPassword, ApiClient, startApp, submitLogin } from './support.mjs'

const kAlphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY'
const kWeights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
/** A valid USCC: `first17` and its check character (GB 32100). */
function uscc(first17) {
  const sum = [...first17].reduce((s, c, i) => s + kAlphabet.indexOf(c) * kWeights[i], 0)
  return first17 + kAlphabet[(31 - (sum % 31)) % 31]
}

const kOrgs = 25
const orgName = (i) => `序列职工服务中心${String(i).padStart(2, '0')}`
const unionName = '陕西省总工会（列表测试）'

let app
let api
let unionId

const rowNames = (page) => page.locator('.page-section .el-table__body-wrapper .el-table__row td:nth-child(2)').allInnerTexts()
const isOrgList = (r) => new URL(r.url()).pathname === '/api/v1/orgs' && r.request().method() === 'GET'

async function openOrgs(page, url) {
  await Promise.all([page.waitForResponse(isOrgList), page.goto(url)])
  await page.locator('.el-table .el-loading-mask').waitFor({ state: 'hidden' })
}

describe('the table and navigation kit', { timeout: 120_000 }, () => {
  before(async () => {
    app = await startApp()
    api = await ApiClient.login(app.baseUrl, 'admin', adminPassword)
    const root = api.session.user.unit_id
    const civil = await api.expect(201, 'POST', '/api/v1/units', { name: '陕西省民政厅（列表测试）', kind: 'civil_affairs', region_code: '610000', parent_id: root })
    unionId = (await api.expect(201, 'POST', '/api/v1/units', { name: unionName, kind: 'union', region_code: '610000', parent_id: root })).id
    for (let i = 1; i <= kOrgs; i++) {
      const org = await api.expect(201, 'POST', '/api/v1/orgs', {
        name: orgName(i),
        uscc: uscc(`52610100MJ${String(i).padStart(7, '0')}`),
        org_type: 'social_service',
        region_code: '610113',
        registration_unit_id: civil.id,
        legal_rep: '王伟',
        phone: '13912345678',
        founded_on: `20${String(10 + (i % 10)).padStart(2, '0')}-06-01`,
        business_scope: '职工服务',
        service_categories: ['skills'],
        labour_field: true,
      })
      await api.expect(201, 'POST', `/api/v1/units/${unionId}/org-links`, { org_id: org.id })
    }
  }, { timeout: 60_000 })

  after(() => app?.stop(), { timeout: 10_000 })

  test('search, page and sort in the URL survive a detail page, back and reload', async () => {
    const { page, baseUrl } = app
    await page.goto(`${baseUrl}/login`)
    assert.equal((await submitLogin(page, 'admin', adminPassword)).status(), 200)
    await page.waitForURL(`${baseUrl}/`)
    await openOrgs(page, `${baseUrl}/orgs`)

    await page.locator('input[name="q"]').fill('序列')
    await Promise.all([page.waitForResponse(isOrgList), page.getByRole('button', { name: '搜索' }).click()])
    await page.waitForURL((url) => url.searchParams.get('q') === '序列' && !url.searchParams.has('page'))
    await Promise.all([page.waitForResponse(isOrgList), page.locator('.el-pager li', { hasText: /^2$/ }).click()])
    await page.waitForURL((url) => url.searchParams.get('page') === '2')
    const second = await rowNames(page)
    assert.equal(second.length, 5)
    assert.equal(second[0], orgName(5), 'newest first: page 2 starts at the 21st newest')
    // Row numbers count on across pages.
    assert.equal(await page.locator('.el-table__body-wrapper .el-table__row').first().locator('td').first().innerText(), '21')
    // The full region path, not only the county.
    await page.locator('.el-table__body-wrapper').getByText('陕西省 / 西安市 / 雁塔区').first().waitFor()

    await page.locator('.el-table__row').filter({ hasText: orgName(5) }).getByRole('button', { name: '详情' }).click()
    await page.waitForURL(/\/orgs\/\d+$/)
    await page.goBack()
    await page.waitForURL((url) => url.pathname === '/orgs' && url.searchParams.get('page') === '2')
    assert.equal(await page.locator('input[name="q"]').inputValue(), '序列')
    assert.deepEqual(await rowNames(page), second)
    assert.equal(await page.locator('.el-pager li.is-active').innerText(), '2')

    await Promise.all([page.waitForResponse(isOrgList), page.reload()])
    await page.locator('.el-table .el-loading-mask').waitFor({ state: 'hidden' })
    assert.equal(await page.locator('input[name="q"]').inputValue(), '序列')
    assert.deepEqual(await rowNames(page), second)

    // The breadcrumb on a detail page leads back to the list where it was.
    await page.locator('.el-table__row').filter({ hasText: orgName(3) }).getByRole('button', { name: '详情' }).click()
    await page.waitForURL(/\/orgs\/\d+$/)
    const crumb = page.locator('.top-bar .el-breadcrumb a.crumb-link', { hasText: '组织名录' })
    await crumb.click()
    await page.waitForURL((url) => url.pathname === '/orgs' && url.searchParams.get('page') === '2' && url.searchParams.get('q') === '序列')
    assert.deepEqual(await rowNames(page), second)
  })

  test('sorting a column reorders the rows on the server and lands in the URL', async () => {
    const { page, baseUrl } = app
    await openOrgs(page, `${baseUrl}/orgs?q=${encodeURIComponent('序列')}`)
    assert.equal((await rowNames(page))[0], orgName(kOrgs))
    const header = page.locator('.el-table__header th').filter({ hasText: '组织名称' })
    const [ascending] = await Promise.all([page.waitForResponse(isOrgList), header.click()])
    assert.equal(new URL(ascending.url()).searchParams.get('sort'), 'name')
    await page.waitForURL((url) => url.searchParams.get('sort') === 'name')
    await page.locator('.el-table .el-loading-mask').waitFor({ state: 'hidden' })
    const names = await rowNames(page)
    assert.equal(names[0], orgName(1))
    assert.deepEqual(names, [...names].sort())
    const [descending] = await Promise.all([page.waitForResponse(isOrgList), header.click()])
    assert.equal(new URL(descending.url()).searchParams.get('sort'), '-name')
    await page.locator('.el-table .el-loading-mask').waitFor({ state: 'hidden' })
    assert.equal((await rowNames(page))[0], orgName(kOrgs))

    // A reload keeps the order and shows it on the column.
    await Promise.all([page.waitForResponse(isOrgList), page.reload()])
    await page.locator('.el-table .el-loading-mask').waitFor({ state: 'hidden' })
    assert.equal((await rowNames(page))[0], orgName(kOrgs))
    assert.match((await header.getAttribute('class')) ?? '', /descending/)
  })

  test('page tabs keep each page\'s search while switching', async () => {
    const { page, baseUrl } = app
    await openOrgs(page, `${baseUrl}/orgs`)
    await page.locator('input[name="q"]').fill('序列职工服务中心07')
    await Promise.all([page.waitForResponse(isOrgList), page.getByRole('button', { name: '搜索' }).click()])
    await page.locator('.el-table__row').filter({ hasText: orgName(7) }).waitFor()

    await page.locator('.side-menu').getByText('系统管理', { exact: true }).click()
    await page.locator('.side-menu').getByText('用户管理', { exact: true }).click()
    await page.waitForURL(`${baseUrl}/system/users`)
    await page.locator('.page-tab.active').getByText('用户管理').waitFor()
    await page.locator('input[name="q"]').fill('admin')
    await page.getByRole('button', { name: '搜索' }).click()
    await page.waitForURL((url) => url.searchParams.get('q') === 'admin')

    // Back on the organisations' tab: the same search, its rows fetched afresh with it.
    const [again] = await Promise.all([
      page.waitForResponse(isOrgList),
      page.locator('.page-tabs .page-tab').filter({ hasText: '组织名录' }).click(),
    ])
    assert.equal(new URL(again.url()).searchParams.get('q'), '序列职工服务中心07')
    await page.waitForURL((url) => url.pathname === '/orgs' && url.searchParams.get('q') === '序列职工服务中心07')
    await page.locator('.el-table .el-loading-mask').waitFor({ state: 'hidden' })
    assert.equal(await page.locator('input[name="q"]').filter({ visible: true }).inputValue(), '序列职工服务中心07')
    assert.deepEqual(await rowNames(page), [orgName(7)])
    await page.locator('.page-tab.active').getByText('组织名录').waitFor()

    // The tab bar's refresh rebuilds the page: a new request, the same search (from the URL).
    await page.locator('.page-tabs .more-button').click()
    const [refreshed] = await Promise.all([
      page.waitForResponse(isOrgList),
      page.locator('.el-dropdown-menu__item:visible', { hasText: '刷新页面' }).click(),
    ])
    assert.equal(new URL(refreshed.url()).searchParams.get('q'), '序列职工服务中心07')
    await page.locator('.el-table .el-loading-mask').waitFor({ state: 'hidden' })
    assert.equal(await page.locator('input[name="q"]').inputValue(), '序列职工服务中心07')
    assert.deepEqual(await rowNames(page), [orgName(7)])

    // A link with other filters (the workbench's figures) shows the kept page with those.
    await page.locator('.page-tabs .page-tab').filter({ hasText: '首页' }).click()
    await page.waitForURL(`${baseUrl}/`)
    const [linked] = await Promise.all([page.waitForResponse(isOrgList), page.locator('.figure-total').click()])
    assert.equal(new URL(linked.url()).searchParams.get('q'), null)
    await page.waitForURL((url) => url.pathname === '/orgs' && url.searchParams.get('in_scope') === 'true')
    assert.equal(await page.locator('input[name="q"]').inputValue(), '')
    await page.goBack()
    await page.waitForURL(`${baseUrl}/`)
    await page.goBack()
    await page.waitForURL((url) => url.pathname === '/orgs' && url.searchParams.get('q') === '序列职工服务中心07')
    await page.locator('.el-table__row').filter({ hasText: orgName(7) }).waitFor()
    assert.equal(await page.locator('input[name="q"]').inputValue(), '序列职工服务中心07')
    // The menu entry of an open tab returns to it too.
    await page.locator('.side-menu').getByText('用户管理', { exact: true }).click()
    await page.waitForURL((url) => url.pathname === '/system/users' && url.searchParams.get('q') === 'admin')
    assert.equal(await page.locator('input[name="q"]').filter({ visible: true }).inputValue(), 'admin')

    // Close the users' tab: the neighbour shows.
    await page.locator('.page-tabs .page-tab').filter({ hasText: '用户管理' }).getByRole('button', { name: /关闭/ }).click()
    await page.waitForURL((url) => url.pathname !== '/system/users')
    assert.equal(await page.locator('.page-tabs .page-tab').filter({ hasText: '用户管理' }).count(), 0)
  })

  test('联系引导 is paged, numbers rows across pages, and unlinks a selection', async () => {
    const { page, baseUrl } = app
    const isLinks = (r) => new URL(r.url()).pathname === `/api/v1/units/${unionId}/org-links`
    await Promise.all([page.waitForResponse(isLinks), page.goto(`${baseUrl}/orgs/links?unit_id=${unionId}`)])
    await page.locator('.links-table .el-loading-mask').waitFor({ state: 'hidden' })
    const rows = page.locator('.links-table .el-table__body-wrapper .el-table__row')
    assert.equal(await rows.count(), 20)
    await page.locator('.el-pagination').getByText(`共 ${kOrgs} 条`).waitFor()
    // The picker shows the unit the URL names by its name.
    await page.locator('.unit-select').getByText(unionName).waitFor()

    const [second] = await Promise.all([page.waitForResponse(isLinks), page.locator('.el-pager li', { hasText: /^2$/ }).click()])
    assert.equal(new URL(second.url()).searchParams.get('page'), '2')
    await page.waitForURL((url) => url.searchParams.get('page') === '2')
    await page.locator('.links-table .el-loading-mask').waitFor({ state: 'hidden' })
    assert.equal(await rows.count(), kOrgs - 20)
    assert.equal(await rows.first().locator('td').nth(1).innerText(), '21')

    // Select two rows, unlink them in one go.
    await rows.nth(0).locator('.el-checkbox').click()
    await rows.nth(1).locator('.el-checkbox').click()
    await page.locator('.table-toolbar').getByText('已选 2 项').waitFor()
    await page.getByRole('button', { name: '批量解除联系' }).click()
    await Promise.all([page.waitForResponse(isLinks), page.getByRole('dialog').getByRole('button', { name: '确定' }).click()])
    await page.locator('.el-pagination').getByText(`共 ${kOrgs - 2} 条`).waitFor()
  })

  test('the column chooser hides a column and remembers it', async () => {
    const { page, baseUrl } = app
    await openOrgs(page, `${baseUrl}/orgs`)
    const usccHeader = page.locator('.el-table__header th').filter({ hasText: '统一社会信用代码' })
    assert.equal(await usccHeader.count(), 1)
    await page.getByRole('button', { name: '列设置' }).click()
    await page.locator('.column-chooser').getByText('统一社会信用代码').click()
    await usccHeader.waitFor({ state: 'detached' })

    await Promise.all([page.waitForResponse(isOrgList), page.reload()])
    await page.locator('.el-table__header th').filter({ hasText: '组织名称' }).waitFor()
    assert.equal(await usccHeader.count(), 0, 'the hidden column came back after a reload')

    await page.getByRole('button', { name: '列设置' }).click()
    await page.locator('.column-chooser').getByText('统一社会信用代码').click()
    await usccHeader.waitFor()
  })

  test('a loading table shows no "暂无数据" under its mask', async () => {
    const { page, baseUrl } = app
    let release
    const held = new Promise((resolve) => (release = resolve))
    const matcher = (url) => url.pathname === '/api/v1/orgs'
    await page.route(matcher, async (route) => {
      await held
      await route.continue()
    })
    try {
      await page.goto(`${baseUrl}/orgs?q=${encodeURIComponent('没有这样的组织')}`)
      await page.locator('.el-table .el-loading-mask').waitFor()
      assert.equal(await page.locator('.el-table__empty-text').getByText('暂无数据').count(), 0)
      release()
      await page.locator('.el-table .el-loading-mask').waitFor({ state: 'hidden' })
      await page.locator('.el-table__empty-text').getByText('暂无数据').waitFor()
    } finally {
      release()
      await page.unroute(matcher)
    }
  })

  test('no CSP violations or page errors', () => {
    assert.deepEqual(app.pageProblems, [])
  })
})
