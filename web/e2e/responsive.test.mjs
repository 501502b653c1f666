// At 375 px (a phone): the admin frame's menu is a drawer that the toggle opens and navigation
// closes, and the workbench has no horizontal overflow. Screenshot: ../build/e2e-home-375.png.
import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import path from 'node:path'
import { adminPassword, buildDir, startApp, submitLogin, timeout } from './support.mjs'

let app
let page

const overflow = () =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)

describe('a phone-sized admin frame', () => {
  before(async () => {
    app = await startApp()
    page = await app.context.newPage()
    await page.setViewportSize({ width: 375, height: 812 })
    await page.goto(`${app.baseUrl}/login`)
    await submitLogin(page, 'admin', adminPassword)
    await page.waitForURL(`${app.baseUrl}/`)
  })
  after(() => app?.stop())

  test('the workbench fits the width and the menu waits in a drawer', async () => {
    await page.locator('.figure-total').waitFor({ timeout })
    assert.equal(await page.locator('.aside').count(), 0)
    assert.equal(await page.locator('.side-menu').isVisible(), false)
    assert.ok((await overflow()) <= 0, `overflows by ${await overflow()} px`)
    await page.screenshot({ path: path.join(buildDir, 'e2e-home-375.png'), fullPage: true })
  })

  test('the toggle opens the drawer and navigating closes it', async () => {
    await page.locator('.toggle').click()
    const menu = page.locator('.menu-drawer .side-menu')
    await menu.waitFor({ timeout })
    await menu.getByText('系统管理').click()
    await menu.getByText('行政区划').click()
    await page.waitForURL(`${app.baseUrl}/system/regions`)
    await menu.waitFor({ state: 'hidden', timeout })
    assert.ok((await overflow()) <= 0, `regions page overflows by ${await overflow()} px`)
  })

  test('no CSP violations or page errors', () => {
    assert.deepEqual(app.pageProblems, [])
  })
})
