import { fileURLToPath, URL } from 'node:url'
import { defineConfig, type Plugin } from 'vite'
import vue from '@vitejs/plugin-vue'
import Components from 'unplugin-vue-components/vite'
import { ElementPlusResolver, VantResolver } from 'unplugin-vue-components/resolvers'

// The header `lianyin serve` sends; `vite preview` sends it too so CSP problems show up before deployment.
const contentSecurityPolicy =
  "default-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'"

const apiProxy = { '/api': { target: 'http://127.0.0.1:8080' } }

/**
 * Vant's icon font comes as a data: URI with a remote fallback (at.alicdn.com); the CSP allows
 * neither. The build serves the same font from our own origin: the URI's bytes become an asset
 * and the `src` list names only it.
 */
function vantIconFont(): Plugin {
  const fontFace = /src:url\(data:font\/woff2;charset=utf-8;base64,([A-Za-z0-9+/=]+)\) format\("woff2"\),url\([^)]*\) format\("woff"\)/
  return {
    name: 'lianyin-vant-icon-font',
    apply: 'build',
    transform(code, id) {
      if (!/[\\/]vant[\\/]es[\\/]icon[\\/]index\.css$/.test(id)) return null
      const found = fontFace.exec(code)
      if (!found) this.error('the @font-face of vant/es/icon/index.css changed: update vantIconFont')
      const ref = this.emitFile({ type: 'asset', name: 'vant-icon.woff2', source: Buffer.from(found[1], 'base64') })
      return code.replace(fontFace, `src:url(__VITE_ASSET__${ref}__) format("woff2")`)
    },
  }
}

/**
 * Chunks are named after the UI library they carry (`element-…`, `vant-…`), so the build shows
 * at a glance that the admin pages load no Vant and the phone pages no Element Plus
 * (e2e/phone.test.mjs checks what each loads).
 */
function libraryPrefix(moduleIds: readonly string[]): string {
  if (moduleIds.some((id) => /node_modules[\\/]element-plus[\\/]/.test(id))) return 'element-'
  if (moduleIds.some((id) => /node_modules[\\/](vant|@vant)[\\/]/.test(id))) return 'vant-'
  return ''
}

export default defineConfig({
  plugins: [
    vue(),
    // Element Plus (admin) and Vant (phone pages, src/mobile) components and their CSS are
    // imported on demand as templates use them.
    Components({ dirs: [], dts: 'src/components.d.ts', resolvers: [ElementPlusResolver(), VantResolver()] }),
    vantIconFont(),
  ],
  resolve: {
    alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) },
  },
  define: {
    __VUE_I18N_FULL_INSTALL__: true,
    __VUE_I18N_LEGACY_API__: false,
    __INTLIFY_PROD_DEVTOOLS__: false,
  },
  server: { proxy: apiProxy },
  preview: {
    proxy: apiProxy,
    headers: { 'Content-Security-Policy': contentSecurityPolicy },
  },
  build: {
    outDir: '../build/web',
    emptyOutDir: true,
    assetsDir: 'assets',
    rolldownOptions: {
      output: {
        entryFileNames: (chunk) => `assets/${libraryPrefix(chunk.moduleIds)}[name]-[hash].js`,
        chunkFileNames: (chunk) => `assets/${libraryPrefix(chunk.moduleIds)}[name]-[hash].js`,
        // The framework changes rarely: one named chunk that browsers keep cached across releases.
        // Element Plus is left to automatic splitting so each page loads only the components it uses.
        codeSplitting: {
          groups: [{ name: 'vue', test: /node_modules[\\/](@vue|vue|vue-router|pinia|vue-i18n|@intlify)[\\/]/ }],
        },
      },
    },
  },
})
