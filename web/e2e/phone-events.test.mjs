// The workers' event pages on the phone (issue #11; 375×667, touch, the phone's clock in London so
// Beijing time is shown, not the phone's). Arranged through the API only: a union officer registers
// three workers (POST /workers), one activates its account (POST /auth/activate); admin publishes
// events of a registered organisation in 东城区 (one in three days, one later, one in 朝阳区, a
// one-seat event the officer fills with another worker, one whose sign-up opens tomorrow), and the
// officer publishes five more at its venue's booking starting in ten minutes (inside the check-in
// window), the worker signed up for four of them.
// The worker sees 近期活动 on the home page soonest first; 找活动 lists its own region's events
// soonest first with the time in Beijing time, place, seats, category and groups, finds one by
// title and another region's through the region picker; a district with none offers its city's. It signs up on an event's page (its own
// worker_id), sees it under 我的活动 as 已报名 and cancels it there (confirmed); joins the waiting
// list of the full event (候补第 1 位) and leaves it; a seat taken meanwhile reads 名额已满 and offers
// the waiting list; a sign-up not open yet names its opening time. It checks in through the QR
// code's link (签到成功 with the time, then 已签到 everywhere), by the six-digit code from 我的活动
// (a wrong code says so); a stale link offers the code; a link of an event it has not signed up
// for, or whose check-in window is days away, says so; signed out, the link goes through the
// sign-in and back. On 我的 it reads its roster entry masked and edits employer, region and groups
// (a server field error shows under its field). English follows the language switch. The third
// worker activates its account from a check-in link and lands back on it; with an initial
// password set by an officer it changes it on the way and lands back on the link too. No page scrolls
// sideways at 375 px.
// Screenshots: ../build/e2e-phone-events.png, ../build/e2e-phone-event.png,
// ../build/e2e-phone-my-events.png, ../build/e2e-phone-checkin.png, ../build/e2e-phone-profile.png.
import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import path from 'node:path'
import { adminPassword, ApiClient, buildDir, expectText, startApp, timeout } from './support.mjs'

const suffix = Date.now() % 100000
const phone = '13912345678'
const otherPhone = '13912345679'
/** A third worker, who activates its account from a check-in link. */
const newPhone = '13912345670'
const newIdNumber = '110101199003074514'
const idNumber = '11010519491231002X'
const workerPassword = 'Worker-Events-Passw0rd'
/** What an administrator resets the third worker's password to (it must change it). */
const initialPassword = 'Worker-Reset-Passw0rd1'
const officerPassword = 'Union-Events-Passw0rd'
const unionName = `北京市总工会${suffix}`
const orgName = `北京市职工服务中心${suffix}`
const titles = {
  browse: `职工心理健康讲座${suffix}`,
  later: `职工书法培训班${suffix}`,
  elsewhere: `朝阳区职工篮球赛${suffix}`,
  full: `职工亲子运动会${suffix}`,
  race: `职工插花体验课${suffix}`,
  notOpen: `职工摄影沙龙${suffix}`,
  link: `职工健康义诊${suffix}`,
  code: `职工法律咨询会${suffix}`,
  stale: `职工读书分享会${suffix}`,
  redirect: `职工安全培训${suffix}`,
  notSigned: `职工观影活动${suffix}`,
}

let app
let page
let admin
let officer
let worker
let workerId
let otherWorkerId
const events = {}

/** +08:00 text of now + `seconds`, as the server writes it. */
function inSeconds(seconds) {
  const t = new Date(Date.now() + seconds * 1000 + 8 * 3600 * 1000)
  return `${t.toISOString().slice(0, 19)}+08:00`
}
/** HH:mm in Beijing time, as the pages show it. */
const clock = (iso) =>
  new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(iso))

const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
async function expectNoSideways(name) {
  const by = await overflow()
  assert.ok(by <= 0, `${name} overflows by ${by} px`)
}
const tab = (name) => page.locator('.van-tabbar').getByText(name, { exact: true })
const isCall = (r, method, pathname) => r.request().method() === method && new URL(r.url()).pathname === pathname
const card = (title) => page.locator('.m-card', { hasText: title })
const actions = () => page.getByTestId('event-actions')

async function phoneLogin() {
  await page.getByLabel('手机号').fill(phone)
  await page.getByLabel('密码', { exact: true }).fill(workerPassword)
  const [response] = await Promise.all([
    page.waitForResponse((r) => isCall(r, 'POST', '/api/v1/auth/login')),
    page.getByRole('button', { name: '登录' }).click(),
  ])
  assert.equal(response.status(), 200)
}

/** A published event of the organisation: admin's in 东城区 unless `body` says otherwise, or the officer's at its booking. */
async function publish(by, body) {
  const created = await by.expect(201, 'POST', '/api/v1/events', { category: 'health', capacity: 10, ...body })
  await by.expect(200, 'POST', `/api/v1/events/${created.id}/transitions`, { to: 'published' })
  return created
}

/** The link the venue's screen shows now, on this server. */
async function checkinLink(eventId) {
  return (await officer.expect(200, 'GET', `/api/v1/events/${eventId}/checkin-code?base=${encodeURIComponent(app.baseUrl)}`))
}

describe('the events on the phone', { timeout: 180_000 }, () => {
  before(async () => {
    app = await startApp({ viewport: { width: 375, height: 667 }, isMobile: true, hasTouch: true, timezoneId: 'Europe/London' })
    page = app.page
    admin = await ApiClient.login(app.baseUrl, 'admin', adminPassword)
    const root = admin.session.user.unit_id
    const union = await admin.expect(201, 'POST', '/api/v1/units', { name: unionName, kind: 'union', region_code: '110000', parent_id: root })
    const civil = await admin.expect(201, 'POST', '/api/v1/units', { name: `北京市民政局${suffix}`, kind: 'civil_affairs', region_code: '110000', parent_id: root })
    await admin.expect(201, 'POST', '/api/v1/users', { username: `officer${suffix}`, password: officerPassword, display_name: '李干事', unit_id: union.id, roles: ['union_officer'] })
    officer = await ApiClient.login(app.baseUrl, `officer${suffix}`, officerPassword)

    workerId = (await officer.expect(201, 'POST', '/api/v1/workers', { name: '张三', phone, id_number: idNumber, employer: '东城区环卫服务中心', region_code: '110101', groups: ['sanitation_workers'] })).id
    otherWorkerId = (await officer.expect(201, 'POST', '/api/v1/workers', { name: '李四', phone: otherPhone, region_code: '110101' })).id
    await officer.expect(201, 'POST', '/api/v1/workers', { name: '王五', phone: newPhone, id_number: newIdNumber, region_code: '110101' })
    await new ApiClient(app.baseUrl).expect(201, 'POST', '/api/v1/auth/activate', { name: '张三', id_number: idNumber, phone, password: workerPassword })
    worker = await ApiClient.login(app.baseUrl, phone, workerPassword)

    const org = await admin.expect(201, 'POST', '/api/v1/orgs', {
      name: orgName,
      uscc: '52110000MJ00000016',
      org_type: 'social_service',
      region_code: '110000',
      registration_unit_id: civil.id,
      legal_rep: '王小明',
      phone: '13912340000',
      founded_on: '2016-04-01',
      business_scope: '职工服务',
      service_categories: ['health'],
      labour_field: true,
    })
    const here = { org_id: org.id, region_code: '110101', address: '东城区东四十条 1 号' }
    const day = 86_400
    events.browse = await publish(admin, {
      ...here,
      title: titles.browse,
      start: inSeconds(3 * day),
      end: inSeconds(3 * day + 7200),
      target_groups: ['sanitation_workers', 'women_workers'],
      description: '由专业心理咨询师讲解职场减压方法。\n请提前 10 分钟到场。',
    })
    events.later = await publish(admin, { ...here, title: titles.later, category: 'culture_sports', start: inSeconds(5 * day), end: inSeconds(5 * day + 7200) })
    events.elsewhere = await publish(admin, { ...here, region_code: '110105', address: '朝阳区工体北路 2 号', title: titles.elsewhere, start: inSeconds(4 * day), end: inSeconds(4 * day + 7200) })
    await worker.expect(201, 'POST', `/api/v1/events/${events.elsewhere.id}/signups`, { worker_id: workerId })
    events.full = await publish(admin, { ...here, title: titles.full, capacity: 1, start: inSeconds(6 * day), end: inSeconds(6 * day + 7200) })
    await officer.expect(201, 'POST', `/api/v1/events/${events.full.id}/signups`, { worker_id: otherWorkerId })
    events.race = await publish(admin, { ...here, title: titles.race, capacity: 1, start: inSeconds(7 * day), end: inSeconds(7 * day + 7200) })
    events.notOpen = await publish(admin, { ...here, title: titles.notOpen, start: inSeconds(8 * day), end: inSeconds(8 * day + 7200), signup_opens: inSeconds(day) })

    const venue = await officer.expect(201, 'POST', '/api/v1/venues', { name: `职工之家${suffix}`, unit_id: union.id, region_code: '110101', address: '东城区东四十条 1 号', capacity: 80 })
    const booked = await officer.expect(201, 'POST', `/api/v1/venues/${venue.id}/bookings`, { org_id: org.id, start: inSeconds(600), end: inSeconds(4 * 3600), purpose: '职工活动' })
    const booking = booked.items[0].id
    await officer.expect(200, 'POST', `/api/v1/bookings/${booking}/review`, { action: 'approve' })
    for (const key of ['link', 'code', 'stale', 'redirect', 'notSigned']) {
      events[key] = await publish(officer, { org_id: org.id, booking_id: booking, title: titles[key], start: inSeconds(660), end: inSeconds(3 * 3600) })
      if (key !== 'notSigned') await worker.expect(201, 'POST', `/api/v1/events/${events[key].id}/signups`, { worker_id: workerId })
    }
  }, { timeout: 60_000 })

  after(() => app?.stop(), { timeout: 10_000 })

  test('the home page shows the events coming up, soonest first', async () => {
    await page.goto(`${app.baseUrl}/m/`)
    await page.waitForURL(/\/m\/login/)
    await phoneLogin()
    await page.waitForURL(/\/m\/?$/)
    await expectText(page, '近期活动')
    const soon = page.getByTestId('soon-events').locator('.m-card')
    await soon.first().waitFor({ timeout })
    assert.equal(await soon.count(), 3)
    // The five events at the booking start first; the one in three days is not among the first three.
    for (const text of await soon.allInnerTexts()) assert.ok(!text.includes(titles.browse), text)
    assert.ok((await soon.first().innerText()).includes(`${clock(events.link.start)}–${clock(events.link.end)}`))
    await page.getByText('找活动').waitFor({ timeout })
    await page.getByText('我的活动').waitFor({ timeout })
    await expectNoSideways('home')
  })

  test('events near me: the worker\'s region, soonest first, by title, another region', async () => {
    await Promise.all([
      page.waitForResponse((r) => isCall(r, 'GET', '/api/v1/events') && new URL(r.url()).searchParams.get('region_code') === '110101'),
      page.getByText('找活动').click(),
    ])
    await page.waitForURL(`${app.baseUrl}/m/events`)
    await page.locator('.van-cell', { hasText: '所在地区' }).getByText('东城区').waitFor({ timeout })
    const browse = card(titles.browse)
    await browse.waitFor({ timeout })
    await card(titles.later).waitFor({ timeout })
    assert.equal(await card(titles.elsewhere).count(), 0)
    // Soonest first: the event in three days before the one in five.
    const listed = await page.locator('.m-card .m-card-title').allInnerTexts()
    assert.ok(listed.indexOf(titles.browse) < listed.indexOf(titles.later), listed.join(' | '))
    assert.ok(listed.indexOf(titles.link) < listed.indexOf(titles.browse), listed.join(' | '))
    const text = await browse.innerText()
    assert.ok(text.includes(`${clock(events.browse.start)}–${clock(events.browse.end)}`), text)
    for (const expected of ['东城区东四十条 1 号', '职工健康服务类', '余 10 个名额', '环卫职工', '女职工']) {
      assert.ok(text.includes(expected), `${expected} in ${text}`)
    }
    await card(titles.full).getByText('已满 · 可候补').waitFor({ timeout })
    await card(titles.notOpen).getByText('报名未开始').waitFor({ timeout })
    await expectNoSideways('events')
    await page.screenshot({ path: path.join(buildDir, 'e2e-phone-events.png'), fullPage: true })

    const search = page.getByPlaceholder('搜索活动名称')
    await search.fill('心理健康')
    await Promise.all([
      page.waitForResponse((r) => isCall(r, 'GET', '/api/v1/events') && new URL(r.url()).searchParams.get('q') === '心理健康'),
      search.press('Enter'),
    ])
    await card(titles.later).waitFor({ state: 'detached', timeout })
    await browse.waitFor({ timeout })
    await search.fill('')
    await search.press('Enter')
    await card(titles.later).waitFor({ timeout })

    await page.locator('.van-cell', { hasText: '所在地区' }).click()
    const cascader = page.locator('.van-cascader')
    // The cascader's levels are swiped tabs, all laid out: an option of the level on show.
    const option = (name) =>
      cascader.locator('.van-tab__panel-wrapper:not(.van-tab__panel-wrapper--inactive) .van-cascader__option', { hasText: new RegExp(`^${name}$`) })
    await option('北京市').click()
    await Promise.all([
      page.waitForResponse((r) => isCall(r, 'GET', '/api/v1/events') && new URL(r.url()).searchParams.get('region_code') === '110000'),
      option('北京市全境').click(),
    ])
    await card(titles.elsewhere).waitFor({ timeout })

    // A district with no events offers its city's. The cascader opens where it was left: on
    // 北京市's level, whose 北京市 is the city.
    await page.locator('.van-cell', { hasText: '所在地区' }).click()
    await option('北京市').click()
    await Promise.all([
      page.waitForResponse((r) => isCall(r, 'GET', '/api/v1/events') && new URL(r.url()).searchParams.get('region_code') === '110102'),
      option('西城区').click(),
    ])
    await expectText(page, '暂无可报名的活动')
    await Promise.all([
      page.waitForResponse((r) => isCall(r, 'GET', '/api/v1/events') && new URL(r.url()).searchParams.get('region_code') === '110100'),
      page.getByRole('button', { name: '查看北京市的活动' }).click(),
    ])
    await card(titles.elsewhere).waitFor({ timeout })
    await card(titles.browse).waitFor({ timeout })
  })

  test('sign up on the event\'s page, find it under 我的活动 and cancel it there', async () => {
    await card(titles.browse).locator('a').click()
    await page.waitForURL(`${app.baseUrl}/m/events/${events.browse.id}`)
    await expectText(page, '由专业心理咨询师讲解职场减压方法')
    await expectText(page, orgName)
    await page.getByTestId('signup-window').getByText('报名中').waitFor({ timeout })
    await expectText(page, '共 10 人，已报名 0 人，余 10 个名额')
    await expectNoSideways('event')
    await page.screenshot({ path: path.join(buildDir, 'e2e-phone-event.png'), fullPage: true })
    const [signed] = await Promise.all([
      page.waitForResponse((r) => isCall(r, 'POST', `/api/v1/events/${events.browse.id}/signups`)),
      actions().getByRole('button', { name: '报名', exact: true }).click(),
    ])
    assert.equal(signed.status(), 201)
    assert.deepEqual(signed.request().postDataJSON(), { worker_id: workerId, waitlist: false })
    await expectText(page, '报名成功')
    await page.getByTestId('my-status').getByText('已报名').waitFor({ timeout })
    await actions().getByRole('button', { name: '取消报名' }).waitFor({ timeout })
    await expectText(page, '共 10 人，已报名 1 人，余 9 个名额')

    await tab('我的').click()
    await page.waitForURL(`${app.baseUrl}/m/me`)
    await page.locator('.van-cell', { hasText: '我的活动' }).click()
    await page.waitForURL(`${app.baseUrl}/m/my-events`)
    await page.getByRole('tab', { name: '即将开始' }).waitFor({ timeout })
    const mine = card(titles.browse)
    await mine.getByText('已报名').waitFor({ timeout })
    // Soonest first: the events at the booking, in ten minutes, come before it.
    const listed = await page.locator('.m-card .m-card-title').allInnerTexts()
    assert.ok(listed.indexOf(titles.link) < listed.indexOf(titles.browse), listed.join(' | '))
    // Inside the check-in window a confirmed event offers 签到.
    await card(titles.code).getByRole('button', { name: '签到', exact: true }).waitFor({ timeout })
    assert.equal(await mine.getByRole('button', { name: '签到', exact: true }).count(), 0)
    await expectNoSideways('my events')
    await page.screenshot({ path: path.join(buildDir, 'e2e-phone-my-events.png'), fullPage: true })

    await mine.getByRole('button', { name: '取消报名' }).click()
    const dialog = page.locator('.van-dialog')
    await dialog.getByText(`确定取消报名“${titles.browse}”吗？`).waitFor({ timeout })
    const [cancelled] = await Promise.all([
      page.waitForResponse((r) => isCall(r, 'DELETE', `/api/v1/events/${events.browse.id}/signups/${workerId}`)),
      dialog.getByRole('button', { name: '确定取消' }).click(),
    ])
    assert.equal(cancelled.status(), 200)
    await expectText(page, '已取消报名')
    await mine.waitFor({ state: 'detached', timeout })
    assert.equal((await worker.expect(200, 'GET', `/api/v1/events/${events.browse.id}`)).seats_taken, 0)
  })

  test('a full event offers the waiting list and shows the place on it', async () => {
    await page.goto(`${app.baseUrl}/m/events/${events.full.id}`)
    await expectText(page, '名额已满。加入候补后')
    const [waiting] = await Promise.all([
      page.waitForResponse((r) => isCall(r, 'POST', `/api/v1/events/${events.full.id}/signups`)),
      actions().getByRole('button', { name: '加入候补' }).click(),
    ])
    assert.equal(waiting.status(), 201)
    assert.equal(waiting.request().postDataJSON().waitlist, true)
    await expectText(page, '已加入候补，当前第 1 位')
    await page.getByTestId('my-status').getByText('候补第 1 位').waitFor({ timeout })
    await expectText(page, '您在候补名单第 1 位')
    await page.goto(`${app.baseUrl}/m/my-events`)
    await card(titles.full).getByText('候补第 1 位').waitFor({ timeout })
    await expectNoSideways('my events, waiting')

    // Leaving the waiting list from the event's page.
    await card(titles.full).locator('a').click()
    await page.waitForURL(`${app.baseUrl}/m/events/${events.full.id}`)
    await actions().getByRole('button', { name: '取消候补' }).click()
    await Promise.all([
      page.waitForResponse((r) => isCall(r, 'DELETE', `/api/v1/events/${events.full.id}/signups/${workerId}`) && r.status() === 200),
      page.locator('.van-dialog').getByRole('button', { name: '确定取消' }).click(),
    ])
    await actions().getByRole('button', { name: '加入候补' }).waitFor({ timeout })
  })

  test('a seat taken meanwhile reads as full; a sign-up not open yet names its time', async () => {
    await page.goto(`${app.baseUrl}/m/events/${events.race.id}`)
    const join = actions().getByRole('button', { name: '报名', exact: true })
    await join.waitFor({ timeout })
    await officer.expect(201, 'POST', `/api/v1/events/${events.race.id}/signups`, { worker_id: otherWorkerId })
    const [refused] = await Promise.all([
      page.waitForResponse((r) => isCall(r, 'POST', `/api/v1/events/${events.race.id}/signups`)),
      join.click(),
    ])
    assert.equal(refused.status(), 409)
    await actions().getByRole('alert').getByText('名额已满，可以加入候补').waitFor({ timeout })
    await actions().getByRole('button', { name: '加入候补' }).waitFor({ timeout })

    await page.goto(`${app.baseUrl}/m/events/${events.notOpen.id}`)
    await page.getByTestId('signup-window').getByText('未开始').waitFor({ timeout })
    await expectText(page, `报名尚未开始，将于`)
    await expectText(page, clock(events.notOpen.signup_opens))
    assert.ok(await actions().getByRole('button', { name: '报名未开始' }).isDisabled())
  })

  test('check in through the QR code\'s link', async () => {
    const code = await checkinLink(events.link.id)
    assert.ok(code.link.startsWith(`${app.baseUrl}/m/checkin?event=${events.link.id}&token=`), code.link)
    const [checked] = await Promise.all([
      page.waitForResponse((r) => isCall(r, 'POST', `/api/v1/events/${events.link.id}/checkins`)),
      page.goto(code.link),
    ])
    assert.equal(checked.status(), 201)
    assert.deepEqual(checked.request().postDataJSON(), { token: code.token })
    const at = (await checked.json()).at
    await page.getByRole('status').getByText('签到成功').waitFor({ timeout })
    await expectText(page, `签到时间：`)
    await expectText(page, clock(at))
    await expectText(page, titles.link)
    await expectNoSideways('check-in')
    await page.screenshot({ path: path.join(buildDir, 'e2e-phone-checkin.png'), fullPage: true })

    await page.getByRole('button', { name: '查看活动' }).click()
    await page.waitForURL(`${app.baseUrl}/m/events/${events.link.id}`)
    await page.getByTestId('my-status').getByText('已签到').waitFor({ timeout })
    await expectText(page, `已签到 · `)
    assert.equal(await actions().getByRole('button').count(), 0)
  })

  test('check in by the six-digit code from 我的活动; a wrong code says so', async () => {
    await page.goto(`${app.baseUrl}/m/my-events`)
    await card(titles.link).getByText('已签到').waitFor({ timeout })
    await card(titles.code).getByRole('button', { name: '签到', exact: true }).click()
    await page.waitForURL(`${app.baseUrl}/m/checkin?event=${events.code.id}`)
    await expectText(page, '请输入现场大屏二维码下方的 6 位签到码')
    const keyboard = page.locator('.van-number-keyboard')
    await keyboard.waitFor({ state: 'visible', timeout })
    await expectNoSideways('code check-in')
    const real = (await checkinLink(events.code.id)).code
    const wrong = real === '000000' ? '111111' : '000000'
    const type = async (digits) => {
      for (const digit of digits) await keyboard.getByRole('button', { name: digit, exact: true }).tap()
    }
    const [refused] = await Promise.all([
      page.waitForResponse((r) => isCall(r, 'POST', `/api/v1/events/${events.code.id}/checkins`)),
      type(wrong),
    ])
    assert.equal(refused.status(), 422)
    await expectText(page, '签到码不正确或已过期')
    const fresh = (await checkinLink(events.code.id)).code
    const [checked] = await Promise.all([
      page.waitForResponse((r) => isCall(r, 'POST', `/api/v1/events/${events.code.id}/checkins`)),
      type(fresh),
    ])
    assert.equal(checked.status(), 201, await checked.text())
    assert.deepEqual(checked.request().postDataJSON(), { code: fresh })
    await page.getByRole('status').getByText('签到成功').waitFor({ timeout })
  })

  test('a stale link offers the code; an event not signed up for, or not started, is refused', async () => {
    await page.goto(`${app.baseUrl}/m/checkin?event=${events.stale.id}&token=AAAAAAAAAAAAAAAAAAAAAA`)
    await page.getByRole('alert').getByText('二维码已过期').waitFor({ timeout })
    await page.getByRole('button', { name: '签到码签到' }).click()
    await expectText(page, '请输入现场大屏二维码下方的 6 位签到码')
    await page.locator('.van-number-keyboard').waitFor({ state: 'visible', timeout })

    await page.goto(`${app.baseUrl}/m/events/${events.stale.id}`)
    await actions().getByRole('button', { name: '签到码签到' }).click()
    await page.waitForURL(`${app.baseUrl}/m/checkin?event=${events.stale.id}`)
    await page.locator('.van-number-keyboard').waitFor({ state: 'visible', timeout })

    const code = await checkinLink(events.notSigned.id)
    await page.goto(code.link)
    await page.getByRole('alert').getByText('您还没有报名本活动，报名成功后才能签到').waitFor({ timeout })
    assert.equal(await page.getByRole('button', { name: '签到码签到' }).count(), 0)

    // Signed up, but days before the check-in window opens (admin's event: admin shows its code).
    const early = await admin.expect(200, 'GET', `/api/v1/events/${events.elsewhere.id}/checkin-code`)
    await page.goto(`${app.baseUrl}/m/checkin?event=${events.elsewhere.id}&token=${early.token}`)
    const outside = page.getByRole('alert').getByText('现在不在签到时间内，签到时间为')
    await outside.waitFor({ timeout })
    const opens = new Date(Date.parse(events.elsewhere.start) - 30 * 60_000).toISOString()
    assert.ok((await outside.innerText()).includes(`${clock(opens)}–${clock(events.elsewhere.end)}`), await outside.innerText())
  })

  test('signed out, the check-in link goes through the sign-in and back', async () => {
    await tab('我的').click()
    await page.getByRole('button', { name: '退出登录' }).click()
    await page.waitForURL(`${app.baseUrl}/m/login`)
    const code = await checkinLink(events.redirect.id)
    await page.goto(code.link)
    await page.waitForURL(/\/m\/login\?redirect=/)
    assert.equal(new URL(page.url()).searchParams.get('redirect'), `/m/checkin?event=${events.redirect.id}&token=${code.token}`)
    const [checked] = await Promise.all([
      page.waitForResponse((r) => isCall(r, 'POST', `/api/v1/events/${events.redirect.id}/checkins`)),
      phoneLogin(),
    ])
    assert.equal(checked.status(), 201, await checked.text())
    assert.equal(page.url(), code.link)
    await page.getByRole('status').getByText('签到成功').waitFor({ timeout })
  })

  test('我的 shows the roster entry masked; employer, region and groups are edited', async () => {
    await tab('我的').click()
    await page.waitForURL(`${app.baseUrl}/m/me`)
    const profile = page.getByTestId('profile')
    for (const text of ['张三', '139****5678', '1101**********002X', unionName, '东城区环卫服务中心', '东城区', '环卫职工']) {
      await profile.getByText(text, { exact: true }).first().waitFor({ timeout })
    }
    assert.ok(!(await page.content()).includes(idNumber), 'the clear ID number is on the page')
    await expectNoSideways('me')
    await page.screenshot({ path: path.join(buildDir, 'e2e-phone-profile.png'), fullPage: true })

    await profile.getByText('编辑资料').click()
    await page.waitForURL(`${app.baseUrl}/m/me/profile`)
    await page.getByLabel('工作单位').fill('东城区城市管理服务中心')
    await page.getByLabel('所在地区').click()
    // The province, its one city, the county: each level's options show in turn.
    const option = (name) =>
      page.locator('.van-cascader__option').filter({ visible: true }).filter({ hasText: new RegExp(`^\\s*${name}\\s*$`) })
    await option('北京市').click()
    await option('北京市全境').waitFor({ timeout })
    await option('北京市').last().click()
    await option('朝阳区').click()
    assert.equal(await page.getByLabel('所在地区').inputValue(), '北京市 / 北京市 / 朝阳区')
    await page.getByRole('checkbox', { name: '女职工' }).click()
    await expectNoSideways('profile edit')

    // A refusal of the server shows under its field, and nothing else changes.
    const refuse = (route) =>
      route.fulfill({
        status: 422,
        contentType: 'application/json',
        headers: { 'Content-Language': 'zh-CN' },
        json: { error: { code: 'validation_failed', message: '工作单位：不能超过 100 个字符', details: [{ field: 'employer', message: '不能超过 100 个字符' }] } },
      })
    await page.route('**/api/v1/me/worker', (route) => (route.request().method() === 'PATCH' ? refuse(route) : route.fallback()))
    await page.getByRole('button', { name: '保存' }).click()
    await page.locator('.van-field', { hasText: '工作单位' }).locator('.van-field__error-message').getByText('不能超过 100 个字符').waitFor({ timeout })
    await page.unroute('**/api/v1/me/worker')

    const [saved] = await Promise.all([
      page.waitForResponse((r) => isCall(r, 'PATCH', '/api/v1/me/worker')),
      page.getByRole('button', { name: '保存' }).click(),
    ])
    assert.equal(saved.status(), 200, await saved.text())
    assert.deepEqual(saved.request().postDataJSON(), {
      employer: '东城区城市管理服务中心',
      region_code: '110105',
      groups: ['sanitation_workers', 'women_workers'],
    })
    await page.waitForURL(`${app.baseUrl}/m/me`)
    for (const text of ['东城区城市管理服务中心', '朝阳区', '环卫职工、女职工']) {
      await profile.getByText(text, { exact: true }).waitFor({ timeout })
    }
    const stored = await worker.expect(200, 'GET', '/api/v1/me/worker')
    assert.equal(stored.region_code, '110105')
  })

  test('the event pages follow the language switch', async () => {
    await page.locator('.van-cell', { hasText: 'English' }).click()
    await page.getByRole('button', { name: 'Sign out' }).waitFor({ timeout })
    await page.goto(`${app.baseUrl}/m/my-events`)
    await page.getByRole('tab', { name: 'Coming up' }).waitFor({ timeout })
    await card(titles.code).getByText('Checked in').waitFor({ timeout })
    await page.goto(`${app.baseUrl}/m/events/${events.later.id}`)
    await actions().getByRole('button', { name: 'Sign up', exact: true }).waitFor({ timeout })
    await expectNoSideways('event in English')
    await tab('Me').click()
    await page.locator('.van-cell', { hasText: '中文' }).click()
    await page.getByRole('button', { name: '退出登录' }).waitFor({ timeout })
  })

  test('an activation begun from a check-in link comes back to it', async () => {
    await page.getByRole('button', { name: '退出登录' }).click()
    await page.waitForURL(`${app.baseUrl}/m/login`)
    const code = await checkinLink(events.notSigned.id)
    await page.goto(code.link)
    await page.waitForURL(/\/m\/login\?redirect=/)
    await page.getByRole('button', { name: '首次使用？激活账号' }).click()
    await page.waitForURL(/\/m\/activate\?redirect=/)
    await page.getByLabel('姓名').fill('王五')
    await page.getByLabel('身份证号').fill(newIdNumber)
    await page.getByLabel('手机号').fill(newPhone)
    await page.getByLabel('设置密码').fill(workerPassword)
    await page.getByLabel('确认密码').fill(workerPassword)
    const [refused] = await Promise.all([
      page.waitForResponse((r) => isCall(r, 'POST', `/api/v1/events/${events.notSigned.id}/checkins`)),
      page.getByRole('button', { name: '激活并登录' }).click(),
    ])
    assert.equal(refused.status(), 422)
    assert.equal(page.url(), code.link)
    await page.getByRole('alert').getByText('您还没有报名本活动，报名成功后才能签到').waitFor({ timeout })
  })

  test('an initial password set by an officer is changed on the way to the check-in link', async () => {
    // A worker's account is found by its name: its username derives from the phone's blind index.
    const found = await admin.expect(200, 'GET', `/api/v1/users?q=${encodeURIComponent('王五')}`)
    const account = found.items.find((u) => u.worker_id)
    assert.ok(account, JSON.stringify(found.items))
    await admin.expect(200, 'POST', `/api/v1/users/${account.id}/reset-password`, { password: initialPassword })
    const code = await checkinLink(events.notSigned.id)
    await page.goto(code.link)
    await page.waitForURL(/\/m\/login\?redirect=/)
    await page.getByLabel('手机号').fill(newPhone)
    await page.getByLabel('密码', { exact: true }).fill(initialPassword)
    await page.getByRole('button', { name: '登录' }).click()
    await page.waitForURL(/\/m\/password\?redirect=/)
    await page.getByLabel('当前密码').fill(initialPassword)
    await page.getByLabel('新密码', { exact: true }).fill(workerPassword)
    await page.getByLabel('确认密码').fill(workerPassword)
    const [refused] = await Promise.all([
      page.waitForResponse((r) => isCall(r, 'POST', `/api/v1/events/${events.notSigned.id}/checkins`)),
      page.getByRole('button', { name: '修改密码' }).click(),
    ])
    assert.equal(refused.status(), 422)
    assert.equal(page.url(), code.link)
  })

  test('no CSP violations or page errors', () => {
    assert.deepEqual(app.pageProblems, [])
  })
})
