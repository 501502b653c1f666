// Admin imports organisations on 组织名录 from a CSV file: a file with a bad USCC is refused as a
// whole (the error table names row 4, field uscc; nothing is written; the error report downloads),
// the corrected file imports both rows, and 导出 CSV downloads the list.
// Screenshots: ../build/e2e-orgs-import-errors.png, ../build/e2e-orgs-import.png.
import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { adminPassword, ApiClient, buildDir, startApp, submitLogin, timeout } from './support.mjs'

const suffix = Date.now() % 100000
const authorityName = `西安市民政局${suffix}`
const header = 'name,uscc,org_type,region_code,registration_unit_id,legal_rep,phone,founded_on,business_scope,service_categories,labour_field,status'

let app
let api
let authorityId
let csvPath

function row(name, uscc) {
  return [name, uscc, 'social_service', '610000', authorityId, '王伟', '13912345678', '2015-06-01', '职工服务', 'skills', 'true', 'registered'].join(',')
}

async function writeCsv(rows) {
  await writeFile(csvPath, [header, ...rows].join('\r\n') + '\r\n', 'utf8')
}

const importsWith = (page) =>
  page.waitForResponse((r) => new URL(r.url()).pathname === '/api/v1/orgs/import' && r.request().method() === 'POST')

describe('organisation import and export', { timeout: 55_000 }, () => {
  before(async () => {
    app = await startApp()
    api = await ApiClient.login(app.baseUrl, 'admin', adminPassword)
    const authority = await api.expect(201, 'POST', '/api/v1/units', {
      name: authorityName,
      kind: 'civil_affairs',
      region_code: '610000',
      parent_id: api.session.user.unit_id,
    })
    authorityId = authority.id
    csvPath = path.join(app.tmpDir, 'orgs-import.csv')
  }, { timeout: 20_000 })

  after(() => app?.stop(), { timeout: 10_000 })

  test('a file with one bad row writes nothing and lists the error', async () => {
    const { page, baseUrl } = app
    await writeCsv([row('导入测试中心甲', '52610100MJ0000001W'), row('导入测试中心乙', '52610100MJ00000020'), row('导入测试中心丙', '52610100MJ0000001X')])
    await page.goto(`${baseUrl}/login`)
    assert.equal((await submitLogin(page, 'admin', adminPassword)).status(), 200)
    await page.waitForURL(`${baseUrl}/`)
    await Promise.all([
      page.waitForResponse((r) => new URL(r.url()).pathname === '/api/v1/orgs' && r.request().method() === 'GET'),
      page.goto(`${baseUrl}/orgs`),
    ])

    await page.locator('.toolbar').getByRole('button', { name: '导入' }).click()
    const dialog = page.getByRole('dialog', { name: '导入社会组织' })
    await dialog.waitFor()
    await dialog.getByText('全部校验通过才会写入', { exact: false }).waitFor()
    const [template] = await Promise.all([
      page.waitForEvent('download', { timeout }),
      dialog.getByRole('button', { name: '下载模板' }).click(),
    ])
    assert.equal(template.suggestedFilename(), 'orgs-template.xlsx')
    assert.equal((await readFile(await template.path())).subarray(0, 2).toString('latin1'), 'PK')
    await dialog.locator('input[type=file]').setInputFiles(csvPath)
    await dialog.getByText('orgs-import.csv').waitFor()
    const [refused] = await Promise.all([importsWith(page), dialog.getByRole('button', { name: '开始导入' }).click()])
    assert.equal(refused.status(), 422)
    const body = await refused.json()
    assert.equal(body.error.code, 'validation_failed')
    assert.deepEqual(body.error.details.map((d) => [d.row, d.field]), [[4, 'uscc']])
    assert.equal(new URL(refused.url()).searchParams.get('update_existing'), null)

    const errorRow = dialog.locator('.import-errors .el-table__row')
    await errorRow.first().waitFor()
    assert.equal(await errorRow.count(), 1)
    const cells = await errorRow.first().locator('td').allInnerTexts()
    assert.deepEqual(cells.slice(0, 2).map((c) => c.trim()), ['4', 'uscc'])
    await dialog.getByText('共 1 处错误', { exact: false }).waitFor()
    await page.waitForTimeout(400) // the file list's enter transition
    await page.screenshot({ path: path.join(buildDir, 'e2e-orgs-import-errors.png') })

    const [report] = await Promise.all([
      page.waitForEvent('download', { timeout }),
      dialog.getByRole('button', { name: '下载错误报告' }).click(),
    ])
    assert.equal(report.suggestedFilename(), 'import-errors.xlsx')
    const xlsx = await readFile(await report.path())
    assert.equal(xlsx.subarray(0, 2).toString('latin1'), 'PK')

    // Nothing was written.
    assert.equal((await api.expect(200, 'GET', `/api/v1/orgs?q=${encodeURIComponent('导入测试')}`)).total, 0)
    assert.equal(await page.locator('.el-table__row').filter({ hasText: '导入测试' }).count(), 0)
  })

  test('the corrected file imports both rows', async () => {
    const { page } = app
    const dialog = page.getByRole('dialog', { name: '导入社会组织' })
    await writeCsv([row('导入测试中心甲', '52610100MJ0000001W'), row('导入测试中心乙', '52610100MJ00000020')])
    await dialog.locator('input[type=file]').setInputFiles(csvPath)
    await dialog.locator('.import-errors').waitFor({ state: 'detached' })
    const [listed, [imported]] = await Promise.all([
      page.waitForResponse((r) => new URL(r.url()).pathname === '/api/v1/orgs' && r.request().method() === 'GET'),
      Promise.all([importsWith(page), dialog.getByRole('button', { name: '开始导入' }).click()]),
    ])
    assert.equal(imported.status(), 200, await imported.text())
    assert.deepEqual(await imported.json(), { imported: 2, updated: 0 })
    assert.equal(listed.status(), 200)
    await page.locator('.el-message').getByText('成功导入 2 条，更新 0 条').waitFor()
    await dialog.waitFor({ state: 'hidden' })
    await page.locator('.el-table__row').filter({ hasText: '导入测试中心甲' }).waitFor()
    await page.locator('.el-table__row').filter({ hasText: '导入测试中心乙' }).waitFor()
    await page.screenshot({ path: path.join(buildDir, 'e2e-orgs-import.png'), fullPage: true })
  })

  test('导出 CSV downloads the filtered list', async () => {
    const { page } = app
    await page.getByPlaceholder('按名称关键字搜索').fill('导入测试')
    await page.getByRole('button', { name: '搜索' }).click()
    await page.locator('.toolbar').getByRole('button', { name: '导出' }).click()
    const [download, exported] = await Promise.all([
      page.waitForEvent('download', { timeout }),
      page.waitForResponse((r) => new URL(r.url()).pathname === '/api/v1/orgs/export'),
      page.locator('.el-dropdown-menu__item').filter({ visible: true }).getByText('导出 CSV', { exact: true }).click(),
    ])
    const params = new URL(exported.url()).searchParams
    assert.equal(params.get('format'), 'csv')
    assert.equal(params.get('q'), '导入测试')
    assert.equal(download.suggestedFilename(), 'orgs.csv')
    const text = await readFile(await download.path(), 'utf8')
    assert.match(text, /导入测试中心甲/)
    assert.match(text, /导入测试中心乙/)
  })

  test('no CSP violations or page errors', () => {
    assert.deepEqual(app.pageProblems, [])
  })
})
