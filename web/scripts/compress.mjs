// Writes .gz and .br siblings for every file over 1 KiB in the built web root,
// so the server can send precompressed bodies without compressing per request.
import { readdir, readFile, writeFile, stat } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import zlib from 'node:zlib'

const gzip = promisify(zlib.gzip)
const brotli = promisify(zlib.brotliCompress)

const webRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../build/web')
const minBytes = 1024
const skipExtensions = new Set(['.gz', '.br', '.png', '.jpg', '.jpeg', '.webp', '.woff', '.woff2'])

async function* walk(dir) {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) yield* walk(full)
    else yield full
  }
}

let raw = 0
let gz = 0
let br = 0
for await (const file of walk(webRoot)) {
  if (skipExtensions.has(path.extname(file)) || (await stat(file)).size <= minBytes) continue
  const data = await readFile(file)
  const gzData = await gzip(data, { level: zlib.constants.Z_BEST_COMPRESSION })
  const brData = await brotli(data, {
    params: {
      [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY,
      [zlib.constants.BROTLI_PARAM_SIZE_HINT]: data.length,
    },
  })
  await writeFile(`${file}.gz`, gzData)
  await writeFile(`${file}.br`, brData)
  raw += data.length
  gz += gzData.length
  br += brData.length
}
const kib = (n) => `${(n / 1024).toFixed(1)} KiB`
console.log(`compressed ${path.relative(process.cwd(), webRoot)}: ${kib(raw)} → gzip ${kib(gz)}, brotli ${kib(br)}`)
