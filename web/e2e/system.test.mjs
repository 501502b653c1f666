// Admin walks the 系统管理 pages, creates a unit through the dialog, finds its creation in the
// audit log and verifies the hash chain. Screenshots: ../build/e2e-users.png, e2e-audit.png.
import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import path from 'node:path'
import { adminPassword, buildDir, expectText, startApp, submitLogin, timeout } from './support.mjs'

const unitName = `朝阳区总工会${Date.now() % 100000}`

let app

/** Lets toasts and transitions finish before a screenshot (bounded). */
async function settle(page) {
  await page.locator('.el-message').first().waitFor({ state: 'detached', timeout }).catch(() => {})
  await page.waitForTimeout(400)
}

/** Opens a page from the side menu and waits for its list request to succeed. */
async function openPage(menuText, apiPath) {
  const { page } = app
  const [response] = await Promise.all([
    page.waitForResponse((r) => new URL(r.url()).pathname === apiPath && r.request().method() === 'GET'),
    page.locator('.side-menu').getByText(menuText, { exact: true }).click(),
  ])
  assert.equal(response.status(), 200, `${menuText}: GET ${apiPath} answered ${response.status()}`)
  await page.locator('.el-table').first().waitFor()
  assert.equal(await page.locator('.page-container .el-alert--error').count(), 0, `${menuText} shows an error`)
}

describe('system management pages', { timeout: 85_000 }, () => {
  before(async () => {
    app = await startApp()
  }, { timeout: 30_000 })

  after(() => app?.stop(), { timeout: 10_000 })

  test('admin opens every page', async () => {
    const { page, baseUrl } = app
    await page.goto(`${baseUrl}/login`)
    assert.equal((await submitLogin(page, 'admin', adminPassword)).status(), 200)
    await page.waitForURL(`${baseUrl}/`)
    await page.locator('.side-menu').getByText('系统管理').click()
    await openPage('用户管理', '/api/v1/users')
    await page.locator('.el-table').getByText('admin', { exact: true }).waitFor()
    await page.locator('.el-table .el-tag').getByText('系统管理员').waitFor()
    await settle(page)
    await page.screenshot({ path: path.join(buildDir, 'e2e-users.png'), fullPage: true })
    await openPage('角色权限', '/api/v1/roles')
    await openPage('在线用户', '/api/v1/sessions')
    await page.locator('.el-table').getByText('当前会话').waitFor()
    await openPage('登录日志', '/api/v1/login-log')
    await page.locator('.el-table .el-tag').getByText('成功', { exact: true }).first().waitFor({ timeout })
    await openPage('审计日志', '/api/v1/audit')
    await openPage('单位管理', '/api/v1/units')
  })

  test('在线用户 filtered by a user picked by name, kept across a reload', async () => {
    const { page, baseUrl } = app
    await openPage('在线用户', '/api/v1/sessions')
    const picker = page.locator('.user-filter .el-select')
    await picker.click()
    await page.keyboard.type('adm')
    const option = page.locator('.el-select-dropdown__item:visible').filter({ hasText: '（admin）' })
    await option.first().click()
    const [filtered] = await Promise.all([
      page.waitForResponse((r) => new URL(r.url()).pathname === '/api/v1/sessions' && new URL(r.url()).searchParams.has('user_id')),
      page.getByRole('button', { name: '搜索' }).click(),
    ])
    assert.equal(filtered.status(), 200)
    const userId = new URL(filtered.url()).searchParams.get('user_id')
    await page.waitForURL((url) => url.searchParams.get('user_id') === userId)
    await page.reload()
    await page.locator('.el-table').getByText('当前会话').waitFor()
    await picker.getByText('（admin）').waitFor()
    await page.getByRole('button', { name: '重置' }).click()
    await page.waitForURL((url) => !url.searchParams.has('user_id'))
    await openPage('单位管理', '/api/v1/units') // where the next test starts
  })

  test('a unit created through the dialog', async () => {
    const { page } = app
    await page.getByRole('button', { name: '新增' }).first().click()
    const dialog = page.getByRole('dialog', { name: '新增单位' })
    await dialog.waitFor()
    await dialog.getByLabel('单位名称').fill(unitName)
    await dialog.getByText('工会', { exact: true }).click()
    // Region: 全国 → 北京市, chosen through the lazy cascader.
    await dialog.locator('.el-cascader').click()
    await page.locator('.el-cascader-node').filter({ hasText: '全国' }).click()
    await page.locator('.el-cascader-node').filter({ hasText: '北京市' }).locator('.el-radio').click()
    await dialog.locator('.el-dialog__header').click()
    await dialog.locator('.el-cascader input').evaluate((input) => input.value).then((value) =>
      assert.match(value, /北京市/),
    )
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/api/v1/units') && r.request().method() === 'POST'),
      dialog.getByRole('button', { name: '确定' }).click(),
    ])
    const body = await response.json()
    assert.equal(response.status(), 201, JSON.stringify(body))
    assert.equal(body.name, unitName)
    assert.equal(body.region_code, '110000')
    await dialog.waitFor({ state: 'hidden' })
  })

  test('the audit log shows the creation and the chain verifies', async () => {
    const { page } = app
    await openPage('审计日志', '/api/v1/audit')
    // Filters are drop-downs of the data dictionary, rows show its labels, not codes.
    await page.locator('.el-form-item', { hasText: '对象类型' }).locator('.el-select').click()
    await page.locator('.el-select-dropdown__item:visible', { hasText: /^单位$/ }).click()
    await Promise.all([
      page.waitForResponse((r) => r.url().includes('/api/v1/audit?') && r.url().includes('entity=unit')),
      page.getByRole('button', { name: '搜索' }).click(),
    ])
    const row = page.locator('.el-table__row').first()
    await row.getByText('新增', { exact: true }).waitFor({ timeout })
    await row.getByText('单位', { exact: true }).waitFor({ timeout })
    assert.equal(await page.locator('.el-table__body').getByText('create', { exact: true }).count(), 0)
    await row.locator('.el-table__expand-icon').click()
    await page.locator('.audit-detail').getByText(unitName, { exact: false }).first().waitFor({ timeout })
    // "字段：值" with labels and dictionary values; the raw JSON stays folded away.
    const kind = page.locator('.audit-detail .change', { hasText: '单位类型' })
    assert.match(await kind.innerText(), /单位类型：\s*工会/)
    assert.equal(await page.locator('.audit-detail pre.json').first().isVisible(), false)

    const [verify] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/api/v1/audit/verify')),
      page.getByRole('button', { name: '校验哈希链' }).click(),
    ])
    assert.equal(verify.status(), 200)
    assert.equal((await verify.json()).ok, true)
    await expectText(page, '哈希链完整')
    await settle(page)
    await page.screenshot({ path: path.join(buildDir, 'e2e-audit.png'), fullPage: true })
  })

  test('no CSP violations or page errors', () => {
    assert.deepEqual(app.pageProblems, [])
  })
})
