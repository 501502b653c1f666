// Menus and pages follow permissions. A union_officer holds, by the documented defaults
// (docs/api.md), system:unit:list, system:user:list and system:region:list: it sees 单位管理 and
// 用户管理 but neither 审计日志 nor the security pages, and gets the 404 page for /system/audit;
// admin sees everything.
import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { adminPassword, ApiClient, expectText, startApp, submitLogin } from './support.mjs'

const officer = { username: 'union_officer_1', password: 'Officer-Passw0rd-1' }

let app

async function openSystemMenu(page) {
  await page.locator('.side-menu').getByText('系统管理').click()
  await page.locator('.side-menu').getByText('行政区划').waitFor()
}

async function logout(page) {
  await Promise.all([
    page.waitForResponse((r) => r.url().endsWith('/api/v1/auth/logout')),
    page.getByRole('button', { name: '退出登录' }).click(),
  ])
  await page.waitForURL(/\/login/)
}

describe('menus and pages by permission', { timeout: 80_000 }, () => {
  before(async () => {
    app = await startApp()
    const admin = await ApiClient.login(app.baseUrl, 'admin', adminPassword)
    const union = await admin.expect(201, 'POST', '/api/v1/units', {
      name: '北京市总工会',
      kind: 'union',
      region_code: '110000',
      parent_id: admin.session.user.unit_id,
    })
    assert.ok(union.id > 0)
    await admin.expect(201, 'POST', '/api/v1/users', {
      ...officer,
      display_name: '工会干部',
      unit_id: union.id,
      roles: ['union_officer'],
    })
  }, { timeout: 30_000 })

  after(() => app?.stop(), { timeout: 10_000 })

  test('a union officer sees neither 审计日志 nor the security pages and cannot open them', async () => {
    const { page, baseUrl } = app
    await page.goto(`${baseUrl}/login`)
    assert.equal((await submitLogin(page, officer.username, officer.password)).status(), 200)
    await page.waitForURL(`${baseUrl}/`)
    await expectText(page, '欢迎，工会干部')
    await openSystemMenu(page)
    const menu = page.locator('.side-menu')
    await menu.getByText('单位管理').waitFor()
    await menu.getByText('用户管理').waitFor()
    for (const hidden of ['审计日志', '角色权限', '在线用户', '登录日志', '安全设置']) {
      assert.equal(await menu.getByText(hidden).count(), 0, `${hidden} must be hidden`)
    }
    // The officer's own unit only: no 新增 for units (no system:unit:create).
    await menu.getByText('单位管理').click()
    await page.locator('.el-table').getByText('北京市总工会').waitFor()
    assert.equal(await page.getByRole('button', { name: '新增' }).isVisible(), false)

    for (const path of ['/system/audit', '/system/roles', '/system/settings']) {
      await page.goto(`${baseUrl}${path}`)
      await expectText(page, '页面不存在')
    }
    await page.goto(`${baseUrl}/`)
    await logout(page)
  })

  test('admin sees them', async () => {
    const { page, baseUrl, context } = app
    await context.clearCookies()
    await page.goto(`${baseUrl}/login`)
    assert.equal((await submitLogin(page, 'admin', adminPassword)).status(), 200)
    await page.waitForURL(`${baseUrl}/`)
    await openSystemMenu(page)
    const menu = page.locator('.side-menu')
    for (const shown of ['单位管理', '用户管理', '角色权限', '在线用户', '登录日志', '审计日志', '安全设置']) {
      await menu.getByText(shown).waitFor()
    }
    await page.goto(`${baseUrl}/system/audit`)
    await page.locator('.el-table').waitFor()
  })

  test('no CSP violations or page errors', () => {
    assert.deepEqual(app.pageProblems, [])
  })
})
