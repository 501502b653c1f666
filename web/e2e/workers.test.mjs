// An officer keeps the worker roster on 职工名册 (issue #11): registers a worker through the dialog
// (a wrong ID check digit shows "身份证号码校验位不正确" under 身份证号 and nothing is written; the
// corrected one saves and the list shows the phone and ID number masked only), imports a small
// CSV with Chinese headers (a row repeating a registered phone is refused as "第3行 手机号：…",
// the corrected file imports), exports the filtered roster as 职工名册_YYYYMMDD.csv and .xlsx (the
// Chinese headers, phones and ID numbers masked, never in clear), finds a worker by its exact phone,
// and deletes one (PIPL) after confirming. Screenshot: ../build/e2e-workers.png.
import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { adminPassword, ApiClient, buildDir, startApp, submitLogin } from './support.mjs'

let app
let api
let csvPath

/** The popper items of the open dropdown or cascader (poppers live under body). */
const visible = (page, selector) => page.locator(selector).filter({ visible: true })

/** The error text under the form item labelled `label` of `scope`. */
const fieldError = (scope, label) =>
  scope.locator('.el-form-item').filter({ has: scope.page().getByText(label, { exact: true }) }).locator('.el-form-item__error')

/** Today in Asia/Shanghai as YYYYMMDD, as the server dates its file names. */
const today = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10).replaceAll('-', '')

/** Clicks 导出 → `item` and resolves with the download and the export's response. */
async function exportAs(page, item) {
  await page.locator('.toolbar').getByRole('button', { name: '导出' }).click()
  return Promise.all([
    page.waitForEvent('download'),
    page.waitForResponse((r) => new URL(r.url()).pathname === '/api/v1/workers/export'),
    page.locator('.el-dropdown-menu__item').filter({ visible: true }).getByText(item, { exact: true }).click(),
  ])
}

const listed = (page) =>
  page.waitForResponse((r) => new URL(r.url()).pathname === '/api/v1/workers' && r.request().method() === 'GET')

describe('worker roster', { timeout: 70_000 }, () => {
  before(async () => {
    app = await startApp()
    api = await ApiClient.login(app.baseUrl, 'admin', adminPassword)
    csvPath = path.join(app.tmpDir, 'roster.csv')
  }, { timeout: 20_000 })

  after(() => app?.stop(), { timeout: 10_000 })

  test('a worker is registered; a wrong ID check digit shows under its field', async () => {
    const { page, baseUrl } = app
    await page.goto(`${baseUrl}/login`)
    assert.equal((await submitLogin(page, 'admin', adminPassword)).status(), 200)
    await page.waitForURL(`${baseUrl}/`)
    await Promise.all([listed(page), page.goto(`${baseUrl}/workers`)])

    await page.getByRole('button', { name: '登记职工' }).click()
    const dialog = page.getByRole('dialog', { name: '登记职工' })
    await dialog.waitFor()
    await dialog.getByLabel('姓名').fill('王小明')
    await dialog.getByLabel('手机号').fill('13912345678')
    await dialog.getByLabel('身份证号').fill('110105194912310021')
    await dialog.getByLabel('工作单位').fill('东城区环卫服务中心')
    await dialog.locator('.el-cascader').click()
    await visible(page, '.el-cascader-node').filter({ hasText: '全国' }).click()
    await visible(page, '.el-cascader-node').filter({ hasText: '北京市' }).locator('.el-radio').click()
    await dialog.locator('.el-dialog__header').click()
    await dialog.locator('[data-test=groups]').click()
    await visible(page, '.el-select-dropdown__item').filter({ hasText: '环卫职工' }).click()
    await dialog.locator('.el-dialog__header').click()

    const [refused] = await Promise.all([
      page.waitForResponse((r) => new URL(r.url()).pathname === '/api/v1/workers' && r.request().method() === 'POST'),
      dialog.getByRole('button', { name: '确定' }).click(),
    ])
    assert.equal(refused.status(), 422)
    await fieldError(dialog, '身份证号').getByText('身份证号码校验位不正确').waitFor()
    assert.equal((await api.expect(200, 'GET', '/api/v1/workers')).total, 0)

    await dialog.getByLabel('身份证号').fill('11010519491231002X')
    await fieldError(dialog, '身份证号').waitFor({ state: 'detached' }) // typing clears the server's message
    const [created] = await Promise.all([
      page.waitForResponse((r) => new URL(r.url()).pathname === '/api/v1/workers' && r.request().method() === 'POST'),
      dialog.getByRole('button', { name: '确定' }).click(),
    ])
    assert.equal(created.status(), 201, await created.text())
    assert.equal(JSON.parse(created.request().postData()).id_number, '11010519491231002X')
    await dialog.waitFor({ state: 'hidden' })
    const row = page.locator('.el-table__row').filter({ hasText: '王小明' })
    await row.getByText('139****5678').waitFor()
    await row.getByText('1101**********002X').waitFor()
    assert.ok(!(await page.content()).includes('13912345678'), 'the clear phone is on the page')
  })

  test('a roster with Chinese headers imports all or nothing', async () => {
    const { page } = app
    const header = '姓名,手机号,身份证号,工作单位,所在地区,职工群体'
    await writeFile(csvPath, `${header}\r\n李四,13912345670,,东城区环卫所,北京市东城区,农民工、劳模工匠\r\n赵六,13912345678,,,110101,\r\n`, 'utf8')
    await page.getByRole('button', { name: '导入名册' }).click()
    const dialog = page.getByRole('dialog', { name: '导入职工名册' })
    await dialog.waitFor()
    await dialog.locator('input[type=file]').setInputFiles(csvPath)
    await dialog.getByText('roster.csv').last().waitFor()
    const importing = () =>
      page.waitForResponse((r) => new URL(r.url()).pathname === '/api/v1/workers/import' && r.request().method() === 'POST')
    const [refused] = await Promise.all([importing(), dialog.getByRole('button', { name: '开始导入' }).click()])
    assert.equal(refused.status(), 422)
    const line = dialog.locator('.import-errors li').first()
    await line.waitFor()
    assert.match(await line.innerText(), /^第3行 手机号：该手机号已登记为职工/)
    assert.equal((await api.expect(200, 'GET', '/api/v1/workers')).total, 1)

    await writeFile(csvPath, `${header}\r\n李四,13912345670,,东城区环卫所,北京市东城区,农民工、劳模工匠\r\n赵六,13912345671,,,110101,\r\n`, 'utf8')
    await dialog.locator('input[type=file]').setInputFiles(csvPath)
    await dialog.locator('.import-errors').waitFor({ state: 'detached' })
    const [imported] = await Promise.all([importing(), dialog.getByRole('button', { name: '开始导入' }).click()])
    assert.equal(imported.status(), 200, await imported.text())
    assert.deepEqual(await imported.json(), { imported: 2 })
    await page.locator('.el-message').getByText('成功导入 2 名职工').waitFor()
    await dialog.waitFor({ state: 'hidden' })
    await page.locator('.el-table__row').filter({ hasText: '李四' }).getByText('农民工、劳模工匠').waitFor() // in code order
    await page.screenshot({ path: path.join(buildDir, 'e2e-workers.png') })
  })

  test('the filtered roster exports masked under its Chinese name', async () => {
    const { page } = app
    await page.locator('.listing-filters input[name=q]').fill('王')
    const [found] = await Promise.all([listed(page), page.getByRole('button', { name: '搜索' }).click()])
    assert.equal((await found.json()).total, 1)
    const [download, exported] = await exportAs(page, '导出 CSV')
    assert.equal(exported.status(), 200)
    const params = new URL(exported.url()).searchParams
    assert.equal(params.get('format'), 'csv')
    assert.equal(params.get('q'), '王')
    assert.equal(download.suggestedFilename(), `职工名册_${today()}.csv`)
    const text = await readFile(await download.path(), 'utf8')
    assert.ok(text.startsWith('\uFEFF姓名,手机号,身份证号,工作单位,所在地区,职工群体,登记单位,账号已激活'), text.slice(0, 120))
    assert.match(text, /王小明,139\*\*\*\*5678,1101\*\*\*\*\*\*\*\*\*\*002X,东城区环卫服务中心,北京市/)
    assert.ok(!text.includes('李四'), 'the filter applies')
    assert.ok(!text.includes('13912345678') && !text.includes('11010519491231002X'), 'a clear number is in the export')

    const [sheet, xlsx] = await exportAs(page, '导出 Excel')
    assert.equal(xlsx.status(), 200)
    assert.equal(sheet.suggestedFilename(), `职工名册_${today()}.xlsx`)
    assert.equal((await readFile(await sheet.path())).subarray(0, 2).toString(), 'PK')

    await page.locator('.listing-filters input[name=q]').fill('')
    await Promise.all([listed(page), page.getByRole('button', { name: '搜索' }).click()])
  })

  test('a worker is found by its exact phone and deleted after confirming', async () => {
    const { page } = app
    await page.locator('.listing-filters input[name=phone]').fill('139 1234 5670')
    const [found] = await Promise.all([listed(page), page.getByRole('button', { name: '搜索' }).click()])
    assert.equal((await found.json()).total, 1)
    const row = page.locator('.el-table__row').filter({ hasText: '李四' })
    await row.waitFor()
    assert.equal(await page.locator('.el-table__row').count(), 1)

    await row.getByRole('button', { name: '删除' }).click()
    const box = page.locator('.el-message-box')
    await box.getByText('个人信息保护法', { exact: false }).waitFor()
    const [deleted] = await Promise.all([
      page.waitForResponse((r) => new URL(r.url()).pathname.startsWith('/api/v1/workers/') && r.request().method() === 'DELETE'),
      box.getByRole('button', { name: '确定' }).click(),
    ])
    assert.equal(deleted.status(), 200)
    await page.locator('.el-message').getByText('已删除职工个人信息').waitFor()
    await page.locator('.el-table__row').filter({ hasText: '李四' }).waitFor({ state: 'detached' })
    const all = await api.expect(200, 'GET', '/api/v1/workers')
    assert.equal(all.total, 2)
    assert.ok(all.items.every((w) => w.name !== '李四'))
  })
})
