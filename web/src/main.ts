import { createApp } from 'vue'
import { createPinia } from 'pinia'
import App from './App.vue'
import { setCsrfTokenSource, setSessionRequirementHandler, setUnauthenticatedHandler } from './api/http'
import { vPermission } from './directives/permission'
import { i18n } from './locales'
import { requiredRouteName, router } from './router'
import { useAuthStore } from './stores/auth'
import './styles/index.css'

const app = createApp(App)
app.use(createPinia())
app.use(i18n)
app.use(router)
app.directive('permission', vPermission)

// Non-GET requests carry the session's CSRF token, which the auth store keeps.
setCsrfTokenSource(() => useAuthStore().csrfToken)

// A request answering 401 means the session ended (idle timeout, logged out elsewhere).
setUnauthenticatedHandler(() => {
  useAuthStore().clear()
  const current = router.currentRoute.value
  const login = current.meta.mobile ? 'm-login' : 'login'
  if (!current.meta.public) void router.replace({ name: login, query: { redirect: current.fullPath } })
})

// 403 password_change_required / mfa_enrolment_required: the session must meet that first.
setSessionRequirementHandler((error) => {
  const auth = useAuthStore()
  auth.require(error.code)
  const name = requiredRouteName(auth.user, router.currentRoute.value.meta.mobile === true)
  if (name && router.currentRoute.value.name !== name) void router.replace({ name })
})

app.mount('#app')
