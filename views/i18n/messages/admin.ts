import { defineMessages } from '../define.ts'

export const admin = defineMessages({
  'admin.title': ['系统管理', '系統管理', 'Administration'],
})
