// End-to-end test of the built web app served by the real `lianyin` binary in headless Chromium:
// language switch, CJK font, wrong password, login, regions, reload, logout.
import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import path from 'node:path'
import { adminPassword, buildDir, expectText as expectTextOn, startApp } from './support.mjs'

const screenshot = path.join(buildDir, 'e2e-login.png')

let app
let context
let page
let baseUrl

const expectText = (text) => expectTextOn(page, text)

describe('login and shell', { timeout: 55_000 }, () => {
  before(async () => {
    app = await startApp()
    ;({ context, page, baseUrl } = app)
  }, { timeout: 30_000 })

  after(() => app?.stop(), { timeout: 10_000 })

  test('the login page switches between Chinese and English', async () => {
    await page.goto(`${baseUrl}/`)
    await page.waitForURL(/\/login\?redirect=/)
    await expectText('工会·民政 联系引导社会组织服务职工平台')
    assert.equal(await page.title(), '联引 · 社会组织联系引导平台')
    await page.getByRole('button', { name: '登录' }).waitFor()

    await page.getByText('English', { exact: true }).click()
    await page.getByRole('button', { name: 'Sign in' }).waitFor()
    await expectText('Username')
    assert.equal(await page.locator('html').getAttribute('lang'), 'en')

    await page.getByText('中文', { exact: true }).click()
    await page.getByRole('button', { name: '登录' }).waitFor()
    await expectText('用户名')
  })

  test('Chinese text renders in a CJK font', async () => {
    const cdp = await context.newCDPSession(page)
    const { root } = await cdp.send('DOM.getDocument')
    const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector: '.login-title' })
    assert.ok(nodeId, 'title element not found')
    await cdp.send('CSS.enable')
    const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId })
    const families = fonts.map((font) => font.familyName)
    assert.ok(families.some((family) => /Noto (Sans|Serif) CJK/i.test(family)), `fonts used: ${families.join(', ')}`)
    await cdp.detach()
    await page.screenshot({ path: screenshot, fullPage: true })
  })

  test('a wrong password says so in Chinese', async () => {
    await page.getByLabel('用户名').fill('admin')
    await page.getByLabel('密码', { exact: true }).fill('wrong-password')
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/api/v1/auth/login')),
      page.getByRole('button', { name: '登录' }).click(),
    ])
    assert.equal(response.status(), 401)
    const body = await response.json()
    assert.equal(body.error.code, 'unauthenticated')
    await page.locator('.el-alert--error').getByText('用户名或密码错误').waitFor()
  })

  test('admin logs in, browses regions and logs out', async () => {
    await page.getByLabel('密码', { exact: true }).fill(adminPassword)
    await page.getByRole('button', { name: '登录' }).click()
    await page.waitForURL(`${baseUrl}/`)
    await expectText('联引')
    await page.locator('.side-menu').getByText('系统管理').click()
    const regionsEntry = page.locator('.side-menu').getByText('行政区划')
    await regionsEntry.waitFor()
    // The workbench: the registry's figures, to-do lists and charts.
    await page.locator('.figure-applying').getByText('待审查').waitFor()
    await page.locator('.todo-applying').getByText('暂无待办').waitFor()
    await page.locator('.status-chart canvas').waitFor()
    await page.locator('.welcome').getByText('系统管理员', { exact: true }).waitFor()

    // Below the fold of the side menu at 1280×800 now that it has more groups: scrolled to, and
    // given time for its chunk when the machine is busy (CI ran out of the default 10 s once).
    await regionsEntry.click()
    await page.waitForURL(`${baseUrl}/system/regions`, { timeout: 30_000 })
    await page.locator('.el-table').getByText('北京市', { exact: true }).first().waitFor()

    // A reload restores the session from the cookie through /auth/me.
    await page.reload()
    await page.locator('.el-table').getByText('北京市', { exact: true }).first().waitFor()

    // The session's CSRF token is kept for this tab (see password.test.mjs) and dropped on logout.
    const stored = () => page.evaluate(() => JSON.parse(sessionStorage.getItem('lianyin.session') ?? 'null'))
    assert.match((await stored())?.csrf_token ?? '', /^\S+$/)

    const [logout] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/api/v1/auth/logout')),
      page.getByRole('button', { name: '退出登录' }).click(),
    ])
    assert.equal(logout.status(), 200, 'logout must succeed (it carries X-CSRF-Token)')
    await page.waitForURL(/\/login/)
    assert.equal(await stored(), null)
    await page.goto(`${baseUrl}/system/regions`)
    await page.waitForURL((url) => url.pathname === '/login' && url.searchParams.get('redirect') === '/system/regions')
  })

  test('no CSP violations or page errors', () => {
    assert.deepEqual(app.pageProblems, [])
  })
})
