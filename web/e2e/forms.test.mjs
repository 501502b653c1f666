// Forms, pickers and phone pages (issue #8): a server field error shows under its field in
// Chinese and scrolled into view, a duplicate USCC names its holder there, the user dialog picks
// an organisation and a worker by typing, and at 375 px the admin dialogs and every public page
// fit the width; the public finds an organisation by part of its name; the audit detail names
// units and regions.
// Screenshots: ../build/e2e-forms-*.png.
import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import path from 'node:path'
import { adminPassword, ApiClient, buildDir, startApp, submitLogin, timeout } from './support.mjs'

const suffix = Date.now() % 100000
const authorityName = `西安市民政局${suffix}`
const holderName = `雁塔区职工服务协会${suffix}`
const holderUscc = '52610100MJ0000001W'
// 52610100MJ0000001W with a wrong check character.
const wrongUscc = '52610100MJ0000001X'

let app
let api
let authorityId
let holderId

/** The popper items of the open dropdown or cascader (poppers live under body). */
const visible = (page, selector) => page.locator(selector).filter({ visible: true })
const cjk = /[\u4e00-\u9fff]/

/** How far the page is wider than the viewport (0 when it fits). */
const overflow = (page) =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)

/** The error text under the form item labelled `label` of `scope`. */
const fieldError = (scope, label) =>
  scope.locator('.el-form-item').filter({ has: scope.page().getByText(label, { exact: true }) }).locator('.el-form-item__error')

async function openCreateOrg(page) {
  await page.goto(`${app.baseUrl}/orgs`)
  await page.getByRole('button', { name: '新增' }).first().click()
  const dialog = page.getByRole('dialog', { name: '新增社会组织' })
  await dialog.waitFor()
  return dialog
}

/** Fills every field of the create dialog except the USCC. */
async function fillOrg(page, dialog, name) {
  await dialog.getByLabel('组织名称').fill(name)
  await dialog.locator('.el-cascader').click()
  await visible(page, '.el-cascader-node').filter({ hasText: '全国' }).click()
  await visible(page, '.el-cascader-node').filter({ hasText: '陕西省' }).locator('.el-radio').click()
  await dialog.locator('.el-dialog__header').click()
  await dialog.getByLabel('登记管理机关').click()
  await dialog.getByLabel('登记管理机关').fill('民政局')
  await visible(page, '.el-select-dropdown__item').filter({ hasText: authorityName }).click()
  await dialog.getByLabel('法定代表人').fill('王小明')
  await dialog.getByLabel('联系电话').fill('13912345678')
  await dialog.getByLabel('成立日期').fill('2020-01-02')
  await dialog.getByLabel('成立日期').press('Enter')
  await dialog.getByLabel('业务范围').fill('职工技能培训')
  await dialog.getByText('劳动竞赛和技能提升类', { exact: true }).click()
}

async function submitOrg(page, dialog) {
  const [answer] = await Promise.all([
    page.waitForResponse((r) => new URL(r.url()).pathname === '/api/v1/orgs' && r.request().method() === 'POST'),
    dialog.getByRole('button', { name: '确定' }).click(),
  ])
  return answer
}

describe('forms, pickers and phone pages', { timeout: 120_000 }, () => {
  before(async () => {
    app = await startApp()
    api = await ApiClient.login(app.baseUrl, 'admin', adminPassword)
    const root = api.session.user.unit_id
    authorityId = (
      await api.expect(201, 'POST', '/api/v1/units', { name: authorityName, kind: 'civil_affairs', region_code: '610000', parent_id: root })
    ).id
    holderId = (
      await api.expect(201, 'POST', '/api/v1/orgs', {
        name: holderName,
        uscc: holderUscc,
        org_type: 'social_service',
        region_code: '610000',
        registration_unit_id: authorityId,
        legal_rep: '李华',
        phone: '13800001111',
        founded_on: '2019-03-04',
        business_scope: '职工服务',
        service_categories: ['skills'],
        labour_field: true,
      })
    ).id
    const { page, baseUrl } = app
    await page.goto(`${baseUrl}/login`)
    assert.equal((await submitLogin(page, 'admin', adminPassword)).status(), 200)
    await page.waitForURL(`${baseUrl}/`)
  }, { timeout: 30_000 })

  after(() => app?.stop(), { timeout: 10_000 })

  test('a wrong check character shows under the USCC field, in Chinese', async () => {
    const { page } = app
    const dialog = await openCreateOrg(page)
    await fillOrg(page, dialog, `曲江职工之家${suffix}`)
    await dialog.getByLabel('统一社会信用代码').fill(wrongUscc)
    const answer = await submitOrg(page, dialog)
    assert.equal(answer.status(), 422)
    assert.equal(answer.request().headers()['accept-language'], 'zh-CN')
    const detail = (await answer.json()).error.details.find((d) => d.field === 'uscc')
    assert.ok(detail, 'the server names the uscc field')
    const error = fieldError(dialog, '统一社会信用代码')
    await error.waitFor({ timeout })
    const text = await error.innerText()
    assert.equal(text, detail.message)
    assert.match(text, cjk, `not Chinese: ${text}`)
    // The field, not an alert at the top, carries it; and it is scrolled into view.
    assert.equal(await dialog.locator('.ly-form-alert').count(), 0)
    assert.ok(await error.isVisible())
    await page.screenshot({ path: path.join(buildDir, 'e2e-forms-field-error.png') })
    await dialog.getByRole('button', { name: '取消' }).click()
    await dialog.waitFor({ state: 'hidden' })
  })

  test("a duplicate USCC names the holder under the field", async () => {
    const { page } = app
    const dialog = await openCreateOrg(page)
    await fillOrg(page, dialog, `曲江职工之家${suffix}`)
    await dialog.getByLabel('统一社会信用代码').fill(holderUscc)
    const answer = await submitOrg(page, dialog)
    assert.equal(answer.status(), 409)
    const error = fieldError(dialog, '统一社会信用代码')
    await error.waitFor({ timeout })
    assert.match(await error.innerText(), new RegExp(holderName))
    await dialog.getByRole('button', { name: '取消' }).click()
    await dialog.waitFor({ state: 'hidden' })
  })

  test('the user dialog picks an organisation by typing its name', async () => {
    const { page, baseUrl } = app
    await page.goto(`${baseUrl}/system/users`)
    await page.getByRole('button', { name: '新增' }).first().click()
    const dialog = page.getByRole('dialog', { name: '新增用户' })
    await dialog.waitFor()
    await dialog.getByLabel('用户名').fill(`yt.member${suffix}`)
    await dialog.getByLabel('初始密码').fill('Member-Passw0rd-1')
    await dialog.getByLabel('姓名').fill('赵敏')
    await dialog.getByLabel('所属单位').click()
    await dialog.getByLabel('所属单位').fill('民政局')
    await visible(page, '.el-select-dropdown__item').filter({ hasText: authorityName }).click()
    await dialog.locator('.el-form-item').filter({ has: page.getByText('角色', { exact: true }) }).locator('.el-select__wrapper').click()
    await visible(page, '.el-select-dropdown__item').filter({ hasText: '社会组织用户' }).click()
    await dialog.locator('.el-dialog__header').click()
    const [searched] = await Promise.all([
      page.waitForResponse((r) => new URL(r.url()).pathname === '/api/v1/orgs' && new URL(r.url()).searchParams.get('q') === '雁塔区'),
      (async () => {
        await dialog.getByLabel('所属社会组织').click()
        await dialog.getByLabel('所属社会组织').fill('雁塔区')
      })(),
    ])
    assert.equal(searched.status(), 200)
    await visible(page, '.el-select-dropdown__item').filter({ hasText: holderName }).click()
    const [created] = await Promise.all([
      page.waitForResponse((r) => new URL(r.url()).pathname === '/api/v1/users' && r.request().method() === 'POST'),
      dialog.getByRole('button', { name: '确定' }).click(),
    ])
    const body = await created.json()
    assert.equal(created.status(), 201, JSON.stringify(body))
    assert.equal(body.org_id, holderId)
    await dialog.waitFor({ state: 'hidden' })
  })

  test('the audit detail shows unit ids and region codes by name, one request for the names', async () => {
    const { page, baseUrl } = app
    const names = []
    page.on('request', (r) => {
      if (new URL(r.url()).pathname === '/api/v1/units/names') names.push(r.url())
    })
    await page.goto(`${baseUrl}/system/audit`)
    const row = page
      .locator('.el-table__row')
      .filter({ has: page.getByRole('cell', { name: '社会组织', exact: true }) })
      .first()
    await row.waitFor()
    await row.locator('.el-table__expand-icon').click()
    const detail = page.locator('.audit-detail').filter({ hasText: holderName })
    await detail.getByText(`登记管理机关：${authorityName}`).waitFor({ timeout })
    await detail.getByText('所在区域：陕西省').waitFor({ timeout })
    assert.equal(names.length, 1, names.join(' '))
  })

  test('at 375 px the admin dialogs are full width and nothing overflows', async () => {
    const { page, baseUrl } = app
    await page.setViewportSize({ width: 375, height: 812 })
    for (const [url, button, title] of [
      ['/orgs', '新增', '新增社会组织'],
      ['/system/users', '新增', '新增用户'],
      ['/system/units', '新增', '新增单位'],
    ]) {
      await page.goto(`${baseUrl}${url}`)
      await page.locator('.el-table').first().waitFor()
      assert.ok((await overflow(page)) <= 0, `${url} overflows by ${await overflow(page)} px`)
      await page.getByRole('button', { name: button }).first().click()
      const dialog = page.getByRole('dialog', { name: title })
      await dialog.waitFor()
      await page.waitForTimeout(400) // the opening transition
      const box = await dialog.boundingBox()
      assert.ok(box && box.x >= 0 && Math.round(box.width) === 375, `${title}: ${JSON.stringify(box)}`)
      // One column: each label sits above its control.
      const item = dialog.locator('.el-form-item').first()
      const label = await item.locator('.el-form-item__label').boundingBox()
      const content = await item.locator('.el-form-item__content').boundingBox()
      assert.ok(label && content && content.y >= label.y + label.height - 1, `${title}: label beside its control`)
      assert.ok((await overflow(page)) <= 0, `${title} overflows by ${await overflow(page)} px`)
      if (url === '/orgs') await page.screenshot({ path: path.join(buildDir, 'e2e-forms-dialog-375.png') })
      await dialog.getByRole('button', { name: '取消' }).click()
      await dialog.waitFor({ state: 'hidden' })
    }
  })

  test('at 375 px the public finds an organisation by name, and every public page fits', async () => {
    const { page, context, baseUrl } = app
    await context.clearCookies()
    await page.goto(`${baseUrl}/login`)
    await page.getByRole('button', { name: '登录' }).waitFor()
    assert.ok((await overflow(page)) <= 0, `login overflows by ${await overflow(page)} px`)
    await page.getByRole('link', { name: '信息公开查询' }).click()
    await page.waitForURL(`${baseUrl}/public/orgs`)
    assert.ok((await overflow(page)) <= 0, `public lookup overflows by ${await overflow(page)} px`)

    await page.getByPlaceholder('社会组织名称或统一社会信用代码').fill('职工服务')
    const [searched] = await Promise.all([
      page.waitForResponse((r) => new URL(r.url()).pathname === '/api/public/orgs'),
      page.getByRole('button', { name: '查询' }).click(),
    ])
    assert.equal(searched.status(), 200)
    const result = page.locator('[data-test="public-result"]').filter({ hasText: holderName })
    await result.waitFor()
    assert.equal(new URL(page.url()).searchParams.get('q'), '职工服务')
    assert.ok((await overflow(page)) <= 0, `results overflow by ${await overflow(page)} px`)
    await page.screenshot({ path: path.join(buildDir, 'e2e-forms-public-results-375.png'), fullPage: true })

    await result.click()
    const card = page.locator('.disclosure')
    await card.getByText(holderName).waitFor()
    await card.locator('.phone').getByText('138****1111', { exact: true }).waitFor()
    assert.ok((await overflow(page)) <= 0, `disclosure overflows by ${await overflow(page)} px`)
    // Every label on one line: its text makes one line box (the cell itself may be as tall as
    // a value that wraps beside it).
    const lines = await card.locator('.el-descriptions__label').evaluateAll((cells) =>
      cells.map((cell) => {
        const range = document.createRange()
        range.selectNodeContents(cell)
        return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size
      }),
    )
    assert.ok(lines.length > 0 && lines.every((n) => n === 1), `label lines: ${lines}`)
    await page.screenshot({ path: path.join(buildDir, 'e2e-forms-disclosure-375.png'), fullPage: true })

    await page.getByRole('button', { name: '返回查询结果' }).click()
    await result.waitFor()

    await page.goto(`${baseUrl}/public/orgs?uscc=${holderUscc}`)
    await card.getByText(holderName).waitFor()
    await page.goto(`${baseUrl}/no/such/page`)
    await page.waitForTimeout(300)
    assert.ok((await overflow(page)) <= 0, `404 overflows by ${await overflow(page)} px`)
  })

  test('no CSP violations or page errors', () => {
    assert.deepEqual(app.pageProblems, [])
  })
})
