// A user with TOTP on signs in with a second step: the login answers mfa_required, the page asks
// for the 6-digit code, and the session starts after POST /auth/login/totp. With
// require_mfa_for_admins on, an admin without TOTP is held on the enrolment page.
import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { createHmac } from 'node:crypto'
import { setTimeout as sleep } from 'node:timers/promises'
import { adminPassword, ApiClient, expectText, startApp, submitLogin } from './support.mjs'

const username = 'totp_user'
const password = 'Totp-Passw0rd-1'
const kStepSeconds = 30

let app
let secret

function base32Decode(text) {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'
  let bits = ''
  for (const char of text.replace(/=+$/, '').toUpperCase()) {
    const value = alphabet.indexOf(char)
    assert.ok(value >= 0, `not base32: ${text}`)
    bits += value.toString(2).padStart(5, '0')
  }
  const bytes = []
  for (let i = 0; i + 8 <= bits.length; i += 8) bytes.push(parseInt(bits.slice(i, i + 8), 2))
  return Buffer.from(bytes)
}

/** RFC 6238 with SHA-1, 6 digits, 30-second steps. */
function totp(base32Secret, step = Math.floor(Date.now() / 1000 / kStepSeconds)) {
  const counter = Buffer.alloc(8)
  counter.writeBigUInt64BE(BigInt(step))
  const hmac = createHmac('sha1', base32Decode(base32Secret)).update(counter).digest()
  const offset = hmac[hmac.length - 1] & 0x0f
  return String((hmac.readUInt32BE(offset) & 0x7fffffff) % 1_000_000).padStart(6, '0')
}

/** Waits for the next time step so a code is never reused (servers may refuse replays). */
async function nextStep() {
  const intoStep = (Date.now() / 1000) % kStepSeconds
  await sleep((kStepSeconds - intoStep) * 1000 + 500)
}

describe('sign-in with TOTP', { timeout: 85_000 }, () => {
  before(async () => {
    app = await startApp()
    const admin = await ApiClient.login(app.baseUrl, 'admin', adminPassword)
    await admin.expect(201, 'POST', '/api/v1/users', {
      username,
      password,
      display_name: '两步验证用户',
      unit_id: admin.session.user.unit_id,
      roles: ['union_officer'],
    })
    const user = await ApiClient.login(app.baseUrl, username, password)
    const setup = await user.expect(200, 'POST', '/api/v1/auth/totp/setup', {})
    assert.match(setup.otpauth_uri, /^otpauth:\/\/totp\//)
    secret = setup.secret
    await user.expect(200, 'POST', '/api/v1/auth/totp/enable', { code: totp(secret) })
  }, { timeout: 30_000 })

  after(() => app?.stop(), { timeout: 10_000 })

  test('the login page asks for the code and signs in with it', async () => {
    const { page, baseUrl } = app
    await page.goto(`${baseUrl}/login`)
    const response = await submitLogin(page, username, password)
    assert.equal(response.status(), 200)
    const body = await response.json()
    assert.equal(body.mfa_required, true)
    assert.ok(body.mfa_token)
    await expectText(page, '请输入身份验证器应用中显示的 6 位动态验证码')

    await nextStep()
    await page.getByLabel('动态验证码').fill(totp(secret))
    const [verify] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/api/v1/auth/login/totp')),
      page.getByRole('button', { name: '验证' }).click(),
    ])
    assert.equal(verify.status(), 200)
    await page.waitForURL(`${baseUrl}/`)
    await expectText(page, '欢迎，两步验证用户')

    await page.goto(`${baseUrl}/account/security`)
    await page.locator('.el-tag').getByText('已启用').waitFor()
  })

  test('with require_mfa_for_admins on, an admin without TOTP is held on 账号安全', async () => {
    const { page, baseUrl, context } = app
    const admin = await ApiClient.login(baseUrl, 'admin', adminPassword)
    await admin.expect(200, 'PATCH', '/api/v1/settings', { require_mfa_for_admins: true })
    await context.clearCookies()
    await page.goto(`${baseUrl}/login`)
    const response = await submitLogin(page, 'admin', adminPassword)
    assert.equal(response.status(), 200)
    assert.equal((await response.json()).user.mfa_enrolment_required, true, 'login must report mfa_enrolment_required')
    await page.waitForURL(`${baseUrl}/account/security`)
    await expectText(page, '管理员账号须启用两步验证后方可使用系统')
  })

  test('no CSP violations or page errors', () => {
    assert.deepEqual(app.pageProblems, [])
  })
})
