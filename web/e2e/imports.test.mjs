// The module graph of src/ has no import cycle (no browser needed). A cycle makes the order in
// which modules run depend on which one is imported first; the two the app had were
// api/http ↔ stores/auth (the transport read the CSRF token from the store) and
// router/routes → layout → useMenu → router/routes (the menu read the route table). Static and
// dynamic imports count; `import type` is erased by the compiler and does not.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import { webDir } from './support.mjs'

const srcDir = path.join(webDir, 'src')

function sourceFiles(dir) {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name)
    if (statSync(full).isDirectory()) return sourceFiles(full)
    return /\.(ts|vue)$/.test(name) && !name.endsWith('.d.ts') ? [full] : []
  })
}

const kPatterns = [
  // import x from '…', import { a, type B } from '…', import '…' (not `import type`)
  /\bimport\s+(?!type\s)(?:[\w*{}\s,$]+?\s+from\s+)?['"]([^'"]+)['"]/g,
  // export { a } from '…', export * from '…' (not `export type`)
  /\bexport\s+(?!type\s)[\w*{}\s,$]*?\s*from\s+['"]([^'"]+)['"]/g,
  // import('…')
  /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g,
]

/** Local modules `file` imports at run time, as paths relative to src/. */
function importsOf(file) {
  const text = readFileSync(file, 'utf8')
  const specs = kPatterns.flatMap((pattern) => [...text.matchAll(pattern)].map((match) => match[1]))
  const local = []
  for (const spec of new Set(specs)) {
    let base
    if (spec.startsWith('@/')) base = path.join(srcDir, spec.slice(2))
    else if (spec.startsWith('.')) base = path.resolve(path.dirname(file), spec)
    else continue // a package
    const resolved = [base, `${base}.ts`, `${base}.vue`, path.join(base, 'index.ts')].find(
      (candidate) => existsSync(candidate) && statSync(candidate).isFile(),
    )
    assert.ok(resolved, `${path.relative(srcDir, file)}: cannot resolve '${spec}'`)
    if (/\.(ts|vue)$/.test(resolved)) local.push(path.relative(srcDir, resolved))
  }
  return local
}

/** The first cycle found by a depth-first walk, as a list of modules, or null. */
function findCycle(graph) {
  const state = new Map() // module → 'open' while on the walk's stack, 'done' after
  const stack = []
  function visit(node) {
    state.set(node, 'open')
    stack.push(node)
    for (const next of graph.get(node) ?? []) {
      if (state.get(next) === 'open') return [...stack.slice(stack.indexOf(next)), next]
      if (!state.has(next)) {
        const cycle = visit(next)
        if (cycle) return cycle
      }
    }
    stack.pop()
    state.set(node, 'done')
    return null
  }
  for (const node of graph.keys()) {
    if (!state.has(node)) {
      const cycle = visit(node)
      if (cycle) return cycle
    }
  }
  return null
}

test('src/ has no import cycle', () => {
  const graph = new Map(sourceFiles(srcDir).map((file) => [path.relative(srcDir, file), importsOf(file)]))
  // The parser sees the imports at all: a few edges the app cannot do without.
  assert.ok(graph.size > 50, `only ${graph.size} modules found`)
  assert.ok(graph.get('main.ts').includes('router/index.ts'))
  assert.ok(graph.get('stores/auth.ts').includes('api/http.ts'))
  assert.ok(graph.get('components/layout/SideMenu.vue').includes('composables/useMenu.ts'))
  assert.ok(graph.get('router/routes.ts').includes('components/layout/AppLayout.vue'))

  const cycle = findCycle(graph)
  assert.equal(cycle, null, `import cycle: ${cycle?.join(' → ')}`)
})
