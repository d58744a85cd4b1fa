import { eq } from 'drizzle-orm'
import { concernEvents, places } from '../../db/schema.ts'
import type { TestApp, TestClient } from './test-app.ts'

/*
 * The Done-means fixture of issue 18: 20 residents' concerns about the lifts of one estate in
 * their own varied words, and 30 of noise (other matters there, lifts elsewhere, other places),
 * all recorded through the clerks' intake (deputy 1, station 1), dated by moving the clock.
 */

export const HOUSING = 1
const TRAFFIC = 2
const ENVIRONMENT = 3
const ELDERLY = 7
const OTHER = 13

export type Row = { text: string; topic: number; place: string; on: string; phone?: string }

export const ESTATE = '锦绣花园小区'
export const LIFTS: Row[] = [
  ['3栋电梯又坏了', '2026-03-12', '13800000001'],
  ['电梯经常停运，老人下不了楼', '2026-03-30'],
  ['电梯困人，十几分钟才有人来', '2026-04-15', '13800000002'],
  ['5号楼电梯故障好几天了没人修', '2026-05-06'],
  ['电梯老化，天天出毛病', '2026-05-20'],
  ['电梯门关不上，很危险', '2026-06-03', '13800000003'],
  ['电梯停了，住18楼爬不动', '2026-06-18'],
  ['物业不修电梯，电梯坏了一个月', '2026-07-01'],
  ['电梯年检过期了还在用', '2026-07-15'],
  ['小区电梯太旧，希望更换', '2026-07-29', '13800000004'],
  ['电梯里有异响，晃得厉害', '2026-08-12'],
  ['今天电梯又困人了', '2026-08-26', '13800000001'],
  ['电梯停运，送外卖的都上不来', '2026-09-09'],
  ['电梯按钮失灵', '2026-09-23'],
  ['电梯维修资金怎么申请', '2026-10-07'],
  ['2栋电梯停运三天', '2026-10-21', '13800000005'],
  ['电梯坏了没人管', '2026-11-04'],
  ['电梯又停了，打13812345678也没人接', '2026-11-20'],
].map(([text, on, phone]) => ({ text: text!, on: on!, phone, topic: HOUSING, place: ESTATE }))
LIFTS.push(
  { text: '老人住高层，电梯一坏就下不了楼', topic: ELDERLY, place: ESTATE, on: '2026-09-30' },
  { text: '电梯噪音大，晚上睡不着', topic: OTHER, place: ESTATE, on: '2026-10-15' },
)

export const NOISE: Row[] = [
  // Other matters at the same estate.
  { text: '小区门口路灯不亮', topic: TRAFFIC, place: ESTATE, on: '2026-06-10' },
  { text: '晚上广场舞噪音扰民', topic: ENVIRONMENT, place: ESTATE, on: '2026-07-08' },
  { text: '垃圾清运不及时，有异味', topic: ENVIRONMENT, place: ESTATE, on: '2026-08-05' },
  { text: '停车位太少，车乱停', topic: TRAFFIC, place: ESTATE, on: '2026-09-02' },
  { text: '物业费涨价不合理', topic: HOUSING, place: ESTATE, on: '2026-10-01' },
  { text: '楼道堆满杂物，消防通道堵了', topic: HOUSING, place: ESTATE, on: '2026-10-20' },
  // Lifts elsewhere.
  { text: '电梯又坏了', topic: HOUSING, place: '东湖社区', on: '2026-08-01' },
  { text: '电梯困人', topic: HOUSING, place: '东湖社区', on: '2026-09-01' },
  { text: '电梯停运好几天', topic: HOUSING, place: '东湖社区', on: '2026-10-01' },
  { text: '电梯经常停运', topic: HOUSING, place: '碧水苑小区', on: '2026-11-01' },
  // Other places, other matters.
  { text: '路面坑洼，下雨积水', topic: TRAFFIC, place: '东湖社区', on: '2026-06-01' },
  { text: '公交车班次太少', topic: TRAFFIC, place: '东湖社区', on: '2026-07-01' },
  { text: '化工厂晚上排气，味道刺鼻', topic: ENVIRONMENT, place: '幸福村', on: '2026-06-15' },
  { text: '工厂废气味道很大', topic: ENVIRONMENT, place: '幸福村', on: '2026-07-15' },
  { text: '河里有死鱼，怀疑排污', topic: ENVIRONMENT, place: '龙潭村', on: '2026-08-15' },
  { text: '低保申请材料太多', topic: 4, place: '南苑社区', on: '2026-06-20' },
  { text: '社保卡补办要跑好几趟', topic: 4, place: '南苑社区', on: '2026-07-20' },
  { text: '社区医院看病排队太久', topic: 5, place: '南苑社区', on: '2026-08-20' },
  { text: '幼儿园学位不够', topic: 6, place: '碧水苑小区', on: '2026-09-20' },
  { text: '老人吃饭难，希望办长者食堂', topic: ELDERLY, place: '东湖社区', on: '2026-10-05' },
  { text: '家具厂招工欠薪', topic: 12, place: '东湖家具有限公司', on: '2026-06-25' },
  { text: '企业用电不稳定，经常跳闸', topic: 8, place: '东湖家具有限公司', on: '2026-07-25' },
  { text: '学校门口接送孩子太堵', topic: TRAFFIC, place: '东湖中心小学', on: '2026-08-25' },
  { text: '苗木销售渠道少', topic: 11, place: '龙潭园艺合作社', on: '2026-09-25' },
  { text: '村里自来水发黄', topic: OTHER, place: '幸福村', on: '2026-10-25' },
  { text: '路灯坏了', topic: TRAFFIC, place: '南苑社区', on: '2026-11-05' },
  { text: '小区绿化带被占用种菜', topic: ENVIRONMENT, place: '碧水苑小区', on: '2026-11-10' },
  { text: '夜市摊位噪音太吵', topic: ENVIRONMENT, place: '龙潭村', on: '2026-11-15' },
  { text: '快递柜太少', topic: OTHER, place: '南苑社区', on: '2026-11-18' },
  { text: '篮球场灯坏了', topic: OTHER, place: '幸福村', on: '2026-11-22' },
]

export const placeId = (t: Pick<TestApp, 'db'>, name: string) =>
  t.db.select({ id: places.id }).from(places).where(eq(places.nameZhHans, name)).get()!.id

/** A clerk records a concern as on /staff/stations/:id/intake, dated by the clock. */
export async function record(clerk: TestClient, t: TestApp, r: Row, stationId = 1, deputy = 1) {
  t.clock.set(`${r.on}T02:00:00.000Z`)
  const res = await clerk.post(`/staff/stations/${stationId}/intake`, {
    channel: 'phone',
    topic: String(r.topic),
    deputy: String(deputy),
    description: r.text,
    residentName: '',
    phone: r.phone ?? '',
    place: String(placeId(t, r.place)),
  })
  if (res.status !== 303) throw new Error(`intake failed: ${res.status}`)
  return t.db.select().from(concernEvents).orderBy(concernEvents.id).all().at(-1)!.concernId
}
