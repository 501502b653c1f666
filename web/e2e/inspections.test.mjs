// Double-random inspections (双随机抽查, issue #12): a civil-affairs officer creates a plan in the
// dialog (with 民发〔2017〕45号's sampling hint), sees its commitment and draws it once; the drawn
// inspector finds it on the workbench card 待检查 and records the result on 我的检查任务; the
// officer publishes; logged out, on a phone, the index of draws leads to the public page, which shows the seed (whose SHA-256 is the
// commitment), the selection, the result, the verify-it-yourself steps, and downloads the JSON
// exactly as served. Screenshots: ../build/e2e-inspection-plan.png, e2e-inspection-public.png.
import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { createHash } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { adminPassword, ApiClient, buildDir, startApp, submitLogin } from './support.mjs'

const suffix = Date.now() % 100000
const unitName = `内蒙古自治区民政厅${suffix}`
const password = 'Inspect-E2e-Passw0rd'
const planName = `2024年度社会组织双随机抽查${suffix}`
const usccs = ['52150000MJ0000001', '52150000MJ0000002', '52150000MJ0000003']

let app
let api
let unitId
let planId
const inspectors = new Map() // user id → username

const visible = (page, selector) => page.locator(selector).filter({ visible: true })

/** The GB 32100 check character of a 17-character code. */
function uscc(first17) {
  const alphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY'
  const weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
  const sum = [...first17].reduce((s, c, i) => s + alphabet.indexOf(c) * weights[i], 0)
  return first17 + alphabet[(31 - (sum % 31)) % 31]
}

async function loginAs(username) {
  const { page, context, baseUrl } = app
  await context.clearCookies()
  await page.goto(`${baseUrl}/login`)
  assert.equal((await submitLogin(page, username, password)).status(), 200)
  await page.waitForURL(`${baseUrl}/`)
}

async function user(username, role, name) {
  const made = await api.expect(201, 'POST', '/api/v1/users', { username, password, display_name: name, unit_id: unitId, roles: [role] })
  return made.id
}

describe('double-random inspections', { timeout: 90_000 }, () => {
  before(async () => {
    app = await startApp()
    api = await ApiClient.login(app.baseUrl, 'admin', adminPassword)
    const root = api.session.user.unit_id
    unitId = (await api.expect(201, 'POST', '/api/v1/units', { name: unitName, kind: 'civil_affairs', region_code: '150000', parent_id: root })).id
    for (const [i, first17] of usccs.entries()) {
      await api.expect(201, 'POST', '/api/v1/orgs', {
        name: `呼和浩特职工服务中心${suffix}-${i}`,
        uscc: uscc(first17),
        org_type: 'social_service',
        region_code: '150000',
        registration_unit_id: unitId,
        legal_rep: '巴特尔',
        phone: '13912345678',
        founded_on: '2016-04-01',
        business_scope: '职工服务',
        service_categories: ['skills'],
        labour_field: true,
      })
    }
    await user('insp.officer', 'civil_affairs_officer', '张民政')
    for (const name of ['insp.one', 'insp.two']) inspectors.set(await user(name, 'inspector', name === 'insp.one' ? '其其格' : '乌云'), name)
  }, { timeout: 30_000 })

  after(() => app?.stop(), { timeout: 10_000 })

  test('the officer creates a plan with the sampling hint and draws it once', async () => {
    const { page, baseUrl } = app
    await loginAs('insp.officer')
    await page.goto(`${baseUrl}/inspections`)
    await page.getByText('暂无抽查计划').waitFor()
    await page.getByRole('button', { name: '新建抽查计划' }).click()
    const dialog = page.getByRole('dialog', { name: '新建抽查计划' })
    await dialog.waitFor()
    await dialog.getByLabel('计划名称').fill(planName)
    await dialog.getByLabel('检查人员所在单位').click()
    await dialog.getByLabel('检查人员所在单位').fill('民政厅')
    await visible(page, '.el-select-dropdown__item').filter({ hasText: unitName }).click()
    const hint = dialog.locator('[data-test="sampling-hint"]')
    await hint.getByText('省级抽查比例为 5%', { exact: false }).waitFor()
    await hint.getByText('检查人员 2 名', { exact: false }).waitFor()
    await dialog.getByRole('button', { name: /建议抽查数量 1/ }).click()
    await dialog.getByLabel('每组检查人员').fill('1')
    // A conflict of this plan: the inspector found by name, the organisation by its USCC.
    await dialog.getByRole('button', { name: '添加回避' }).click()
    const conflict = dialog.locator('.conflict').first()
    await conflict.locator('.el-select').click()
    await page.keyboard.type('其其格')
    await visible(page, '.el-select-dropdown__item').filter({ hasText: '其其格' }).first().click()
    await conflict.getByPlaceholder('统一社会信用代码').fill(uscc(usccs[0]).toLowerCase())
    const [created] = await Promise.all([
      page.waitForResponse((r) => new URL(r.url()).pathname === '/api/v1/inspections/plans' && r.request().method() === 'POST'),
      dialog.getByRole('button', { name: '确定' }).click(),
    ])
    const plan = await created.json()
    assert.equal(created.status(), 201, JSON.stringify(plan))
    assert.equal(plan.org_pool.length, 3)
    const qiqige = [...inspectors].find(([, name]) => name === 'insp.one')[0]
    assert.deepEqual(plan.conflicts, [{ inspector_id: qiqige, uscc: uscc(usccs[0]) }])
    assert.equal(plan.seed, null)
    planId = plan.id
    await page.waitForURL(`${baseUrl}/inspections/${planId}`)
    await page.locator('[data-test="commitment"]').getByText(plan.seed_commitment).waitFor()
    await page.getByText('抽取前保密').waitFor()

    await page.locator('[data-test="draw"]').click()
    const [drawn] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith(`/api/v1/inspections/plans/${planId}/draw`)),
      page.locator('.el-message-box').getByRole('button', { name: '确定' }).click(),
    ])
    assert.equal(drawn.status(), 200)
    const seed = (await drawn.json()).seed
    assert.equal(createHash('sha256').update(Buffer.from(seed, 'hex')).digest('hex'), plan.seed_commitment)
    await page.locator('[data-test="seed"]').getByText(seed).waitFor()
    await page.locator('.outcomes .el-table__row').first().getByText('待登记').waitFor()
    assert.equal(await page.locator('[data-test="draw"]').count(), 0, 'drawn once')
    await page.screenshot({ path: path.join(buildDir, 'e2e-inspection-plan.png'), fullPage: true })
    const again = await api.request('POST', `/api/v1/inspections/plans/${planId}/draw`, {})
    assert.equal(again.status, 409)
  })

  test('the drawn inspector sees 待检查 and records the result', async () => {
    const { page, baseUrl } = app
    const plan = await api.expect(200, 'GET', `/api/v1/inspections/plans/${planId}`)
    const assigned = inspectors.get(plan.selections[0].inspector_ids[0])
    await loginAs(assigned)
    const card = page.locator('.inspection-card')
    await card.getByText('待检查').waitFor()
    // The figure reads 0 until the card's request answers: wait for it, do not sample it.
    await card.locator('.wb-card-value').getByText('1', { exact: true }).waitFor()
    await card.click()
    await page.waitForURL(/\/inspections\/mine/)
    const row = page.locator('.assignments .el-table__row').filter({ hasText: planName })
    await row.getByRole('button', { name: '登记结果' }).click()
    const dialog = page.getByRole('dialog', { name: '登记检查结果' })
    await dialog.waitFor()
    await dialog.getByText('责令整改', { exact: true }).click()
    await dialog.getByLabel('检查情况').fill('未按章程召开理事会，责令30日内整改')
    const [recorded] = await Promise.all([
      page.waitForResponse((r) => r.url().includes(`/api/v1/inspections/${planId}/results/`)),
      dialog.getByRole('button', { name: '确定' }).click(),
    ])
    assert.equal(recorded.status(), 200, JSON.stringify(await recorded.json()))
    // Opened from the card, the page shows only what is still to inspect: the row leaves it.
    await row.waitFor({ state: 'detached' })
    await page.getByText('只看待检查').click()
    await row.getByText('责令整改').waitFor()
  })

  test('the officer publishes and the public page shows it on a phone, verifiable', async () => {
    const { page, context, baseUrl } = app
    await loginAs('insp.officer')
    await page.goto(`${baseUrl}/inspections/${planId}`)
    await page.locator('[data-test="publish"]').click()
    const [published] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith(`/publish`)),
      page.locator('.el-message-box').getByRole('button', { name: '确定' }).click(),
    ])
    assert.equal(published.status(), 200)

    await context.clearCookies()
    await page.setViewportSize({ width: 390, height: 844 })
    await page.goto(`${baseUrl}/public/inspections`)
    await page.locator('[data-test="draws"]').getByRole('link', { name: planName }).click()
    await page.waitForURL(`${baseUrl}/public/inspections/${planId}`)
    await page.getByRole('heading', { name: planName }).waitFor()
    const answer = await (await fetch(`${baseUrl}/api/public/inspections/${planId}`)).json()
    await page.locator('[data-test="seed"]').getByText(answer.seed).waitFor()
    const selections = page.locator('[data-test="selections"]')
    await selections.getByText(answer.selections[0].uscc, { exact: false }).waitFor()
    await selections.getByText('责令整改').waitFor()
    await page.getByText('自己验证').waitFor()
    await page.getByText(`lianyin verify-draw inspection-${planId}.json`).waitFor()
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
    assert.ok(overflow <= 1, `no sideways scrolling on a phone (${overflow}px)`)
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-test="download"]').click()])
    const saved = JSON.parse(await readFile(await download.path(), 'utf8'))
    assert.deepEqual(saved, answer)
    await page.screenshot({ path: path.join(buildDir, 'e2e-inspection-public.png'), fullPage: true })
  })

  test('no CSP violations or page errors', () => {
    assert.deepEqual(app.pageProblems, [])
  })
})
