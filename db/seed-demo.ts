import { eq } from 'drizzle-orm'
import type { AppDeps } from '../server/deps.ts'
import { hashPassword } from '../server/domain/secrets.ts'
import { localDate } from '../server/domain/time.ts'
import type { Db, Queryable, Tx } from './client.ts'
import { DEMO_PLACES } from './demo-places.ts'
import { seedDemoSuggestions } from './demo-suggestions.ts'
import { insertAccount } from './queries/accounts.ts'
import { issuePairingCode } from './queries/kiosks.ts'
import { insertPlace } from './queries/places.ts'
import { insertPlan } from './queries/reception.ts'
import {
  closures,
  deputies,
  deputyDistricts,
  districts,
  handlingUnits,
  kiosks,
  receptionPlans,
  settings,
  stations,
  streets,
  topicPhrases,
  topics,
} from './schema.ts'
import { LIAISON_TABLE_NAMES } from './table-names.ts'

/** Demo log-ins, printed at start-up of a demo database; never used outside the demo. */
export const DEMO_LOGINS = [
  { role: 'admin', username: 'admin', password: 'liaison-admin', displayName: '系统管理员' },
  { role: 'staff', username: 'clerk', password: 'liaison-clerk', displayName: '王晓梅' },
  { role: 'deputy', username: 'deputy', password: 'liaison-deputy', displayName: '陈建国' },
] as const

const TOPICS: [string, string, string][] = [
  ['住房与物业', '住房與物業', 'Housing and property management'],
  ['道路交通', '道路交通', 'Roads and traffic'],
  ['环境卫生', '環境衛生', 'Environment and sanitation'],
  ['社会保障', '社會保障', 'Social security'],
  ['医疗卫生', '醫療衛生', 'Health care'],
  ['教育与托育', '教育與托育', 'Schools and childcare'],
  ['养老服务', '養老服務', 'Care for the elderly'],
  ['家居与家纺企业', '家居與家紡企業', 'Furniture and home-textile firms'],
  ['精细化工安全', '精細化工安全', 'Fine-chemical plant safety'],
  ['小家电制造', '小家電製造', 'Small-appliance makers'],
  ['花卉苗木', '花卉苗木', 'Flower and nursery growers'],
  ['就业与劳动', '就業與勞動', 'Jobs and labour'],
  ['其他', '其他', 'Something else'],
]

/** Phrase chips for the first topics, by the topic's zh-Hans name (issue 15). */
const TOPIC_PHRASES: Record<string, [string, string, string][]> = {
  住房与物业: [
    ['电梯故障', '電梯故障', 'Lift out of order'],
    ['物业纠纷', '物業糾紛', 'Dispute with the property manager'],
    ['房屋漏水', '房屋漏水', 'Leaking roof or pipes'],
    ['楼道堆物', '樓道堆物', 'Clutter in the stairwell'],
  ],
  道路交通: [
    ['道路破损', '道路破損', 'Damaged road'],
    ['停车难', '停車難', 'Hard to find parking'],
    ['路灯不亮', '路燈不亮', 'Street light out'],
    ['公交不便', '公交不便', 'Poor bus service'],
  ],
  环境卫生: [
    ['噪音扰民', '噪音擾民', 'Noise nuisance'],
    ['垃圾清运', '垃圾清運', 'Rubbish not collected'],
    ['异味污染', '異味污染', 'Bad smells'],
    ['污水外溢', '污水外溢', 'Sewage overflow'],
  ],
  社会保障: [
    ['社保办理', '社保辦理', 'Social insurance paperwork'],
    ['低保救助', '低保救助', 'Minimum living allowance'],
  ],
  医疗卫生: [
    ['看病难', '看病難', 'Hard to see a doctor'],
    ['医保报销', '醫保報銷', 'Medical insurance refunds'],
  ],
  养老服务: [
    ['助餐服务', '助餐服務', 'Meals for the elderly'],
    ['上门照护', '上門照護', 'Home care'],
  ],
}

const UNITS: [string, string, string][] = [
  ['街道办事处', '街道辦事處', 'Street Office'],
  ['街道城管执法中队', '街道城管執法中隊', 'Urban Management Squad'],
  ['生态环境分局', '生態環境分局', 'Ecology and Environment Bureau branch'],
  ['街道人社服务所', '街道人社服務所', 'Human Resources and Social Security Office'],
  ['住房和城乡建设局', '住房和城鄉建設局', 'Housing and Urban-Rural Development Bureau'],
  ['交警中队', '交警中隊', 'Traffic Police Squad'],
  ['市场监管所', '市場監管所', 'Market Regulation Office'],
]

const DEPUTY_NAMES = [
  '陈建国',
  '李秀英',
  '张伟',
  '刘芳',
  '杨志强',
  '黄丽华',
  '赵明',
  '周桂兰',
  '吴海涛',
  '徐静',
  '孙立新',
]

/**
 * Tables that a database without any data of its own may already have rows in: migrations,
 * small settings made on first use (e.g. the feeds' UID domain), data versions, job runs of a
 * start-up with nothing to do.
 */
const BOOKKEEPING_TABLES = ['__drizzle_migrations', 'settings', 'data_versions', 'job_runs']

/** The first table holding a row that is data, or null when the database has none. */
function firstTableWithData(sqlite: Db['$client']): string | null {
  for (const name of LIAISON_TABLE_NAMES) {
    if (BOOKKEEPING_TABLES.includes(name)) continue
    if (sqlite.prepare(`select 1 from "${name}" limit 1`).get()) return name
  }
  return null
}

/**
 * - `seeded`: the database was empty and now holds the demo street and its log-ins;
 * - `demo`: the demo seed made it before (nothing is written);
 * - `refused`: it holds data the demo seed did not make (`table` is the first found), so it is
 *   not a demo and never gets the demo's known log-ins.
 */
export type DemoSeedResult = { outcome: 'seeded' | 'demo' } | { outcome: 'refused'; table: string }

/**
 * Fills an empty database with the street of the field report and marks it as a demo in the
 * same transaction. The only code that creates the demo log-ins. It holds the write lock
 * (BEGIN IMMEDIATE) while it looks, so two processes starting together seed once.
 */
export async function seedDemo(db: Db, now: Date): Promise<DemoSeedResult> {
  const hashes = await Promise.all(DEMO_LOGINS.map((l) => hashPassword(l.password)))
  const stamp = { createdAt: now, updatedAt: now }
  return db.transaction(
    (tx): DemoSeedResult => {
      if (isDemoDatabase(tx)) return { outcome: 'demo' }
      const table = firstTableWithData(db.$client)
      if (table) return { outcome: 'refused', table }
      insertDemoStreet(tx, hashes, stamp, now)
      return { outcome: 'seeded' }
    },
    { behavior: 'immediate' },
  )
}

function insertDemoStreet(tx: Tx, hashes: string[], stamp: { createdAt: Date; updatedAt: Date }, now: Date) {
  const street = tx
    .insert(streets)
    .values({ nameZhHans: '东湖街道', nameZhHant: '東湖街道', nameEn: 'Donghu Street', ...stamp })
    .returning()
    .get()
  const [central, north] = [
    {
      code: 'A',
      nameZhHans: '东湖街道人大代表联络站',
      nameZhHant: '東湖街道人大代表聯絡站',
      nameEn: 'Donghu Street Liaison Station',
      address: '东湖路 88 号社区服务中心一楼',
      // A demo number (0000 is no real exchange), so slips show where phone and hours go.
      phone: '0757-0000 1001',
      openingHoursZhHans: '周一至周五 9:00–12:00、14:00–17:30',
      openingHoursZhHant: '週一至週五 9:00–12:00、14:00–17:30',
      openingHoursEn: 'Mon–Fri 9:00–12:00, 14:00–17:30',
    },
    {
      code: 'B',
      nameZhHans: '北岸社区人大代表联络点',
      nameZhHant: '北岸社區人大代表聯絡點',
      nameEn: 'Bei’an Community Liaison Point',
      address: '北岸社区党群服务中心二楼',
      phone: '0757-0000 1002',
      openingHoursZhHans: '周一至周五 9:00–12:00、14:00–17:30',
      openingHoursZhHant: '週一至週五 9:00–12:00、14:00–17:30',
      openingHoursEn: 'Mon–Fri 9:00–12:00, 14:00–17:30',
    },
  ].map((s) =>
    tx
      .insert(stations)
      .values({ ...s, streetId: street.id, timeZone: 'Asia/Shanghai', ...stamp })
      .returning()
      .get(),
  )
  if (!central || !north) throw new Error('demo stations not created')

  const districtRows = [1, 2, 3, 4, 5].map((n) =>
    tx
      .insert(districts)
      .values({
        streetId: street.id,
        nameZhHans: `第${'一二三四五'[n - 1]}选区`,
        nameZhHant: `第${'一二三四五'[n - 1]}選區`,
        nameEn: `District ${n}`,
        stationId: n <= 3 ? central.id : north.id,
        ...stamp,
      })
      .returning()
      .get(),
  )
  const placeRows = DEMO_PLACES.map((p) =>
    insertPlace(
      tx,
      {
        districtId: districtRows[p.district]!.id,
        kind: p.kind,
        nameZhHans: p.names[0],
        nameZhHant: p.names[1],
        nameEn: p.names[2],
        sector: p.sector ?? null,
        households: p.households ?? null,
        employees: p.employees ?? null,
        students: p.students ?? null,
      },
      now,
    ),
  )
  const placeId = (zhHans: string) => placeRows.find((p) => p.nameZhHans === zhHans)?.id ?? null
  // Two deputies with a home village and a work unit, so the demo shows concentration.
  const deputyPlaces: Record<string, { homePlaceId: number | null; workUnitPlaceId: number | null }> = {
    陈建国: { homePlaceId: placeId('东湖社区'), workUnitPlaceId: placeId('东湖家具有限公司') },
    李秀英: { homePlaceId: placeId('南苑社区'), workUnitPlaceId: placeId('锦丰家纺有限公司') },
  }
  const deputyRows = DEPUTY_NAMES.map((name, i) =>
    tx
      .insert(deputies)
      .values({ name, homeStationId: i < 7 ? central.id : north.id, ...deputyPlaces[name], ...stamp })
      .returning()
      .get(),
  )
  // 11 deputies over 5 districts: two or three each, as in the report's street.
  deputyRows.forEach((d, i) => {
    const district = districtRows[i % 5]!
    tx.insert(deputyDistricts).values({ deputyId: d.id, districtId: district.id }).run()
  })
  for (const [i, [zhHans, zhHant, en]] of TOPICS.entries()) {
    const topic = tx
      .insert(topics)
      .values({ nameZhHans: zhHans, nameZhHant: zhHant, nameEn: en, sortOrder: i * 10, ...stamp })
      .returning({ id: topics.id })
      .get()
    for (const [j, [pHans, pHant, pEn]] of (TOPIC_PHRASES[zhHans] ?? []).entries())
      tx.insert(topicPhrases)
        .values({
          topicId: topic.id,
          nameZhHans: pHans,
          nameZhHant: pHant,
          nameEn: pEn,
          sortOrder: j * 10,
          ...stamp,
        })
        .run()
  }
  for (const [zhHans, zhHant, en] of UNITS) {
    tx.insert(handlingUnits)
      .values({ nameZhHans: zhHans, nameZhHant: zhHant, nameEn: en, ...stamp })
      .run()
  }
  for (const [date, kind, name] of DEMO_CLOSURES)
    tx.insert(closures)
      .values({ date, kind, name, ...stamp })
      .run()
  tx.insert(kiosks)
    .values({ stationId: central.id, label: '一楼大厅 1 号机', ...stamp })
    .run()

  DEMO_LOGINS.forEach((l, i) => {
    insertAccount(
      tx,
      {
        username: l.username,
        displayName: l.displayName,
        passwordHash: hashes[i]!,
        role: l.role,
        deputyId: l.role === 'deputy' ? deputyRows[0]!.id : null,
        stationIds: l.role === 'staff' ? [central.id] : [],
        // The demo clerk also serves the street's people's congress office (suggestions, issue 18).
        streetOffice: l.role === 'staff',
      },
      now,
    )
  })
  tx.insert(settings).values({ key: DEMO_SETTING, value: '1' }).run()
}

const DEMO_CLOSURES: [string, 'holiday' | 'workday', string][] = [
  ['2026-10-01', 'holiday', '国庆节'],
  ['2026-10-02', 'holiday', '国庆节'],
  ['2026-10-03', 'holiday', '国庆节'],
  ['2026-10-04', 'holiday', '国庆节'],
  ['2026-10-05', 'holiday', '国庆节'],
  ['2026-10-06', 'holiday', '国庆节'],
  ['2026-10-07', 'holiday', '国庆节'],
  ['2026-09-27', 'workday', '国庆节调休上班'],
  ['2026-10-10', 'workday', '国庆节调休上班'],
  ['2027-01-01', 'holiday', '元旦'],
]

/**
 * Reception days (接待日) for the demo, so booking works on the first day; the hourly job, which
 * also runs at start-up, turns the plans into sessions. Kept out of seedDemo so tests that build
 * their own plans start from none.
 */
function seedDemoReceptionPlans(db: Db, now: Date) {
  db.transaction((tx) => seedDemoReceptionPlansIn(tx, now), { behavior: 'immediate' })
}

function seedDemoReceptionPlansIn(tx: Tx, now: Date) {
  if (tx.select().from(receptionPlans).limit(1).get()) return
  const deputyIds = tx
    .select({ id: deputies.id })
    .from(deputies)
    .orderBy(deputies.id)
    .all()
    .map((d) => d.id)
  const stationIds = tx
    .select({ id: stations.id })
    .from(stations)
    .orderBy(stations.id)
    .all()
    .map((s) => s.id)
  const [central, north] = stationIds
  if (!central || !north || deputyIds.length < 8) return
  const localToday = localDate(now, 'Asia/Shanghai')
  const plans = [
    [deputyIds[0]!, central, '2,4', '接待室 1'],
    [deputyIds[1]!, central, '3', '接待室 2'],
    [deputyIds[7]!, north, '5', '二楼会议室'],
  ] as const
  for (const [deputyId, stationId, weekdays, place] of plans) {
    insertPlan(
      tx,
      stationId,
      {
        deputyId,
        pattern: 'weekly',
        weekdays,
        nthOfMonth: null,
        dayOfMonth: null,
        months: '',
        startTime: '09:00',
        endTime: '11:30',
        slotMinutes: 30,
        capacityPerSlot: 2,
        place,
        validFrom: localToday,
        validUntil: null,
      },
      null,
      now,
    )
  }
}

/** The setting the demo seed writes with the demo, in its transaction. */
const DEMO_SETTING = 'demo'

/** Whether this database was created by the demo seed (and so has the printed demo log-ins). */
export const isDemoDatabase = (db: Queryable) =>
  db.select().from(settings).where(eq(settings.key, DEMO_SETTING)).get()?.value === '1'

export type DemoInfo = {
  stationName: string
  kioskPairPath: string
  logins: { role: string; username: string; password: string }[]
}

/**
 * On a database that the demo seed created, makes sure the demo's reception plans and example
 * suggestions (with the residents' concerns they rest on) exist, and
 * gives the demo kiosk a fresh pairing link to print. Returns null for a real (non-demo) database.
 */
export async function ensureDemoData({ db, clock }: Pick<AppDeps, 'db' | 'clock'>): Promise<DemoInfo | null> {
  const now = clock.now()
  if (!isDemoDatabase(db)) return null
  seedDemoReceptionPlans(db, now)
  db.transaction((tx) => seedDemoSuggestions(tx, now), { behavior: 'immediate' })
  const kiosk = db.select().from(kiosks).orderBy(kiosks.id).limit(1).get()
  const station = kiosk && db.select().from(stations).where(eq(stations.id, kiosk.stationId)).get()
  if (!kiosk || !station) return null
  const { code } = issuePairingCode(db, kiosk.id, now, 7 * 24 * 3_600_000)
  return {
    stationName: station.nameZhHans,
    kioskPairPath: `/kiosk/pair?code=${code}`,
    logins: DEMO_LOGINS.map(({ role, username, password }) => ({ role, username, password })),
  }
}
