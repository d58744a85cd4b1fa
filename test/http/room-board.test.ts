import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { kiosks } from '../../db/schema.ts'
import { kioskClient, sseMessages } from '../helpers/queue.ts'
import { callDeputy, fillBoard } from '../helpers/room-board.ts'
import { makeTestApp } from '../helpers/test-app.ts'

const calls = (html: string) =>
  [...html.matchAll(/data-call="([^"]+)" data-speech="([^"]+)"/g)].map((m) => ({ key: m[1]!, speech: m[2]! }))

describe('room board', () => {
  it('marks each call with a key and the words to speak, in the board language', async () => {
    const t = await makeTestApp()
    fillBoard(t, 6, 20)
    const k = await kioskClient(t)
    const html = await (await k.get('/display')).text()
    expect(html).toContain('<script src="/static/room-board.js" defer=""></script>')
    expect(html).toContain('data-voice="on" data-speech-langs="zh-CN zh-Hans zh-SG cmn-CN cmn-Hans-CN"')
    const shown = calls(html)
    // Six deputies each serving one: six calls, the latest first.
    expect(shown).toHaveLength(6)
    expect(shown[0]!.speech).toBe('请 A-006 号到接待室 6')
    expect(shown.map((c) => c.key)).toEqual(['6:1', '5:1', '4:1', '3:1', '2:1', '1:1'])
    expect(html).toContain('20 人等候')
    // The next ten numbers, never a name.
    expect(html).toContain('<li>A-007</li>')
    expect(html).toContain('<li>A-016</li>')
    expect(html).not.toContain('<li>A-017</li>')

    await k.get('/lang/zh-Hant')
    const hant = await (await k.get('/display')).text()
    expect(hant).toContain('data-speech-langs="zh-TW zh-HK zh-MO zh-Hant cmn-TW cmn-Hant-TW"')
    expect(calls(hant)[0]!.speech).toBe('請 A-006 號到接待室 6')
    await k.get('/lang/en')
    const en = await (await k.get('/display')).text()
    expect(en).toContain('data-speech-langs="en"')
    expect(calls(en)[0]!.speech).toBe('Number A-006, please go to 接待室 6')
  })

  it('gives a recall a new key, so the board speaks it again', async () => {
    const t = await makeTestApp()
    fillBoard(t, 2, 1)
    const k = await kioskClient(t)
    const res = await k.get('/display/events')
    const stream = sseMessages(res)
    expect(calls(await stream.next()).map((c) => c.key)).toEqual(['2:1', '1:1'])
    t.clock.advance(30_000)
    callDeputy(t, 1, 1)
    const after = calls(await stream.next())
    expect(after.map((c) => c.key)).toEqual(['1:2', '2:1'])
    expect(after[0]!.speech).toBe('请 A-001 号到接待室 1')
    await stream.cancel()
  })

  it("turns the voice off with the kiosk's setting (the chime stays, in the script)", async () => {
    const t = await makeTestApp()
    const k = await kioskClient(t)
    expect(await (await k.get('/display')).text()).toContain('data-voice="on"')
    t.db
      .update(kiosks)
      .set({ voiceAnnouncements: false })
      .where(eq(kiosks.label, kioskLabel(t)))
      .run()
    expect(await (await k.get('/display')).text()).toContain('data-voice="off"')
  })
})

const kioskLabel = (t: Awaited<ReturnType<typeof makeTestApp>>) =>
  t.db
    .select()
    .from(kiosks)
    .all()
    .find((r) => r.label.startsWith('test kiosk'))!.label
