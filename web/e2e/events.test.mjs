// Events, sign-ups and check-ins (活动、报名、签到, issue #11). Through the API: a union with a
// venue, a registered organisation with an approved booking starting in ten minutes, and two
// workers on the union's roster (POST /workers). In the browser admin opens 活动管理, creates an event in the dialog (the
// organisation picked by name, its approved booking chosen, which proposes the time; one seat),
// publishes it on its detail page; two workers sign up through the API (one confirmed, one on the
// waiting list): the 报名名单 shows their masked names and 候补 #1. Admin records the confirmed
// worker's check-in from 登记签到; the 签到名单 shows it as 工作人员登记. The 签到大屏 page shows the
// QR code (an SVG) and a six-digit code that the API accepts for a worker's own check-in.
// Screenshots: ../build/e2e-events-detail.png, ../build/e2e-events-screen.png.
import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import path from 'node:path'
import { adminPassword, ApiClient, buildDir, expectText, startApp, submitLogin } from './support.mjs'

const suffix = Date.now() % 100000
const unionName = `福州市总工会${suffix}`
const orgName = `福州职工服务中心${suffix}`
const venueName = `职工之家多功能厅${suffix}`
const eventTitle = `职工心理健康讲座${suffix}`
const workerPassword = 'Event-E2e-Passw0rd'

let app
let api
let orgId
let workers = []

/** +08:00 ISO text of now + `seconds`, as the server writes it. */
function inSeconds(seconds) {
  const t = new Date(Date.now() + seconds * 1000 + 8 * 3600 * 1000)
  return `${t.toISOString().slice(0, 19)}+08:00`
}
const visible = (page, selector) => page.locator(selector).filter({ visible: true })

describe('events, sign-ups and check-ins', { timeout: 120_000 }, () => {
  before(async () => {
    app = await startApp()
    api = await ApiClient.login(app.baseUrl, 'admin', adminPassword)
    const root = api.session.user.unit_id
    const civil = (await api.expect(201, 'POST', '/api/v1/units', { name: `福州市民政局${suffix}`, kind: 'civil_affairs', region_code: '350100', parent_id: root })).id
    const union = (await api.expect(201, 'POST', '/api/v1/units', { name: unionName, kind: 'union', region_code: '350100', parent_id: root })).id
    orgId = (
      await api.expect(201, 'POST', '/api/v1/orgs', {
        name: orgName,
        uscc: '52350100MJ00000019',
        org_type: 'social_service',
        region_code: '350100',
        registration_unit_id: civil,
        legal_rep: '林伟',
        phone: '13912345678',
        founded_on: '2016-04-01',
        business_scope: '职工服务',
        service_categories: ['health'],
        labour_field: true,
      })
    ).id
    const venue = (await api.expect(201, 'POST', '/api/v1/venues', { name: venueName, unit_id: union, region_code: '350102', address: '鼓楼区五一北路 1 号', capacity: 80 })).id
    const booked = await api.expect(201, 'POST', `/api/v1/venues/${venue}/bookings`, { org_id: orgId, start: inSeconds(600), end: inSeconds(4 * 3600), purpose: '职工讲座' })
    await api.expect(200, 'POST', `/api/v1/bookings/${booked.items[0].id}/review`, { action: 'approve' })
    for (const [name, phone] of [['张三', '13912345601'], ['王小明', '13912345602']]) {
      workers.push((await api.expect(201, 'POST', '/api/v1/workers', { name, phone, region_code: '350102', unit_id: union })).id)
    }
    await api.expect(201, 'POST', '/api/v1/users', { username: `worker${suffix}`, password: workerPassword, display_name: '张三', unit_id: union, roles: ['worker'], worker_id: workers[0] })
  })

  after(async () => {
    await app?.stop()
  })

  test('an event is created at a booking, filled, checked in and shown on the screen', async () => {
    const page = await app.context.newPage()
    await page.goto(`${app.baseUrl}/login`)
    assert.equal((await submitLogin(page, 'admin', adminPassword)).status(), 200)
    await page.locator('.side-menu').getByText('活动管理', { exact: true }).click()
    await expectText(page, '暂无活动')

    await page.getByRole('button', { name: '新建活动' }).click()
    const dialog = page.locator('.el-dialog').filter({ hasText: '新建活动' })
    await dialog.locator('.el-form-item').filter({ hasText: '主办组织' }).locator('.el-select').click()
    await page.keyboard.type(orgName.slice(0, 6))
    await visible(page, '.el-select-dropdown__item').filter({ hasText: orgName }).first().click()
    await dialog.locator('.booking-select').click()
    await visible(page, '.el-select-dropdown__item').filter({ hasText: venueName }).first().click()
    await dialog.locator('input[name="title"]').fill(eventTitle)
    await dialog.locator('.category-select').click()
    await visible(page, '.el-select-dropdown__item').filter({ hasText: '职工健康服务类' }).first().click()
    await dialog.locator('input[name="capacity"]').fill('1')
    const [created] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/api/v1/events'),
      dialog.getByRole('button', { name: '确定' }).click(),
    ])
    assert.equal(created.status(), 201, await created.text())
    const event = await created.json()
    assert.equal(event.venue_name, venueName)
    assert.equal(event.address, '鼓楼区五一北路 1 号')
    await expectText(page, '活动详情')
    await expectText(page, eventTitle)

    await page.getByRole('button', { name: '发布' }).click()
    const [published] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith(`/api/v1/events/${event.id}/transitions`)),
      page.locator('.el-message-box').getByRole('button', { name: '确定' }).click(),
    ])
    assert.equal(published.status(), 200)

    // One seat: the second worker joins the waiting list.
    await api.expect(201, 'POST', `/api/v1/events/${event.id}/signups`, { worker_id: workers[0] })
    const full = await api.request('POST', `/api/v1/events/${event.id}/signups`, { worker_id: workers[1] })
    assert.equal(full.status, 409)
    assert.equal(full.body.error.details[0].field, 'capacity')
    const waiting = await api.expect(201, 'POST', `/api/v1/events/${event.id}/signups`, { worker_id: workers[1], waitlist: true })
    assert.equal(waiting.position, 1)
    await page.reload()
    await expectText(page, '张*')
    await expectText(page, '候补 #1')
    await expectText(page, '王**')

    await page.getByRole('tab', { name: '签到名单' }).click()
    await page.getByRole('button', { name: '登记签到' }).click()
    const record = page.locator('.el-dialog').filter({ hasText: '已报名未签到' })
    await record.getByText('张*', { exact: true }).click()
    const [checked] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith(`/api/v1/events/${event.id}/checkins`) && r.request().method() === 'POST'),
      record.getByRole('button', { name: '签到', exact: true }).click(),
    ])
    assert.equal(checked.status(), 200)
    assert.equal((await checked.json()).checked_in, 1)
    await expectText(page, '签到成功')
    await record.getByRole('button', { name: '取消' }).click()
    await expectText(page, '工作人员登记')
    await page.screenshot({ path: path.join(buildDir, 'e2e-events-detail.png'), fullPage: true })

    const screen = await app.context.newPage()
    await screen.goto(`${app.baseUrl}/events/${event.id}/screen`)
    await screen.getByTestId('checkin-qr').locator('svg').waitFor()
    const code = (await screen.getByTestId('checkin-code').innerText()).trim()
    assert.match(code, /^\d{6}$/)
    await expectText(screen, eventTitle)
    await screen.screenshot({ path: path.join(buildDir, 'e2e-events-screen.png') })
    // The screen's code is the event's current one: the API takes it from the first worker, who
    // the officer checked in already (409, not 422 for a wrong code).
    const worker = await ApiClient.login(app.baseUrl, `worker${suffix}`, workerPassword)
    const again = await worker.request('POST', `/api/v1/events/${event.id}/checkins`, { code })
    assert.equal(again.status, 409, JSON.stringify(again.body))
    const mine = await worker.expect(200, 'GET', '/api/v1/me/events')
    assert.equal(mine.items[0].signup_status, 'confirmed')
    assert.deepEqual(app.pageProblems, [])
  })
})
