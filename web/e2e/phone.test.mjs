// The workers' phone pages (issue #11) on a phone (375×812, touch): a union officer registers a
// worker of 北京市总工会 (POST /workers); on the phone the worker activates its account (the ID
// number's check digit is checked before anything is sent, then the roster's name, ID number and
// phone create the account and sign it in). An administrator resets its password, so signing in
// on the admin login page lands on /m/ through the forced password change; it signs out and in
// again on the phone sign-in, browses the services near it (its roster region first, then the
// region cascader and category chips),
// posts a demand and sees it under 我的需求 as 待对接, and signs out from 我的. No phone page
// scrolls sideways at 375 px; the phone pages load no Element Plus chunk and the admin pages no
// Vant chunk (vite.config.ts names chunks by library).
// Screenshots: ../build/e2e-phone-services.png, ../build/e2e-phone-demand.png,
// ../build/e2e-phone-demands.png.
import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import path from 'node:path'
import { adminPassword, ApiClient, buildDir, expectText, startApp, submitLogin, timeout } from './support.mjs'

const suffix = Date.now() % 100000
const phone = '13912345678'
const idNumber = '11010519491231002X'
const officerPassword = 'Union-Phone-Passw0rd'
const initialPassword = 'Worker-Init-Passw0rd'
const workerPassword = 'Worker-E2e-Passw0rd2'
const resourceTitle = `职工健康体检服务${suffix}`
const otherTitle = `职工技能培训课程${suffix}`
const demandTitle = `快递网点职工健康讲座${suffix}`
const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date())
const year = Number(today.slice(0, 4))

let app
let page
let adminApi
/** The worker's account, once activated. */
let accountId
/** Paths of the JS chunks the page requested since the last `takeChunks()`. */
let chunks = []

const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
async function expectNoSideways(name) {
  const by = await overflow()
  assert.ok(by <= 0, `${name} overflows by ${by} px`)
}
function takeChunks() {
  const taken = chunks
  chunks = []
  return taken
}
/** /m/ as a link names it (/m) or a redirect does (/m/). */
const phoneHome = /\/m\/?$/
const tab = (name) => page.locator('.van-tabbar').getByText(name, { exact: true })
const isPost = (r, suffixPath) => r.request().method() === 'POST' && new URL(r.url()).pathname.endsWith(suffixPath)

async function phoneLogin(password) {
  await page.getByLabel('手机号').fill(phone)
  await page.getByLabel('密码', { exact: true }).fill(password)
  const [response] = await Promise.all([
    page.waitForResponse((r) => isPost(r, '/api/v1/auth/login')),
    page.getByRole('button', { name: '登录' }).click(),
  ])
  return response
}

describe('the phone pages', { timeout: 120_000 }, () => {
  before(async () => {
    app = await startApp({ viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true })
    page = app.page
    page.on('request', (request) => {
      const url = new URL(request.url())
      if (url.pathname.startsWith('/assets/') && url.pathname.endsWith('.js')) chunks.push(url.pathname)
    })
    const api = await ApiClient.login(app.baseUrl, 'admin', adminPassword)
    adminApi = api
    const root = api.session.user.unit_id
    const union = await api.expect(201, 'POST', '/api/v1/units', { name: `北京市总工会${suffix}`, kind: 'union', region_code: '110000', parent_id: root })
    const authority = await api.expect(201, 'POST', '/api/v1/units', { name: `北京市民政局${suffix}`, kind: 'civil_affairs', region_code: '110000', parent_id: root })
    const org = await api.expect(201, 'POST', '/api/v1/orgs', {
      name: `北京市职工服务中心${suffix}`,
      uscc: '52110000MJ00000016',
      org_type: 'social_service',
      region_code: '110000',
      registration_unit_id: authority.id,
      legal_rep: '王小明',
      phone: '13912340000',
      founded_on: '2016-04-01',
      business_scope: '职工健康服务',
      service_categories: ['health'],
      labour_field: true,
    })
    for (const [title, category] of [[resourceTitle, 'health'], [otherTitle, 'skills']]) {
      await api.expect(201, 'POST', '/api/v1/resources', {
        org_id: org.id,
        title,
        category,
        region_codes: ['110000'],
        capacity: 40,
        window_start: `${year}-01-01`,
        window_end: `${year + 1}-12-31`,
        cost_per_person_fen: 0,
        description: '每周六上午，职工之家',
      })
    }
    await api.expect(201, 'POST', '/api/v1/users', { username: `officer${suffix}`, password: officerPassword, display_name: '李干事', unit_id: union.id, roles: ['union_officer'] })
    const officer = await ApiClient.login(app.baseUrl, `officer${suffix}`, officerPassword)
    await officer.expect(201, 'POST', '/api/v1/workers', { name: '张三', phone, id_number: idNumber, region_code: '110101' })
  }, { timeout: 30_000 })

  after(() => app?.stop(), { timeout: 10_000 })

  test('a signed-out visit to /m/ goes to the phone sign-in', async () => {
    await page.goto(`${app.baseUrl}/m/`)
    await page.waitForURL(/\/m\/login/)
    await page.getByLabel('手机号').waitFor({ timeout })
    await expectNoSideways('sign-in')
  })

  test('activation checks the ID number before sending it, then activates the account', async () => {
    await page.getByRole('button', { name: '首次使用？激活账号' }).click()
    await page.waitForURL(`${app.baseUrl}/m/activate`)
    let sent = false
    const watch = (request) => {
      if (new URL(request.url()).pathname === '/api/v1/auth/activate') sent = true
    }
    page.on('request', watch)
    await page.getByLabel('姓名').fill('张三')
    await page.getByLabel('身份证号').fill('110105194912310021') // the check character is X
    await page.getByLabel('手机号').fill(phone)
    await page.getByLabel('设置密码').fill(workerPassword)
    await page.getByLabel('确认密码').fill(workerPassword)
    await page.getByRole('button', { name: '激活并登录' }).click()
    await expectText(page, '身份证号校验位不正确，请核对')
    await page.getByLabel('身份证号').fill('1101051949')
    await page.getByRole('button', { name: '激活并登录' }).click()
    await expectText(page, '身份证号应为 18 位')
    page.off('request', watch)
    assert.equal(sent, false)
    await expectNoSideways('activation')

    await page.getByLabel('身份证号').fill(idNumber)
    const [activated] = await Promise.all([
      page.waitForResponse((r) => isPost(r, '/api/v1/auth/activate')),
      page.getByRole('button', { name: '激活并登录' }).click(),
    ])
    assert.equal(activated.status(), 201, await activated.text())
    accountId = (await activated.json()).user.id
    await page.waitForURL(phoneHome)
    await expectText(page, '您好，张三')
  })

  test('a worker signing in on the admin login page lands on the phone pages', async () => {
    // An administrator sets a new initial password: the session ends, the worker must change it.
    await adminApi.expect(200, 'POST', `/api/v1/users/${accountId}/reset-password`, { password: initialPassword })
    await page.goto(`${app.baseUrl}/login`)
    assert.equal((await submitLogin(page, phone, initialPassword)).status(), 200)
    // The initial password must change first, on the phone page.
    await page.waitForURL(`${app.baseUrl}/m/password`)
    await page.getByLabel('当前密码').fill(initialPassword)
    await page.getByLabel('新密码', { exact: true }).fill(workerPassword)
    await page.getByLabel('确认密码').fill(workerPassword)
    takeChunks()
    await Promise.all([
      page.waitForResponse((r) => isPost(r, '/api/v1/auth/password') && r.status() === 200),
      page.getByRole('button', { name: '修改密码' }).click(),
    ])
    await page.waitForURL(phoneHome)
    await expectText(page, '您好，张三')
    await expectText(page, resourceTitle)
    await expectNoSideways('home')
  })

  test('signed out, the worker signs in on the phone sign-in', async () => {
    await tab('我的').click()
    await page.waitForURL(`${app.baseUrl}/m/me`)
    await expectText(page, `北京市总工会${suffix}`)
    await expectText(page, '139****5678')
    await expectNoSideways('me')
    await page.getByRole('button', { name: '退出登录' }).click()
    await page.waitForURL(`${app.baseUrl}/m/login`)
    assert.equal((await phoneLogin(workerPassword)).status(), 200)
    await page.waitForURL(phoneHome)
    // The admin pages send a worker back to its own.
    await page.goto(`${app.baseUrl}/orgs`)
    await page.waitForURL(phoneHome)
  })

  test('services near me: the worker\'s region first, then by region and by category', async () => {
    // Until a region is chosen, the worker's roster region (东城区) is near it; the resources
    // serving all of 北京市 serve it too.
    await Promise.all([
      page.waitForResponse((r) => new URL(r.url()).pathname === '/api/v1/resources' && new URL(r.url()).searchParams.get('region_code') === '110101'),
      tab('服务').click(),
    ])
    await page.waitForURL(`${app.baseUrl}/m/services`)
    await page.locator('.van-cell', { hasText: '所在地区' }).getByText('东城区').waitFor({ timeout })
    await expectText(page, resourceTitle)
    await expectText(page, otherTitle)
    await page.getByText('所在地区').click()
    const cascader = page.locator('.van-cascader')
    await cascader.getByText('北京市', { exact: true }).click()
    await Promise.all([
      page.waitForResponse((r) => new URL(r.url()).searchParams.get('region_code') === '110000'),
      cascader.getByText('北京市全境').click(),
    ])
    await expectText(page, resourceTitle)
    await page.getByRole('button', { name: '职工健康服务类' }).click()
    await page.locator('.m-card', { hasText: otherTitle }).waitFor({ state: 'detached', timeout })
    await expectText(page, resourceTitle)
    await expectNoSideways('services')
    await page.screenshot({ path: path.join(buildDir, 'e2e-phone-services.png'), fullPage: true })
  })

  test('a worker posts a demand and sees it under 我的需求', async () => {
    await tab('首页').click()
    await page.getByText('发布需求').first().click()
    await page.waitForURL(`${app.baseUrl}/m/demands/new`)
    await page.getByLabel('需求标题').fill(demandTitle)
    await page.getByLabel('服务类别').click()
    const picker = page.locator('.van-picker')
    await picker.getByText('职工健康服务类').click()
    await picker.getByRole('button', { name: '确认' }).click()
    // The region remembered from the services page is filled in.
    assert.equal(await page.getByLabel('服务地区').inputValue(), '北京市')
    await page.getByLabel('补充说明').fill('下班后 18:30 以后，快递网点')
    await expectNoSideways('new demand')
    await page.screenshot({ path: path.join(buildDir, 'e2e-phone-demand.png'), fullPage: true })
    const [response] = await Promise.all([
      page.waitForResponse((r) => isPost(r, '/api/v1/demands')),
      page.getByRole('button', { name: '提交需求' }).click(),
    ])
    assert.equal(response.status(), 201)
    const sent = response.request().postDataJSON()
    assert.equal(sent.unit_id, undefined)
    assert.equal(sent.category, 'health')
    assert.equal(sent.region_code, '110000')
    await page.waitForURL(`${app.baseUrl}/m/demands`)
    const card = page.locator('.m-card', { hasText: demandTitle })
    await card.waitFor({ timeout })
    await card.getByText('待对接').waitFor({ timeout })
    await expectNoSideways('my demands')
    await page.screenshot({ path: path.join(buildDir, 'e2e-phone-demands.png'), fullPage: true })
  })

  test('the phone pages loaded Vant and no Element Plus', () => {
    const loaded = takeChunks()
    assert.ok(loaded.some((chunk) => chunk.startsWith('/assets/vant-')), loaded.join(' '))
    assert.deepEqual(loaded.filter((chunk) => chunk.startsWith('/assets/element-')), [])
  })

  test('the admin pages load no Vant', async () => {
    await tab('我的').click()
    await page.getByRole('button', { name: '退出登录' }).click()
    await page.waitForURL(`${app.baseUrl}/m/login`)
    const admin = await app.context.newPage()
    const loaded = []
    admin.on('request', (request) => {
      const url = new URL(request.url())
      if (url.pathname.startsWith('/assets/') && url.pathname.endsWith('.js')) loaded.push(url.pathname)
    })
    await admin.goto(`${app.baseUrl}/login`)
    assert.equal((await submitLogin(admin, 'admin', adminPassword)).status(), 200)
    await admin.waitForURL(`${app.baseUrl}/`)
    await admin.locator('.figure-total').first().waitFor({ timeout })
    assert.ok(loaded.some((chunk) => chunk.startsWith('/assets/element-')), loaded.join(' '))
    assert.deepEqual(loaded.filter((chunk) => chunk.startsWith('/assets/vant-')), [])
    await admin.close()
  })

  test('no CSP violations or page errors', () => {
    assert.deepEqual(app.pageProblems, [])
  })
})
