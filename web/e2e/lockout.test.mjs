// Five wrong passwords lock the account: the next attempt, even with the right password, answers
// 423 and the login page says the account is locked.
import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { adminPassword, ApiClient, startApp, submitLogin } from './support.mjs'

const username = 'lockout_user'
const password = 'Right-Passw0rd-1'

let app

describe('account lockout', { timeout: 80_000 }, () => {
  before(async () => {
    app = await startApp()
    const admin = await ApiClient.login(app.baseUrl, 'admin', adminPassword)
    await admin.expect(201, 'POST', '/api/v1/users', {
      username,
      password,
      display_name: '锁定测试',
      unit_id: admin.session.user.unit_id,
      roles: ['union_officer'],
    })
  }, { timeout: 30_000 })

  after(() => app?.stop(), { timeout: 10_000 })

  test('five wrong passwords, then 账号已被锁定', async () => {
    const { page, baseUrl } = app
    await page.goto(`${baseUrl}/login`)
    for (let attempt = 1; attempt <= 5; attempt++) {
      const response = await submitLogin(page, username, `Wrong-Passw0rd-${attempt}`)
      assert.equal(response.status(), 401, `attempt ${attempt}`)
      await page.locator('.el-alert--error').getByText('用户名或密码错误').waitFor()
    }
    const response = await submitLogin(page, username, password)
    assert.equal(response.status(), 423)
    assert.equal((await response.json()).error.code, 'locked')
    await page.locator('.el-alert--error').getByText('账号已被锁定').waitFor()
    assert.match(new URL(page.url()).pathname, /^\/login/)
  })

  test('no CSP violations or page errors', () => {
    assert.deepEqual(app.pageProblems, [])
  })
})
