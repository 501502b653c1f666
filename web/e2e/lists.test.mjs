// List pages (usePagedList, on 用户管理) under a slow or busy server. Answers held back by the
// test arrive out of order: only the latest search lands and the table stays loading until it
// has. A 503 `unavailable` with Retry-After reads 系统繁忙 (and in English), is a warning rather
// than a fault, and a reload while the server is busy keeps the session. A 401 drops the
// session's stored CSRF token.
import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { adminPassword, ApiClient, startApp, submitLogin } from './support.mjs'

const usernames = ['race_alpha', 'race_bravo', 'race_charlie', 'race_delta']
const busy = {
  status: 503,
  headers: { 'Retry-After': '7' },
  contentType: 'application/json',
  body: JSON.stringify({ error: { code: 'unavailable', message: 'database is busy', details: [] } }),
}

let app
let admin

/** Holds the answers to GET /api/v1/users?q=… until the test releases them, one gate per q. */
function holdUserSearches(page) {
  const gates = new Map()
  const gate = (q) => {
    if (!gates.has(q)) {
      const g = {}
      g.arrived = new Promise((resolve) => (g.arrive = resolve))
      g.released = new Promise((resolve) => (g.release = resolve))
      gates.set(q, g)
    }
    return gates.get(q)
  }
  const matcher = (url) => url.pathname === '/api/v1/users' && (url.searchParams.get('q') ?? '').startsWith('race_')
  const handler = async (route) => {
    const g = gate(new URL(route.request().url()).searchParams.get('q'))
    const response = await route.fetch()
    g.arrive()
    await g.released
    await route.fulfill({ response })
  }
  return { gate, start: () => app.page.route(matcher, handler), stop: () => app.page.unroute(matcher, handler) }
}

async function search(page, q) {
  await page.locator('input[name="q"]').fill(q)
  await page.getByRole('button', { name: '搜索' }).click()
}

/** Releases the held answer to `q` and waits until the page has received it. */
async function release(page, held, q) {
  const received = page.waitForResponse((r) => new URL(r.url()).searchParams.get('q') === q)
  held.gate(q).release()
  await received
  // Let the answer be applied (or dropped) and the table re-render.
  await page.waitForTimeout(300)
}

describe('list pages under a slow or busy server', { timeout: 85_000 }, () => {
  before(async () => {
    app = await startApp()
    admin = await ApiClient.login(app.baseUrl, 'admin', adminPassword)
    for (const [index, username] of usernames.entries()) {
      await admin.expect(201, 'POST', '/api/v1/users', {
        username,
        password: 'Race-Passw0rd-1',
        display_name: `测试用户${index + 1}`,
        unit_id: admin.session.user.unit_id,
        roles: ['union_officer'],
      })
    }
  }, { timeout: 30_000 })

  after(() => app?.stop(), { timeout: 10_000 })

  test('only the latest search lands, and loading lasts until it has', async () => {
    const { page, baseUrl } = app
    await page.goto(`${baseUrl}/login`)
    assert.equal((await submitLogin(page, 'admin', adminPassword)).status(), 200)
    await page.waitForURL(`${baseUrl}/`)
    await page.goto(`${baseUrl}/system/users`)
    const table = page.locator('.el-table__body')
    const mask = page.locator('.el-table .el-loading-mask')
    await table.getByText('race_delta', { exact: true }).waitFor()

    const held = holdUserSearches(page)
    await held.start()
    try {
      // The newer answer first, then the older one: the older must not overwrite it.
      await search(page, 'race_alpha')
      await held.gate('race_alpha').arrived
      await search(page, 'race_bravo')
      await held.gate('race_bravo').arrived
      await release(page, held, 'race_bravo')
      await table.getByText('race_bravo', { exact: true }).waitFor()
      await mask.waitFor({ state: 'hidden' })
      await release(page, held, 'race_alpha')
      assert.equal(await table.getByText('race_alpha', { exact: true }).count(), 0, 'a stale answer replaced the rows')
      assert.equal(await table.getByText('race_bravo', { exact: true }).count(), 1)

      // The older answer first: it is dropped and the table keeps loading for the newer one.
      await search(page, 'race_charlie')
      await held.gate('race_charlie').arrived
      await search(page, 'race_delta')
      await held.gate('race_delta').arrived
      await release(page, held, 'race_charlie')
      assert.equal(await mask.isVisible(), true, 'loading ended before the latest request did')
      assert.equal(await table.getByText('race_charlie', { exact: true }).count(), 0, 'a stale answer landed')
      await release(page, held, 'race_delta')
      await table.getByText('race_delta', { exact: true }).waitFor()
      await mask.waitFor({ state: 'hidden' })
      assert.equal(await table.locator('.el-table__row').count(), 1)
    } finally {
      await held.stop()
    }
  })

  test('a busy server (503 unavailable) reads 系统繁忙 and the page carries on', async () => {
    const { page, baseUrl } = app
    const isUsers = (url) => url.pathname === '/api/v1/users'
    await page.route(isUsers, (route) => route.fulfill(busy), { times: 1 })
    await search(page, '')
    const alert = page.locator('.page-container .el-alert--error')
    await alert.getByText('系统繁忙，请 7 秒后重试').waitFor()
    assert.equal(new URL(page.url()).pathname, '/system/users')
    await page.locator('.top-bar').getByText('系统管理员').waitFor()

    // Trying again works and clears the message.
    await search(page, '')
    await page.locator('.el-table__body').getByText('race_alpha', { exact: true }).waitFor()
    await alert.waitFor({ state: 'detached' })

    // A toast for a failed action is a warning, not an error.
    await page.route((url) => url.pathname.startsWith('/api/v1/users/'), (route) => route.fulfill(busy), { times: 1 })
    await page.locator('.el-table__row').filter({ hasText: 'race_delta' }).getByRole('button', { name: '停用' }).click()
    await page.getByRole('dialog').getByRole('button', { name: '确定' }).click()
    await page.locator('.el-message--warning').getByText('系统繁忙，请 7 秒后重试').waitFor()

    // The same in English.
    await page.locator('.top-bar').getByText('English', { exact: true }).click()
    await page.route(isUsers, (route) => route.fulfill(busy), { times: 1 })
    await page.getByRole('button', { name: 'Search' }).click()
    await alert.getByText('The system is busy; try again in 7 seconds').waitFor()
    await page.locator('.top-bar').getByText('中文', { exact: true }).click()
    await page.getByRole('button', { name: '搜索' }).waitFor()
  })

  test('a reload while the server is busy keeps the session', async () => {
    const { page } = app
    let answered = 0
    await page.route(
      (url) => url.pathname === '/api/v1/auth/me',
      (route) => route.fulfill({ ...busy, headers: { 'Retry-After': '1' } }),
      { times: 1 },
    )
    page.on('response', (r) => {
      if (r.url().endsWith('/api/v1/auth/me')) answered++
    })
    await page.reload()
    await page.locator('.el-table__body').getByText('race_alpha', { exact: true }).waitFor()
    assert.equal(new URL(page.url()).pathname, '/system/users')
    assert.equal(answered, 2, 'the busy /auth/me is tried again')
  })

  test('a 401 (session ended elsewhere) drops the stored CSRF token', async () => {
    const { page } = app
    const stored = () => page.evaluate(() => sessionStorage.getItem('lianyin.session'))
    assert.notEqual(await stored(), null)
    const { items } = await admin.expect(200, 'GET', `/api/v1/sessions?user_id=${admin.session.user.id}`)
    for (const session of items.filter((s) => !s.current)) {
      await admin.expect(200, 'DELETE', `/api/v1/sessions/${session.id}`)
    }
    const [answer] = await Promise.all([
      page.waitForResponse((r) => new URL(r.url()).pathname === '/api/v1/users'),
      search(page, ''),
    ])
    assert.equal(answer.status(), 401)
    await page.waitForURL(/\/login\?redirect=/)
    assert.equal(await stored(), null)
  })

  test('no CSP violations or page errors', () => {
    assert.deepEqual(app.pageProblems, [])
  })
})
