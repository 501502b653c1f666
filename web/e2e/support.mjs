// Shared set-up of the browser tests: the real `lianyin` binary on a fresh database, headless
// Chromium through playwright-core, and a small API client for arranging data as admin.
// Needs `npm run build` first; LIANYIN_BIN overrides the binary (default ../build/lianyin).
import assert from 'node:assert/strict'
import { spawn, execFile } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { existsSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { chromium } from 'playwright-core'

export const webDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
export const buildDir = path.resolve(webDir, '../build')
const bin = process.env.LIANYIN_BIN ?? path.join(buildDir, 'lianyin')
const webRoot = path.join(buildDir, 'web')
export const adminPassword = 'E2e-Test-Passw0rd!'
/** The bound of every single wait. */
export const timeout = 10_000

/** Starts `lianyin serve` and resolves with the process and its base URL once it prints its listening line. */
function startServer(db) {
  const server = spawn(bin, ['serve', '--db', db, '--port', '0', '--web-root', webRoot], {
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
        resolve({ server, baseUrl: match[1] })
      }
    })
    server.on('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`server exited with ${code}: ${stderr}`))
    })
  })
}

async function stopServer(server) {
  if (!server || server.exitCode !== null) return
  const exited = new Promise((resolve) => server.once('exit', resolve))
  server.kill('SIGTERM')
  const timer = setTimeout(() => server.kill('SIGKILL'), 3_000)
  await exited
  clearTimeout(timer)
}

async function launchBrowser(profileDir, pageProblems, contextOptions) {
  const context = await chromium.launchPersistentContext(profileDir, {
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
    ...contextOptions,
  })
  context.setDefaultTimeout(timeout)
  await context.exposeBinding('__reportCspViolation', (_source, text) => pageProblems.push(`CSP: ${text}`))
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      window.__reportCspViolation(`${event.violatedDirective} blocked ${event.blockedURI} at ${event.sourceFile}:${event.lineNumber}`)
    })
  })
  const page = context.pages()[0] ?? (await context.newPage())
  page.on('pageerror', (error) => pageProblems.push(`page error: ${error.message}`))
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) {
      pageProblems.push(`console: ${message.text()}`)
    }
  })
  return { context, page }
}

/**
 * A fresh server (`init` with admin password `adminPassword`) and browser. `pageProblems` collects
 * CSP violations and uncaught page errors; tests assert it stays empty. `stop()` undoes everything.
 * `contextOptions` go to the browser context (e.g. a phone: viewport, isMobile, hasTouch); the
 * database is `app.db`.
 */
export async function startApp(contextOptions = {}) {
  assert.ok(existsSync(bin), `server binary not found: ${bin} (set LIANYIN_BIN)`)
  assert.ok(existsSync(path.join(webRoot, 'index.html')), `no build in ${webRoot}: run npm run build`)
  const tmpDir = await mkdtemp(path.join(os.tmpdir(), 'lianyin-e2e-'))
  const app = { tmpDir, pageProblems: [] }
  app.stop = async () => {
    await app.context?.close().catch(() => {})
    await stopServer(app.server)
    await rm(tmpDir, { recursive: true, force: true })
  }
  try {
    app.db = path.join(tmpDir, 'e2e.db')
    await promisify(execFile)(bin, ['init', '--db', app.db, '--admin-password', adminPassword], { timeout })
    Object.assign(app, await startServer(app.db))
    Object.assign(app, await launchBrowser(path.join(tmpDir, 'profile'), app.pageProblems, contextOptions))
  } catch (error) {
    await app.stop()
    throw error
  }
  return app
}

/** Waits (bounded) until `text` appears on the page. */
export async function expectText(page, text) {
  await page.getByText(text, { exact: false }).first().waitFor({ timeout })
}

/** Fills the login form and submits it; resolves with the login response. */
export async function submitLogin(page, username, password) {
  await page.getByLabel('用户名').fill(username)
  await page.getByLabel('密码', { exact: true }).fill(password)
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.url().endsWith('/api/v1/auth/login')),
    page.getByRole('button', { name: '登录' }).click(),
  ])
  return response
}

/**
 * Re-reads the session in the running page: the auth store's `refresh()` (what the app does after
 * a password change), reached through the mounted Vue app, so nothing reloads or remounts.
 */
export async function refreshSession(page) {
  await page.evaluate(() => {
    const pinia = document.querySelector('#app').__vue_app__.config.globalProperties.$pinia
    return pinia._s.get('auth').refresh()
  })
}

/**
 * Answers the session endpoints (`/auth/login`, `/auth/me`) as a server that sends
 * `user.platform_level` would; resolves with a function that stops it.
 */
export async function markPlatformLevel(page, value = true) {
  const matcher = (url) => url.pathname === '/api/v1/auth/login' || url.pathname === '/api/v1/auth/me'
  const handler = async (route) => {
    const response = await route.fetch()
    const body = await response.json().catch(() => null)
    if (response.status() !== 200 || !body?.user) return route.fulfill({ response })
    await route.fulfill({ response, json: { ...body, user: { ...body.user, platform_level: value } } })
  }
  await page.route(matcher, handler)
  return () => page.unroute(matcher, handler)
}

/** A cookie session against the API, as the browser would hold it (cookie + X-CSRF-Token). */
export class ApiClient {
  constructor(baseUrl) {
    this.baseUrl = baseUrl
    this.cookie = ''
    this.csrf = ''
    this.session = null
  }

  static async login(baseUrl, username, password) {
    const client = new ApiClient(baseUrl)
    const { status, body } = await client.request('POST', '/api/v1/auth/login', { username, password })
    assert.equal(status, 200, `login as ${username}: ${JSON.stringify(body)}`)
    client.session = body
    client.csrf = body.csrf_token
    return client
  }

  /** Any status; resolves with `{ status, body, headers }`. */
  async request(method, url, body) {
    const headers = { Accept: 'application/json' }
    if (body !== undefined) headers['Content-Type'] = 'application/json'
    if (this.cookie) headers.Cookie = this.cookie
    if (method !== 'GET' && this.csrf) headers['X-CSRF-Token'] = this.csrf
    const response = await fetch(this.baseUrl + url, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(timeout),
    })
    const setCookie = response.headers.getSetCookie()
    if (setCookie.length) this.cookie = setCookie.map((c) => c.split(';')[0]).join('; ')
    const text = await response.text()
    return { status: response.status, body: text ? JSON.parse(text) : null, headers: response.headers }
  }

  /** Fails unless the answer is `expected`; resolves with the body. */
  async expect(expected, method, url, body) {
    const result = await this.request(method, url, body)
    assert.equal(result.status, expected, `${method} ${url}: ${JSON.stringify(result.body)}`)
    return result.body
  }
}
