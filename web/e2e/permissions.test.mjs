// Menus and pages follow permissions. A union_officer holds, by the documented defaults
// (docs/api.md), system:unit:list, system:user:list and system:region:list: it sees 单位管理 and
// 用户管理 but neither 审计日志 nor the security pages, and gets the 404 page for /system/audit;
// admin sees everything. v-permission follows the session's permissions while the page stays
// mounted. Role permissions and security settings are deployment-wide: a security administrator
// below the platform root sees them read-only; a platform-level user (`user.platform_level`,
// simulated here) gets the edit controls.
import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import {
  adminPassword,
  ApiClient,
  expectText,
  markPlatformLevel,
  refreshSession,
  startApp,
  submitLogin,
} from './support.mjs'

const officer = { username: 'union_officer_1', password: 'Officer-Passw0rd-1' }
const securityAdmin = { username: 'security_admin_1', password: 'Security-Passw0rd-1' }

let app
let admin

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

/** Sets the permissions of `role` through the API (applies to the server's next request). */
async function setRolePermissions(role, permissions) {
  await admin.expect(200, 'PUT', `/api/v1/roles/${role}/permissions`, { permissions })
}

async function rolePermissions(role) {
  const { items } = await admin.expect(200, 'GET', '/api/v1/roles')
  return items.find((r) => r.code === role).permissions
}

/** Opens a 系统管理 entry from the side menu and waits for its GET to answer 200. */
async function openFromMenu(page, menuText, apiPath) {
  const [response] = await Promise.all([
    page.waitForResponse((r) => new URL(r.url()).pathname === apiPath && r.request().method() === 'GET'),
    page.locator('.side-menu').getByText(menuText, { exact: true }).click(),
  ])
  assert.equal(response.status(), 200, `${menuText}: GET ${apiPath}`)
}

describe('menus and pages by permission', { timeout: 85_000 }, () => {
  before(async () => {
    app = await startApp()
    admin = await ApiClient.login(app.baseUrl, 'admin', adminPassword)
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
    await admin.expect(201, 'POST', '/api/v1/users', {
      ...securityAdmin,
      display_name: '市级安全管理员',
      unit_id: union.id,
      roles: ['security_admin'],
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

  test('v-permission shows a hidden button once the session holds the permission, and hides it again', async () => {
    // Logged out above without a reload: the same app instance signs in again.
    const { page, baseUrl } = app
    assert.equal((await submitLogin(page, officer.username, officer.password)).status(), 200)
    await page.waitForURL(`${baseUrl}/`)
    await openSystemMenu(page)
    await page.locator('.side-menu').getByText('单位管理').click()
    await page.locator('.el-table').getByText('北京市总工会').waitFor()
    const create = page.locator('.toolbar').getByRole('button', { name: '新增' })
    assert.equal(await create.isVisible(), false)

    const original = await rolePermissions('union_officer')
    try {
      await setRolePermissions('union_officer', [...original, 'system:unit:create'])
      await refreshSession(page)
      await create.waitFor({ state: 'visible' })
      // The element's own display is back, not merely "not none".
      assert.notEqual(await create.evaluate((el) => getComputedStyle(el).display), 'none')
    } finally {
      await setRolePermissions('union_officer', original)
    }
    await refreshSession(page)
    await create.waitFor({ state: 'hidden' })
    await logout(page)
  })

  test('a security administrator below the platform root sees roles and settings read-only', async () => {
    const { page, baseUrl } = app
    assert.equal((await submitLogin(page, securityAdmin.username, securityAdmin.password)).status(), 200)
    await page.waitForURL(`${baseUrl}/`)
    await openSystemMenu(page)

    await openFromMenu(page, '角色权限', '/api/v1/roles')
    await page.locator('.el-table').getByText('union_officer', { exact: true }).waitFor()
    await expectText(page, '仅平台级管理员可修改')
    assert.equal(await page.getByRole('button', { name: '分配权限' }).count(), 0)

    await openFromMenu(page, '安全设置', '/api/v1/settings')
    await expectText(page, '仅平台级管理员可修改')
    assert.equal(await page.getByRole('button', { name: '保存设置' }).count(), 0)
    const inputs = page.locator('.page-section .el-input-number input')
    await inputs.first().waitFor()
    assert.equal(await inputs.first().isDisabled(), true)
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

  test('a platform-level administrator gets the edit controls', async () => {
    const { page, baseUrl } = app
    const stop = await markPlatformLevel(page)
    try {
      // The reload re-reads the session through /auth/me, now with platform_level.
      await page.goto(`${baseUrl}/system/roles`)
      await page.getByRole('button', { name: '分配权限' }).first().waitFor()
      assert.equal(await page.getByText('仅平台级管理员可修改').count(), 0)
      await page.goto(`${baseUrl}/system/settings`)
      await page.getByRole('button', { name: '保存设置' }).waitFor()
      assert.equal(await page.locator('.page-section .el-input-number input').first().isDisabled(), false)
      assert.equal(await page.getByText('仅平台级管理员可修改').count(), 0)
    } finally {
      await stop()
    }
  })

  test('no CSP violations or page errors', () => {
    assert.deepEqual(app.pageProblems, [])
  })
})
