import { computed, ref } from 'vue'
import { listRoles, type Role } from '@/api/roles'

/** The role list for selects and tags; without access to `/roles`, codes stand in for names. */
export function useRoleNames() {
  const roles = ref<Role[]>([])
  const names = computed(() => new Map(roles.value.map((role) => [role.code, role.name])))

  async function load() {
    try {
      roles.value = await listRoles()
    } catch {
      roles.value = []
    }
  }

  const roleName = (code: string) => names.value.get(code) ?? code
  return { roles, roleName, load }
}
