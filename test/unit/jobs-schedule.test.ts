import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parseCron } from '../../server/jobs/cron.ts'
import { describeSchedule } from '../../server/jobs/cron-schedule.ts'
import { JOBS } from '../../server/jobs/registry.ts'
import { makeI18n } from '../../views/i18n/index.ts'
import { LOCALES } from '../../views/i18n/locales.ts'
import { scheduleText } from '../../views/pages/staff/jobs-page.tsx'

const SHANGHAI = 480
const describe8 = (cron: string) => describeSchedule(parseCron(cron), SHANGHAI)
const words = (cron: string, offset = SHANGHAI) =>
  LOCALES.map((l) => scheduleText(makeI18n(l), describeSchedule(parseCron(cron), offset)))

describe('job schedules in words', () => {
  it('says every expression the registry uses in each language, never as cron', () => {
    for (const job of JOBS) {
      const schedule = describe8(job.cron)
      expect(schedule.kind, job.cron).not.toBe('cron')
      for (const text of words(job.cron)) {
        expect(text, job.cron).not.toContain(job.cron)
        expect(text, job.cron).not.toContain('*')
      }
    }
  })

  it('writes each shape the registry uses in the page language and the station zone', () => {
    expect(words('5 * * * *')).toEqual(['每小时第 5 分钟', '每小時第 5 分鐘', 'every hour at :05'])
    expect(words('* * * * *')).toEqual(['每分钟', '每分鐘', 'every minute'])
    expect(words('*/5 * * * *')).toEqual(['每 5 分钟', '每 5 分鐘', 'every 5 minutes'])
    // 23:00 UTC is 07:00 the next day in Shanghai.
    expect(words('0 23 * * *')).toEqual(['每天 07:00', '每天 07:00', 'every day at 07:00'])
    expect(words('30 19 * * *')).toEqual(['每天 03:30', '每天 03:30', 'every day at 03:30'])
    expect(words('0 0 * * 1')).toEqual(['每周一 08:00', '每週一 08:00', 'every Monday at 08:00'])
    // Sunday 20:00 UTC is Monday 04:00 in Shanghai; Monday 02:00 UTC is Sunday 21:00 in New York.
    expect(words('0 20 * * 0')).toEqual(['每周一 04:00', '每週一 04:00', 'every Monday at 04:00'])
    expect(words('0 2 * * 1', -300)).toEqual(['每周日 21:00', '每週日 21:00', 'every Sunday at 21:00'])
    // Half-hour zones move the minute of an hourly job.
    expect(words('5 * * * *', 330)[2]).toBe('every hour at :35')
  })

  it('falls back to the expression, marked UTC, for shapes it has no words for', () => {
    for (const cron of ['0 9 1 * *', '0 9,17 * * *', '0 9 * * 1-5', '7,9 * * * *', '*/7 * * * *'])
      expect(words(cron)).toEqual([`${cron}（UTC 时间）`, `${cron}（UTC 時間）`, `${cron} (UTC)`])
  })

  it('names a daily time that the scheduler really runs at (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 59 }),
        fc.integer({ min: 0, max: 23 }),
        fc.integer({ min: -12 * 60, max: 14 * 60 }),
        (m, h, offset) => {
          const s = describeSchedule(parseCron(`${m} ${h} * * *`), offset)
          expect(s.kind).toBe('daily')
          if (s.kind !== 'daily') return
          const [hh, mm] = s.time.split(':').map((x) => Number.parseInt(x, 10))
          const local = (((h * 60 + m + offset) % 1440) + 1440) % 1440
          expect(hh! * 60 + mm!).toBe(local)
        },
      ),
    )
  })
})
