import { computed, type Component } from 'vue'
import type { RouteRecordRaw } from 'vue-router'
import { layoutChildren } from '@/router/layoutRoutes'
import { useAuthStore } from '@/stores/auth'

export interface MenuItem {
  path: string
  titleKey: string
  icon?: Component
  children: MenuItem[]
}

function joinPath(parent: string, child: string): string {
  return `${parent.replace(/\/$/, '')}/${child}`.replace(/\/$/, '') || '/'
}

/**
 * The side menu: routes of `layoutChildren` with a title and icon that the user may open; empty
 * groups are dropped.
 */
export function useMenu() {
  const auth = useAuthStore()

  function build(records: RouteRecordRaw[], parentPath: string): MenuItem[] {
    const items: MenuItem[] = []
    for (const record of records) {
      const { titleKey, icon, permission } = record.meta ?? {}
      if (!titleKey || !icon || (permission && !auth.hasPermission(permission))) continue
      const path = joinPath(parentPath, record.path)
      const children = record.children ? build(record.children, path) : []
      if (record.children && children.length === 0) continue
      items.push({ path, titleKey, icon, children })
    }
    return items
  }

  return computed(() => build(layoutChildren, '/'))
}
