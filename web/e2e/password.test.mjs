// A user created with must_change_password logs in, is held on the change-password page until the
// password is changed, then lands on home; the old password no longer works. A reload in that
// state (GET /auth/me answers 403 password_change_required) keeps the session: the CSRF token
// kept in sessionStorage still lets the form POST /auth/password.
import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { adminPassword, ApiClient, expectText, startApp, submitLogin } from './support.mjs'

const username = 'forced_change'
const initialPassword = 'Init-Passw0rd-1'
const newPassword = 'Brand-New-Passw0rd-2'

let app

describe('forced change of an initial password', { timeout: 80_000 }, () => {
  before(async () => {
    app = await startApp()
    const admin = await ApiClient.login(app.baseUrl, 'admin', adminPassword)
    await admin.expect(201, 'POST', '/api/v1/users', {
      username,
      password: initialPassword,
      display_name: '初始密码用户',
      unit_id: admin.session.user.unit_id,
      roles: ['union_officer'],
      must_change_password: true,
    })
  }, { timeout: 30_000 })

  after(() => app?.stop(), { timeout: 10_000 })

  test('the API refuses other requests until the password is changed', async () => {
    const user = await ApiClient.login(app.baseUrl, username, initialPassword)
    assert.equal(user.session.user.must_change_password, true)
    const { status, body } = await user.request('GET', '/api/v1/regions')
    assert.equal(status, 403)
    assert.equal(body.error.code, 'password_change_required')
  })

  test('login leads to the change-password page and nowhere else', async () => {
    const { page, baseUrl } = app
    await page.goto(`${baseUrl}/login`)
    const response = await submitLogin(page, username, initialPassword)
    assert.equal(response.status(), 200)
    await page.waitForURL(`${baseUrl}/account/password`)
    await expectText(page, '首次登录或密码被重置后须先修改密码')

    // Any other page sends the session back here.
    await page.locator('.side-menu').getByText('系统管理').click()
    await page.locator('.side-menu').getByText('行政区划').click()
    await page.locator('.side-menu').getByText('首页').click()
    await expectText(page, '首次登录或密码被重置后须先修改密码')
    assert.equal(new URL(page.url()).pathname, '/account/password')
  })

  test('a reload keeps the session on the change-password page', async () => {
    const { page, baseUrl } = app
    const [me] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/api/v1/auth/me')),
      page.reload(),
    ])
    assert.equal(me.status(), 403)
    assert.equal((await me.json()).error.code, 'password_change_required')
    await expectText(page, '首次登录或密码被重置后须先修改密码')
    assert.equal(new URL(page.url()).pathname, '/account/password')
    await page.locator('.top-bar').getByText('初始密码用户').waitFor()
  })

  test('changing the password after the reload lands on home', async () => {
    const { page, baseUrl } = app
    await page.getByLabel('当前密码').fill(initialPassword)
    await page.getByLabel('新密码', { exact: true }).fill(newPassword)
    await page.getByLabel('确认新密码').fill(newPassword)
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/api/v1/auth/password')),
      page.locator('form').getByRole('button', { name: '修改密码' }).click(),
    ])
    assert.equal(response.status(), 200, JSON.stringify(await response.json()))
    await page.waitForURL(`${baseUrl}/`)
    await expectText(page, '欢迎，初始密码用户')

    const relogin = await ApiClient.login(baseUrl, username, newPassword)
    assert.equal(relogin.session.user.must_change_password, false)
    const old = await new ApiClient(baseUrl).request('POST', '/api/v1/auth/login', { username, password: initialPassword })
    assert.equal(old.status, 401)
  })

  test('no CSP violations or page errors', () => {
    assert.deepEqual(app.pageProblems, [])
  })
})
