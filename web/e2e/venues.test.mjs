// Venues and bookings (场地与预约, issue #11). A union unit, a registered organisation, a union
// officer and the organisation's member are arranged through the API, and a second organisation's
// booking three weeks ahead. The officer registers a venue through 场地管理 (a region its unit does
// not cover reads the server's 422 under 所在地区) and lands on its detail, uploads a photo there
// and sees it as the list's thumbnail. The member books it on
// its calendar (待审核 in the week view), an overlapping booking reads the 409 with its date, a
// weekly series names its one clashing date (第 3 次) and books nothing, another series books four
// weeks. The other organisation's slot shows to the member only as 已占用. The officer's workbench
// counts the bookings to review and opens 预约审核, where the first booking is approved; the
// calendar shows it 已批准 in the week and the month view, and a click opens its drawer. The
// member's workbench lists its upcoming bookings. With an event of the organisation starting soon
// (one worker signed up and checked in), the officer's workbench shows it among the next 7 days'
// events (已报名 1/30), today's check-ins and the roster's size (opening 职工名册); the member's shows
// the event and the check-ins but no roster.
// Screenshots: ../build/e2e-venues-week.png, ../build/e2e-venues-month.png.
import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import path from 'node:path'
import { adminPassword, ApiClient, buildDir, startApp, submitLogin } from './support.mjs'

const suffix = Date.now() % 100000
const unionName = `福州市总工会${suffix}`
const orgName = `榕城职工服务中心${suffix}`
const otherOrgName = `闽江社工服务社${suffix}`
const venueName = `职工之家活动中心${suffix}`
const password = 'Venue-E2e-Passw0rd'
/** A 1×1 PNG. */
const kPng = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64')

/** A day `days` after today in Asia/Shanghai, the server's calendar. */
function dayAfter(days) {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date())
  return new Date(Date.parse(`${today}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10)
}
/** +08:00 ISO text of now + `seconds`, as the server writes it. */
function inSeconds(seconds) {
  const t = new Date(Date.now() + seconds * 1000 + 8 * 3600 * 1000)
  return `${t.toISOString().slice(0, 19)}+08:00`
}
/** The Monday at least 14 days ahead: every slot of the test lies in the future. */
const first = (() => {
  for (let days = 14; ; days++) {
    const day = dayAfter(days)
    if (new Date(`${day}T00:00:00Z`).getUTCDay() === 1) return day
  }
})()
const plusDays = (day, n) => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10)
const third = plusDays(first, 14)

let app
let api
let unionId
let orgId
let otherOrgId
let venueId
let firstBookingId

const visible = (page, selector) => page.locator(selector).filter({ visible: true })
const isPost = (r, suffixPath) => r.request().method() === 'POST' && new URL(r.url()).pathname.endsWith(suffixPath)
const exactly = (text) => new RegExp(`^\\s*${text}\\s*$`)

async function openMenu(page, group, entry) {
  const menu = page.locator('.side-menu')
  const item = menu.getByText(entry, { exact: true })
  if (!(await item.isVisible())) await menu.getByText(group, { exact: true }).click()
  await item.click()
}

async function loginAs(username, secret) {
  const { page, baseUrl, context } = app
  await context.clearCookies()
  await page.goto(`${baseUrl}/login`)
  assert.equal((await submitLogin(page, username, secret)).status(), 200)
  await page.waitForURL(`${baseUrl}/`)
}

/** Fills the open booking dialog: date, times, purpose and, when given, weekly repetition. */
async function fillBooking(page, dialog, { date, start, end, purpose, weeks }) {
  if (date) {
    await dialog.getByLabel('日期').fill(date)
    await dialog.getByLabel('日期').press('Enter')
  }
  // The time selects filter as one types: the one matching option, then Enter.
  for (const [label, time] of [['开始时间', start], ['结束时间', end]]) {
    const input = dialog.getByLabel(label)
    await input.click()
    await input.fill(time)
    await visible(page, '.el-select-dropdown__item').filter({ hasText: exactly(time) }).waitFor()
    await input.press('Enter')
    await dialog.locator('.el-form-item').filter({ hasText: label }).locator('.el-select__selected-item').filter({ hasText: exactly(time) }).waitFor()
  }
  if (purpose) await dialog.getByLabel('用途').fill(purpose)
  if (weeks) {
    const weekly = dialog.locator('.el-checkbox').filter({ hasText: '每周重复' })
    if (!(await weekly.locator('input').isChecked())) await weekly.click()
    const count = dialog.locator('.el-input-number input')
    await count.fill(String(weeks))
    await count.press('Tab')
  }
}

/** Submits the open booking dialog; resolves with the answer. */
async function submitBooking(page, dialog) {
  const [response] = await Promise.all([
    page.waitForResponse((r) => isPost(r, `/api/v1/venues/${venueId}/bookings`)),
    dialog.getByRole('button', { name: '确定', exact: true }).click(),
  ])
  return { response, body: await response.json() }
}

describe('venues and bookings', { timeout: 120_000 }, () => {
  before(async () => {
    app = await startApp()
    api = await ApiClient.login(app.baseUrl, 'admin', adminPassword)
    const root = api.session.user.unit_id
    const authorityId = (await api.expect(201, 'POST', '/api/v1/units', { name: `福州市民政局${suffix}`, kind: 'civil_affairs', region_code: '350000', parent_id: root })).id
    unionId = (await api.expect(201, 'POST', '/api/v1/units', { name: unionName, kind: 'union', region_code: '350000', parent_id: root })).id
    const org = (name, uscc) =>
      api.expect(201, 'POST', '/api/v1/orgs', {
        name,
        uscc,
        org_type: 'social_service',
        region_code: '350000',
        registration_unit_id: authorityId,
        legal_rep: '林小明',
        phone: '13912345678',
        founded_on: '2016-04-01',
        business_scope: '职工服务',
        service_categories: ['skills'],
        labour_field: true,
      })
    orgId = (await org(orgName, '52350100MJ00000019')).id
    otherOrgId = (await org(otherOrgName, '52350100MJ0000002C')).id
    await api.expect(201, 'POST', '/api/v1/users', { username: 'venue.officer', password, display_name: '陈干事', unit_id: unionId, roles: ['union_officer'] })
    await api.expect(201, 'POST', '/api/v1/users', { username: 'venue.member', password, display_name: '黄会员', unit_id: unionId, roles: ['org_member'], org_id: orgId })
  }, { timeout: 30_000 })

  after(() => app?.stop(), { timeout: 10_000 })

  test('the officer registers a venue on 场地管理', async () => {
    const { page, baseUrl } = app
    await loginAs('venue.officer', password)
    const [listed] = await Promise.all([
      page.waitForResponse((r) => new URL(r.url()).pathname === '/api/v1/venues' && r.request().method() === 'GET'),
      openMenu(page, '场地预约', '场地管理'),
    ])
    assert.equal(listed.status(), 200)
    await page.waitForURL(`${baseUrl}/venues`)
    await page.getByText('暂无场地').waitFor()

    await page.getByRole('button', { name: '新增场地' }).click()
    const dialog = page.getByRole('dialog', { name: '新增场地' })
    await dialog.waitFor()
    await dialog.getByLabel('场地名称').fill(venueName)
    await dialog.getByLabel('所属单位').click()
    await dialog.getByLabel('所属单位').fill('总工会')
    await visible(page, '.el-select-dropdown__item').filter({ hasText: unionName }).click()
    // First a region the unit's (福建省) does not cover: the server's 422 reads under 所在地区.
    await dialog.locator('.el-cascader').click()
    await visible(page, '.el-cascader-node').filter({ hasText: '全国' }).click()
    await visible(page, '.el-cascader-node').filter({ hasText: '北京市' }).locator('.el-radio').click()
    await dialog.locator('.el-dialog__header').click()
    await dialog.getByLabel('地址').fill('鼓楼区五一北路 1 号')
    await dialog.getByLabel('容纳人数').fill('120')
    await dialog.getByLabel('设施').fill('投影仪、音响')
    await dialog.getByLabel('开放时间').fill('周一至周日 8:00-22:00')
    const [refused] = await Promise.all([
      page.waitForResponse((r) => isPost(r, '/api/v1/venues')),
      dialog.getByRole('button', { name: '确定', exact: true }).click(),
    ])
    const refusal = await refused.json()
    assert.equal(refused.status(), 422, JSON.stringify(refusal))
    assert.equal(refusal.error.details[0].field, 'region_code')
    await dialog.locator('.el-form-item.is-error').filter({ hasText: '所在地区' }).getByText(refusal.error.details[0].message).waitFor()
    await dialog.locator('.el-cascader').click()
    await visible(page, '.el-cascader-node').filter({ hasText: '福建省' }).locator('.el-radio').click()
    await dialog.locator('.el-dialog__header').click()
    const [created] = await Promise.all([
      page.waitForResponse((r) => isPost(r, '/api/v1/venues')),
      dialog.getByRole('button', { name: '确定', exact: true }).click(),
    ])
    const venue = await created.json()
    assert.equal(created.status(), 201, JSON.stringify(venue))
    assert.deepEqual(
      { unit: venue.unit_id, region: venue.region_code, capacity: venue.capacity, facilities: venue.facilities, hours: venue.opening_hours, status: venue.status },
      { unit: unionId, region: '350000', capacity: 120, facilities: '投影仪、音响', hours: '周一至周日 8:00-22:00', status: 'active' },
    )
    venueId = venue.id
    // The new venue's detail opens.
    await page.waitForURL(`${baseUrl}/venues/${venueId}`)
    await page.locator('.venue-head').getByText(venueName).waitFor()
    await page.locator('.venue-head .venue-status').getByText('开放').waitFor()
    await page.locator('.booking-calendar.calendar-week').waitFor()

    // A photo: uploaded on the detail, the list's thumbnail.
    const [uploaded] = await Promise.all([
      page.waitForResponse((r) => isPost(r, `/api/v1/venues/${venueId}/photos`)),
      page.locator('.venue-photos input[type=file]').setInputFiles({ name: '大厅.png', mimeType: 'image/png', buffer: kPng }),
    ])
    const photo = await uploaded.json()
    assert.equal(uploaded.status(), 201, JSON.stringify(photo))
    assert.equal(photo.media_type, 'image/png')
    await page.locator(`.venue-photos .photo[data-photo="${photo.id}"] img`).waitFor()
    await page.locator('.venue-photos').getByText('大厅.png').waitFor()
    await page.getByRole('button', { name: '返回场地列表' }).click()
    const thumb = page.locator('.venues-table .el-table__row').filter({ hasText: venueName }).locator('img.thumb')
    await thumb.waitFor()
    await page.waitForFunction((img) => img.complete && img.naturalWidth === 1, await thumb.elementHandle())

    // Another organisation's booking three weeks ahead, entered by the unit.
    await api.expect(201, 'POST', `/api/v1/venues/${venueId}/bookings`, { org_id: otherOrgId, start: `${third}T11:00:00`, end: `${third}T12:30:00`, purpose: '社工督导' })
  })

  test('the member books the venue; an overlap and a clashing weekly series read the 409', async () => {
    const { page, baseUrl } = app
    await loginAs('venue.member', password)
    await page.goto(`${baseUrl}/venues/${venueId}?date=${first}`)
    await page.locator('.venue-head').getByText(venueName).waitFor()
    await page.getByRole('button', { name: '预约场地' }).click()
    const dialog = page.getByRole('dialog', { name: `预约场地：${venueName}` })
    await dialog.waitFor()
    // Its own organisation is offered and fixed.
    await dialog.locator('.el-select__selected-item').filter({ hasText: orgName }).first().waitFor()
    await fillBooking(page, dialog, { date: first, start: '09:00', end: '11:00', purpose: '职工技能培训' })
    const booked = await submitBooking(page, dialog)
    assert.equal(booked.response.status(), 201, JSON.stringify(booked.body))
    assert.deepEqual(booked.response.request().postDataJSON(), { org_id: orgId, start: `${first}T09:00:00`, end: `${first}T11:00:00`, purpose: '职工技能培训', weeks: 1 })
    firstBookingId = booked.body.items[0].id
    await dialog.waitFor({ state: 'hidden' })
    const week = page.locator('.booking-calendar.calendar-week')
    await week.locator(`.week-day[data-day="${first}"] .cal-pending`).filter({ hasText: orgName }).filter({ hasText: '09:00–11:00' }).waitFor()

    // Overlapping it: the 409 names the date and nothing is booked.
    await page.getByRole('button', { name: '预约场地' }).click()
    await dialog.waitFor()
    await fillBooking(page, dialog, { date: first, start: '10:00', end: '12:00', purpose: '职工座谈会' })
    const overlap = await submitBooking(page, dialog)
    assert.equal(overlap.response.status(), 409, JSON.stringify(overlap.body))
    const clash = dialog.locator('.booking-clash')
    await clash.getByText(`场地在以下日期已被预约：${first}`).waitFor()
    await clash.locator('.clash-slot').getByText(`第 1 次：${first} 10:00-12:00`).waitFor()

    // A weekly series of four, its third week taken by the other organisation: named, nothing booked.
    await fillBooking(page, dialog, { start: '11:00', end: '12:00', weeks: 4 })
    const series = await submitBooking(page, dialog)
    assert.equal(series.response.status(), 409, JSON.stringify(series.body))
    assert.equal(series.response.request().postDataJSON().weeks, 4)
    assert.deepEqual(series.body.error.details.map((d) => d.field), ['slots[2]'])
    await clash.getByText(`场地在以下日期已被预约：${third}`).waitFor()
    await clash.locator('.clash-slot').getByText(`第 3 次：${third} 11:00-12:00`).waitFor()
    assert.equal(await clash.locator('.clash-slot').count(), 1)

    // The same series at 13:00 books four weeks.
    await fillBooking(page, dialog, { start: '13:00', end: '14:00' })
    const weekly = await submitBooking(page, dialog)
    assert.equal(weekly.response.status(), 201, JSON.stringify(weekly.body))
    assert.equal(weekly.body.items.length, 4)
    assert.equal(weekly.body.series_id, weekly.body.items[0].id)
    await dialog.waitFor({ state: 'hidden' })
    await week.locator(`.week-day[data-day="${first}"] .cal-pending`).filter({ hasText: '13:00–14:00' }).waitFor()

    // Three weeks ahead the other organisation's slot shows only as taken.
    await page.goto(`${baseUrl}/venues/${venueId}?date=${third}`)
    const busy = page.locator(`.week-day[data-day="${third}"] .cal-busy`)
    await busy.filter({ hasText: '11:00–12:30' }).waitFor()
    assert.equal(await busy.filter({ hasText: otherOrgName }).count(), 0, 'who booked it stays hidden')
    await page.locator(`.week-day[data-day="${third}"] .cal-pending`).filter({ hasText: '13:00–14:00' }).waitFor()
  })

  test('the officer approves from 预约审核, reached from the workbench', async () => {
    const { page, baseUrl } = app
    await loginAs('venue.officer', password)
    // Six bookings wait: the member's one and four, the other organisation's one.
    const card = page.locator('.venue-card-pending')
    await card.locator('.venue-card-value').getByText('6', { exact: true }).waitFor()
    await card.click()
    await page.waitForURL(new RegExp(`^${baseUrl}/venues/queue`))
    const rows = page.locator('.bookings-table .el-table__body-wrapper .el-table__row')
    await rows.first().waitFor()
    assert.equal(await rows.count(), 6)
    // Soonest first: the 09:00 booking leads.
    const row = rows.first()
    await row.getByText(`${first} 09:00–11:00`).waitFor()
    await row.locator('.booking-status').getByText('待审核').waitFor()
    await row.getByRole('button', { name: '批准' }).click()
    const [approved] = await Promise.all([
      page.waitForResponse((r) => isPost(r, `/api/v1/bookings/${firstBookingId}/review`)),
      page.locator('.el-message-box').getByRole('button', { name: '确定' }).click(),
    ])
    assert.equal(approved.status(), 200, await approved.text())
    assert.deepEqual(approved.request().postDataJSON(), { action: 'approve' })
    await page.waitForFunction(() => document.querySelectorAll('.bookings-table .el-table__body-wrapper .el-table__row').length === 5)
  })

  test('the calendar shows the approved booking in the week and the month view', async () => {
    const { page, baseUrl } = app
    await page.goto(`${baseUrl}/venues/${venueId}?date=${first}`)
    const approved = page.locator(`.week-day[data-day="${first}"] .cal-approved`).filter({ hasText: orgName })
    await approved.filter({ hasText: '09:00–11:00' }).waitFor()
    // The officer of the venue's unit sees every organisation by name.
    await page.goto(`${baseUrl}/venues/${venueId}?date=${third}`)
    await page.locator(`.week-day[data-day="${third}"] .cal-pending`).filter({ hasText: otherOrgName }).waitFor()
    await page.goto(`${baseUrl}/venues/${venueId}?date=${first}`)
    await approved.waitFor()
    await page.locator('.booking-calendar').screenshot({ path: path.join(buildDir, 'e2e-venues-week.png') })

    const [month] = await Promise.all([
      page.waitForResponse((r) => new URL(r.url()).pathname === `/api/v1/venues/${venueId}/bookings`),
      page.locator('.cal-views').getByText('月', { exact: true }).click(),
    ])
    assert.equal(month.status(), 200)
    await page.waitForURL(new RegExp('view=month'))
    const cell = page.locator(`.booking-calendar.calendar-month .month-day[data-day="${first}"]`)
    await cell.locator('.cal-approved').filter({ hasText: '09:00' }).filter({ hasText: orgName }).waitFor()
    await cell.locator('.cal-pending').filter({ hasText: '13:00' }).waitFor()
    await page.locator('.booking-calendar').screenshot({ path: path.join(buildDir, 'e2e-venues-month.png') })

    // A click opens the booking's drawer.
    await cell.locator('.cal-approved').click()
    const drawer = page.locator('.booking-drawer')
    await drawer.locator('.booking-status').getByText('已批准').waitFor()
    await drawer.getByText('职工技能培训').first().waitFor()
    await drawer.getByRole('button', { name: '取消预约' }).waitFor()
    assert.equal(await drawer.getByRole('button', { name: '批准' }).count(), 0, 'approved already')
    await page.keyboard.press('Escape')
  })

  test('the member’s workbench lists its upcoming bookings', async () => {
    const { page } = app
    await loginAs('venue.member', password)
    const upcoming = page.locator('.venue-upcoming')
    await upcoming.locator('.upcoming-item').first().waitFor()
    await upcoming.locator('.upcoming-item').first().getByText(`${first} 09:00–11:00`).waitFor()
    await upcoming.locator('.upcoming-item').first().locator('.booking-status').getByText('已批准').waitFor()
    assert.equal(await page.locator('.venue-card-pending').count(), 0, 'no review card for a member')
    const menu = page.locator('.side-menu')
    await menu.getByText('场地预约', { exact: true }).click()
    await menu.getByText('预约记录', { exact: true }).waitFor()
    assert.equal(await menu.getByText('预约审核', { exact: true }).count(), 0, 'the queue is for reviewers')
  })

  test('the workbench shows the week’s events, today’s check-ins and, for the officer, the roster', async () => {
    const { page, baseUrl } = app
    const eventTitle = `职工健康讲座${suffix}`
    const hall = (await api.expect(201, 'POST', '/api/v1/venues', { name: `职工之家报告厅${suffix}`, unit_id: unionId, region_code: '350000', address: '鼓楼区五一北路 2 号', capacity: 50 })).id
    const booked = await api.expect(201, 'POST', `/api/v1/venues/${hall}/bookings`, { org_id: orgId, start: inSeconds(600), end: inSeconds(4 * 3600), purpose: '职工讲座' })
    const bookingId = booked.items[0].id
    await api.expect(200, 'POST', `/api/v1/bookings/${bookingId}/review`, { action: 'approve' })
    const event = await api.expect(201, 'POST', '/api/v1/events', { org_id: orgId, title: eventTitle, category: 'health', start: inSeconds(1200), end: inSeconds(2 * 3600), capacity: 30, booking_id: bookingId })
    await api.expect(200, 'POST', `/api/v1/events/${event.id}/transitions`, { to: 'published' })
    const worker = await api.expect(201, 'POST', '/api/v1/workers', { name: '林小华', phone: '13950000001', region_code: '350000', unit_id: unionId })
    await api.expect(201, 'POST', `/api/v1/events/${event.id}/signups`, { worker_id: worker.id })
    await api.expect(201, 'POST', `/api/v1/events/${event.id}/checkins`, { worker_id: worker.id })

    await loginAs('venue.officer', password)
    const item = page.locator('.event-upcoming .upcoming-item').filter({ hasText: eventTitle })
    await item.getByText('已报名 1/30').waitFor()
    await page.locator('.event-card-checkins .event-card-value').getByText('1', { exact: true }).waitFor()
    const roster = page.locator('.event-card-roster')
    await roster.locator('.event-card-value').getByText('1', { exact: true }).waitFor()
    await roster.click()
    await page.waitForURL(`${baseUrl}/workers`)
    await page.locator('.el-table__row').filter({ hasText: '林小华' }).waitFor()
    await page.goBack()
    await item.locator('.upcoming-link').click()
    await page.waitForURL(`${baseUrl}/events/${event.id}`)

    await loginAs('venue.member', password)
    await page.locator('.event-upcoming .upcoming-item').filter({ hasText: eventTitle }).getByText('已报名 1/30').waitFor()
    await page.locator('.event-card-checkins .event-card-value').getByText('1', { exact: true }).waitFor()
    assert.equal(await page.locator('.event-card-roster').count(), 0, 'the roster is the union’s')
  })

  test('no CSP violations or page errors', () => {
    assert.deepEqual(app.pageProblems, [])
  })
})
