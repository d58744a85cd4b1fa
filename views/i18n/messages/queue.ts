import { defineMessages } from '../define.ts'

export const queue = defineMessages({})
