// Admin imports organisations on 组织名录 from files the test writes with Chinese headers and
// labels (not the template): a CSV with a bad USCC is refused as a whole (the dialog lists
// "第4行 统一社会信用代码：…"; nothing is written; 导入错误报告_YYYYMMDD.xlsx downloads); a row naming
// a unit two units share is a row error naming both; the corrected CSV and an XLSX import; the
// template downloads as 社会组织导入模板.xlsx and its example row imports; 导出 CSV downloads
// 社会组织名录_YYYYMMDD.csv with Chinese headers.
// Screenshots: ../build/e2e-orgs-import-errors.png, ../build/e2e-orgs-import.png.
import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { crc32 } from 'node:zlib'
import { adminPassword, ApiClient, buildDir, startApp, submitLogin, timeout } from './support.mjs'

const suffix = Date.now() % 100000
const authorityName = `西安市民政局${suffix}`
const sharedName = `民政局${suffix}` // two units of this name, under different parents
const header = ['组织名称', '统一社会信用代码', '组织类型', '所在区域', '登记管理机关', '法定代表人', '联系电话', '成立日期', '业务范围', '服务类别', '是否劳动领域', '登记状态']

let app
let api
let csvPath

function row(name, uscc, unit = authorityName) {
  return [name, uscc, '社会服务机构（民办非企业单位）', '陕西省', unit, '王伟', '13912345678', '2015-06-01', '职工服务', '劳动竞赛和技能提升类；职工健康服务类', '是', '登记']
}

async function writeCsv(rows) {
  await writeFile(csvPath, [header, ...rows].map((cells) => cells.join(',')).join('\r\n') + '\r\n', 'utf8')
}

/** A ZIP of stored (uncompressed) entries: enough for a small XLSX. */
function zip(files) {
  const locals = []
  const centrals = []
  let offset = 0
  for (const [name, text] of Object.entries(files)) {
    const nameBytes = Buffer.from(name, 'utf8')
    const data = Buffer.from(text, 'utf8')
    const crc = crc32(data)
    const local = Buffer.alloc(30)
    local.writeUInt32LE(0x04034b50, 0)
    local.writeUInt16LE(20, 4)
    local.writeUInt16LE(0x0800, 6) // UTF-8 names
    local.writeUInt32LE(crc, 14)
    local.writeUInt32LE(data.length, 18)
    local.writeUInt32LE(data.length, 22)
    local.writeUInt16LE(nameBytes.length, 26)
    const central = Buffer.alloc(46)
    central.writeUInt32LE(0x02014b50, 0)
    central.writeUInt16LE(20, 4)
    central.writeUInt16LE(20, 6)
    central.writeUInt16LE(0x0800, 8)
    central.writeUInt32LE(crc, 16)
    central.writeUInt32LE(data.length, 20)
    central.writeUInt32LE(data.length, 24)
    central.writeUInt16LE(nameBytes.length, 28)
    central.writeUInt32LE(offset, 42)
    locals.push(local, nameBytes, data)
    centrals.push(central, nameBytes)
    offset += local.length + nameBytes.length + data.length
  }
  const directory = Buffer.concat(centrals)
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(Object.keys(files).length, 8)
  end.writeUInt16LE(Object.keys(files).length, 10)
  end.writeUInt32LE(directory.length, 12)
  end.writeUInt32LE(offset, 16)
  return Buffer.concat([...locals, directory, end])
}

/** A one-sheet XLSX of inline strings, as a person's spreadsheet program would save the rows. */
function xlsx(rows) {
  const escape = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;')
  const cells = (cellsOfRow) => cellsOfRow.map((c) => `<c t="inlineStr"><is><t>${escape(c)}</t></is></c>`).join('')
  const sheetRows = rows.map((r, i) => `<row r="${i + 1}">${cells(r)}</row>`).join('')
  const ns = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main'
  const rel = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships'
  return zip({
    '[Content_Types].xml': '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
    '_rels/.rels': `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    'xl/workbook.xml': `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${ns}" xmlns:r="${rel}"><sheets><sheet name="社会组织" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    'xl/_rels/workbook.xml.rels': `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rel}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
    'xl/worksheets/sheet1.xml': `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${ns}"><sheetData>${sheetRows}</sheetData></worksheet>`,
  })
}

/**
 * Holds requests to `pathname` for a second before they go on, as a long import or export would
 * keep the page waiting (the body passes untouched: re-sending it would mangle a binary upload).
 */
async function delayAnswers(page, pathname) {
  await page.route(`**${pathname}*`, async (route) => {
    if (new URL(route.request().url()).pathname === pathname) await new Promise((resolve) => setTimeout(resolve, 1000))
    await route.continue()
  })
}

/** Today in Asia/Shanghai as YYYYMMDD, as the server dates its file names. */
function today() {
  return new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10).replaceAll('-', '')
}

const importsWith = (page) =>
  page.waitForResponse((r) => new URL(r.url()).pathname === '/api/v1/orgs/import' && r.request().method() === 'POST')

async function importFile(page, dialog, file) {
  await dialog.locator('input[type=file]').setInputFiles(file)
  await dialog.getByText(path.basename(file)).last().waitFor() // the replaced file may still be fading out
  const [answer] = await Promise.all([importsWith(page), dialog.getByRole('button', { name: '开始导入' }).click()])
  return answer
}

describe('organisation import and export', { timeout: 70_000 }, () => {
  before(async () => {
    app = await startApp()
    api = await ApiClient.login(app.baseUrl, 'admin', adminPassword)
    const unit = (name, parent) =>
      api.expect(201, 'POST', '/api/v1/units', { name, kind: 'civil_affairs', region_code: '610000', parent_id: parent })
    const authority = await unit(authorityName, api.session.user.unit_id)
    await unit(sharedName, api.session.user.unit_id)
    await unit(sharedName, authority.id)
    csvPath = path.join(app.tmpDir, 'orgs-import.csv')
  }, { timeout: 20_000 })

  after(() => app?.stop(), { timeout: 10_000 })

  test('a file with one bad row writes nothing and lists the error in Chinese', async () => {
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
    const refused = await importFile(page, dialog, csvPath)
    assert.equal(refused.status(), 422)
    const body = await refused.json()
    assert.equal(body.error.code, 'validation_failed')
    assert.deepEqual(body.error.details.map((d) => [d.row, d.field]), [[4, 'uscc']])
    assert.equal(new URL(refused.url()).searchParams.get('update_existing'), null)

    const lines = dialog.locator('.import-errors li')
    await lines.first().waitFor()
    assert.equal(await lines.count(), 1)
    assert.match(await lines.first().innerText(), /^第4行 统一社会信用代码：\S+/)
    await dialog.getByText('共 1 处错误', { exact: false }).waitFor()
    await page.waitForTimeout(400) // the file list's enter transition
    await page.screenshot({ path: path.join(buildDir, 'e2e-orgs-import-errors.png') })

    const [report] = await Promise.all([
      page.waitForEvent('download', { timeout }),
      dialog.getByRole('button', { name: '下载错误报告' }).click(),
    ])
    assert.equal(report.suggestedFilename(), `导入错误报告_${today()}.xlsx`)
    const file = await readFile(await report.path())
    assert.equal(file.subarray(0, 2).toString('latin1'), 'PK')

    // Nothing was written.
    assert.equal((await api.expect(200, 'GET', `/api/v1/orgs?q=${encodeURIComponent('导入测试')}`)).total, 0)
    assert.equal(await page.locator('.el-table__row').filter({ hasText: '导入测试' }).count(), 0)
  })

  test('a unit name two units share is a row error naming both', async () => {
    const { page } = app
    const dialog = page.getByRole('dialog', { name: '导入社会组织' })
    await writeCsv([row('导入测试中心甲', '52610100MJ0000001W', sharedName)])
    const refused = await importFile(page, dialog, csvPath)
    assert.equal(refused.status(), 422)
    const line = dialog.locator('.import-errors li').first()
    await line.getByText('第2行 登记管理机关：', { exact: false }).waitFor()
    const text = await line.innerText()
    assert.ok(text.includes(`${sharedName}（${authorityName}）`), text)
    assert.equal(text.split(`${sharedName}（`).length - 1, 2, text) // both, each by its parent
  })

  test('the corrected CSV imports both rows', async () => {
    const { page } = app
    const dialog = page.getByRole('dialog', { name: '导入社会组织' })
    await writeCsv([row('导入测试中心甲', '52610100MJ0000001W'), row('导入测试中心乙', '52610100MJ00000020', `${sharedName}（${authorityName}）`)])
    await dialog.locator('input[type=file]').setInputFiles(csvPath)
    await dialog.locator('.import-errors').waitFor({ state: 'detached' })
    const [listed, [imported]] = await Promise.all([
      page.waitForResponse((r) => new URL(r.url()).pathname === '/api/v1/orgs' && r.request().method() === 'GET'),
      Promise.all([importsWith(page), dialog.getByRole('button', { name: '开始导入' }).click()]),
    ])
    assert.equal(imported.status(), 200, await imported.text())
    assert.deepEqual(await imported.json(), { imported: 2, updated: 0, unchanged: 0 })
    assert.equal(listed.status(), 200)
    await page.locator('.el-message').getByText('成功导入 2 条，更新 0 条', { exact: false }).waitFor()
    await dialog.waitFor({ state: 'hidden' })
    await page.locator('.el-table__row').filter({ hasText: '导入测试中心甲' }).waitFor()
    await page.locator('.el-table__row').filter({ hasText: '导入测试中心乙' }).waitFor()
    await page.screenshot({ path: path.join(buildDir, 'e2e-orgs-import.png'), fullPage: true })
    const org = (await api.expect(200, 'GET', `/api/v1/orgs?q=${encodeURIComponent('导入测试中心甲')}`)).items[0]
    assert.equal(org.org_type, 'social_service')
    assert.equal(org.region_code, '610000')
    assert.deepEqual(org.service_categories, ['health', 'skills'])
    assert.equal(org.labour_field, true)
  })

  test('an XLSX with Chinese headers imports', async () => {
    const { page } = app
    await page.locator('.toolbar').getByRole('button', { name: '导入' }).click()
    const dialog = page.getByRole('dialog', { name: '导入社会组织' })
    await dialog.waitFor()
    const xlsxPath = path.join(app.tmpDir, 'orgs-import.xlsx')
    await writeFile(xlsxPath, xlsx([header, row('导入测试表格协会', '52610000MJ0000003' + checkCharacter('52610000MJ0000003'))]))
    // A slow server: the dialog shows the upload's progress, then that the server is working.
    await delayAnswers(page, '/api/v1/orgs/import')
    await dialog.locator('input[type=file]').setInputFiles(xlsxPath)
    await dialog.getByText(path.basename(xlsxPath)).last().waitFor()
    const [imported] = await Promise.all([
      importsWith(page),
      dialog.getByRole('button', { name: '开始导入' }).click(),
      dialog.locator('.progress').waitFor(),
    ])
    await page.unroute('**/api/v1/orgs/import*')
    assert.equal(imported.status(), 200, await imported.text())
    assert.equal((await imported.json()).imported, 1)
    await dialog.waitFor({ state: 'hidden' })
  })

  test('the template downloads under its Chinese name and its example row imports', async () => {
    const { page } = app
    await page.locator('.toolbar').getByRole('button', { name: '导入' }).click()
    const dialog = page.getByRole('dialog', { name: '导入社会组织' })
    await dialog.waitFor()
    const [template] = await Promise.all([
      page.waitForEvent('download', { timeout }),
      dialog.getByRole('button', { name: '下载模板' }).click(),
    ])
    assert.equal(template.suggestedFilename(), '社会组织导入模板.xlsx')
    const templatePath = path.join(app.tmpDir, '社会组织导入模板.xlsx')
    await template.saveAs(templatePath)
    const imported = await importFile(page, dialog, templatePath)
    assert.equal(imported.status(), 200, await imported.text())
    assert.equal((await imported.json()).imported, 1)
    await dialog.waitFor({ state: 'hidden' })
  })

  test('导出 CSV downloads the filtered list with Chinese headers', async () => {
    const { page } = app
    await page.getByPlaceholder('按名称关键字搜索').fill('导入测试')
    await page.getByRole('button', { name: '搜索' }).click()
    await page.locator('.toolbar').getByRole('button', { name: '导出' }).click()
    await delayAnswers(page, '/api/v1/orgs/export')
    const [download, exported] = await Promise.all([
      page.waitForEvent('download', { timeout }),
      page.waitForResponse((r) => new URL(r.url()).pathname === '/api/v1/orgs/export'),
      page.locator('.el-dropdown-menu__item').filter({ visible: true }).getByText('导出 CSV', { exact: true }).click(),
      page.locator('.download-progress').getByText('正在导出，已接收', { exact: false }).waitFor(),
    ])
    await page.unroute('**/api/v1/orgs/export*')
    const params = new URL(exported.url()).searchParams
    assert.equal(params.get('format'), 'csv')
    assert.equal(params.get('q'), '导入测试')
    assert.equal(download.suggestedFilename(), `社会组织名录_${today()}.csv`)
    const text = await readFile(await download.path(), 'utf8')
    assert.ok(text.startsWith(`\uFEFF${header.join(',')},评估等级`), text.slice(0, 200))
    assert.match(text, /导入测试中心甲,52610100MJ0000001W,社会服务机构（民办非企业单位）,陕西省,/)
    assert.match(text, /导入测试表格协会/)
    await page.locator('.download-progress').waitFor({ state: 'detached' })
  })

  test('no CSP violations or page errors', () => {
    assert.deepEqual(app.pageProblems, [])
  })
})

/** The GB 32100 check character of a USCC's first 17 characters. */
function checkCharacter(first17) {
  const alphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY'
  const weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
  let sum = 0
  for (let i = 0; i < 17; i++) sum += alphabet.indexOf(first17[i]) * weights[i]
  return alphabet[(31 - (sum % 31)) % 31]
}
