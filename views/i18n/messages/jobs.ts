import { defineMessages } from '../define.ts'

export const jobs = defineMessages({})
