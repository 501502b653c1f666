import { fileURLToPath, URL } from 'node:url'
import { defineConfig } from 'vite'
import vue from '@vitejs/plugin-vue'
import Components from 'unplugin-vue-components/vite'
import { ElementPlusResolver } from 'unplugin-vue-components/resolvers'

// The header `lianyin serve` sends; `vite preview` sends it too so CSP problems show up before deployment.
const contentSecurityPolicy =
  "default-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'"

const apiProxy = { '/api': { target: 'http://127.0.0.1:8080' } }

export default defineConfig({
  plugins: [
    vue(),
    // Element Plus components and their CSS are imported on demand as templates use them.
    Components({ dirs: [], dts: 'src/components.d.ts', resolvers: [ElementPlusResolver()] }),
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
        // The framework changes rarely: one named chunk that browsers keep cached across releases.
        // Element Plus is left to automatic splitting so each page loads only the components it uses.
        codeSplitting: {
          groups: [{ name: 'vue', test: /node_modules[\\/](@vue|vue|vue-router|pinia|vue-i18n|@intlify)[\\/]/ }],
        },
      },
    },
  },
})
