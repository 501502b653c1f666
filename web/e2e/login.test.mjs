// End-to-end test of the built web app served by the real `lianyin` binary in headless Chromium.
// Needs `npm run build` first; LIANYIN_BIN overrides the binary (default ../build/lianyin).
import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { spawn, execFile } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { existsSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { chromium } from 'playwright-core'

const webDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const bin = process.env.LIANYIN_BIN ?? path.resolve(webDir, '../build/lianyin')
const webRoot = path.resolve(webDir, '../build/web')
const screenshot = path.resolve(webDir, '../build/e2e-login.png')
const adminPassword = 'E2e-Test-Passw0rd!'
const timeout = 10_000

let tmpDir
let server
let context
let page
let baseUrl
/** CSP violations and uncaught errors seen in the page; any of them fails the run. */
const pageProblems = []

/** Starts `lianyin serve` and resolves with its base URL once it prints its listening line. */
function startServer(db) {
  server = spawn(bin, ['serve', '--db', db, '--port', '0', '--web-root', webRoot], {
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let stderr = ''
  server.stderr.on('data', (chunk) => (stderr += chunk))
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start within ${timeout} ms: ${stderr}`)), timeout)
    // Keep draining stdout after the listening line so a chatty server never blocks on a full pipe.
    let stdout = ''
    server.stdout.on('data', (chunk) => {
      if (stdout === null) return
      stdout += chunk
      const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(stdout)
      if (match) {
        stdout = null
        clearTimeout(timer)
        resolve(match[1])
      }
    })
    server.on('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`server exited with ${code}: ${stderr}`))
    })
  })
}

/** Fails with the page's text when `text` does not appear. */
async function expectText(text) {
  await page.getByText(text, { exact: false }).first().waitFor({ timeout })
}

describe('login and shell', { timeout: 55_000 }, () => {
  before(async () => {
    assert.ok(existsSync(bin), `server binary not found: ${bin} (set LIANYIN_BIN)`)
    assert.ok(existsSync(path.join(webRoot, 'index.html')), `no build in ${webRoot}: run npm run build`)
    tmpDir = await mkdtemp(path.join(os.tmpdir(), 'lianyin-e2e-'))
    const db = path.join(tmpDir, 'e2e.db')
    await promisify(execFile)(bin, ['init', '--db', db, '--admin-password', adminPassword], { timeout })
    baseUrl = await startServer(db)

    context = await chromium.launchPersistentContext(path.join(tmpDir, 'profile'), {
      executablePath: '/usr/bin/chromium',
      headless: true,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
      locale: 'zh-CN',
      viewport: { width: 1280, height: 800 },
    })
    context.setDefaultTimeout(timeout)
    await context.exposeBinding('__reportCspViolation', (_source, text) => pageProblems.push(`CSP: ${text}`))
    await context.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (event) => {
        window.__reportCspViolation(`${event.violatedDirective} blocked ${event.blockedURI} at ${event.sourceFile}:${event.lineNumber}`)
      })
    })
    page = context.pages()[0] ?? (await context.newPage())
    page.on('pageerror', (error) => pageProblems.push(`page error: ${error.message}`))
    page.on('console', (message) => {
      if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) {
        pageProblems.push(`console: ${message.text()}`)
      }
    })
  }, { timeout: 30_000 })

  after(async () => {
    await context?.close().catch(() => {})
    if (server && server.exitCode === null) {
      const exited = new Promise((resolve) => server.once('exit', resolve))
      server.kill('SIGTERM')
      const timer = setTimeout(() => server.kill('SIGKILL'), 3_000)
      await exited
      clearTimeout(timer)
    }
    if (tmpDir) await rm(tmpDir, { recursive: true, force: true })
  }, { timeout: 10_000 })

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
    await page.locator('.health-status').getByText('运行正常').waitFor()

    await regionsEntry.click()
    await page.waitForURL(`${baseUrl}/system/regions`)
    await page.locator('.el-table').getByText('北京市', { exact: true }).first().waitFor()

    // A reload restores the session from the cookie through /auth/me.
    await page.reload()
    await page.locator('.el-table').getByText('北京市', { exact: true }).first().waitFor()

    const [logout] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/api/v1/auth/logout')),
      page.getByRole('button', { name: '退出登录' }).click(),
    ])
    assert.equal(logout.status(), 200, 'logout must succeed (it carries X-CSRF-Token)')
    await page.waitForURL(/\/login/)
    await page.goto(`${baseUrl}/system/regions`)
    await page.waitForURL((url) => url.pathname === '/login' && url.searchParams.get('redirect') === '/system/regions')
  })

  test('no CSP violations or page errors', () => {
    assert.deepEqual(pageProblems, [])
  })
})
