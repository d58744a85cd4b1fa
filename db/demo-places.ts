import type { PlaceKind, PlaceSector } from './enums.ts'

/**
 * The demo street's places (issues 16, 17): the communities and villages of the report's street,
 * a sample of its 2,000 firms across its five trades, its schools and its market. Invented names;
 * `district` is the index of 第一…第五选区.
 */
export type DemoPlace = {
  kind: PlaceKind
  names: [string, string, string]
  district: number
  sector?: PlaceSector
  households?: number
  employees?: number
  students?: number
}

export const DEMO_PLACES: DemoPlace[] = [
  { kind: 'community', names: ['东湖社区', '東湖社區', 'Donghu Community'], district: 0, households: 1200 },
  { kind: 'community', names: ['南苑社区', '南苑社區', 'Nanyuan Community'], district: 1, households: 980 },
  { kind: 'community', names: ['北岸社区', '北岸社區', 'Bei’an Community'], district: 3, households: 820 },
  {
    kind: 'estate',
    names: ['锦绣花园小区', '錦繡花園小區', 'Jinxiu Garden Estate'],
    district: 0,
    households: 640,
  },
  {
    kind: 'estate',
    names: ['碧水苑小区', '碧水苑小區', 'Bishui Court Estate'],
    district: 1,
    households: 410,
  },
  { kind: 'village', names: ['幸福村', '幸福村', 'Xingfu Village'], district: 2, households: 760 },
  { kind: 'village', names: ['龙潭村', '龍潭村', 'Longtan Village'], district: 2, households: 690 },
  { kind: 'village', names: ['石桥村', '石橋村', 'Shiqiao Village'], district: 3, households: 530 },
  { kind: 'village', names: ['花溪村', '花溪村', 'Huaxi Village'], district: 4, households: 880 },
  { kind: 'village', names: ['沙头村', '沙頭村', 'Shatou Village'], district: 4, households: 610 },
  {
    kind: 'firm',
    names: ['东湖家具有限公司', '東湖家具有限公司', 'Donghu Furniture Co.'],
    district: 0,
    sector: 'furniture',
    employees: 320,
  },
  {
    kind: 'firm',
    names: ['华林红木家具厂', '華林紅木家具廠', 'Hualin Rosewood Furniture Works'],
    district: 2,
    sector: 'furniture',
    employees: 85,
  },
  {
    kind: 'firm',
    names: ['美居软体家居公司', '美居軟體家居公司', 'Meiju Upholstery Co.'],
    district: 3,
    sector: 'furniture',
    employees: 140,
  },
  {
    kind: 'firm',
    names: ['锦丰家纺有限公司', '錦豐家紡有限公司', 'Jinfeng Home Textiles Co.'],
    district: 1,
    sector: 'home_textiles',
    employees: 260,
  },
  {
    kind: 'firm',
    names: ['雅丽床上用品厂', '雅麗床上用品廠', 'Yali Bedding Works'],
    district: 4,
    sector: 'home_textiles',
    employees: 70,
  },
  {
    kind: 'firm',
    names: ['东湖精细化工有限公司', '東湖精細化工有限公司', 'Donghu Fine Chemicals Co.'],
    district: 2,
    sector: 'fine_chemicals',
    employees: 190,
  },
  {
    kind: 'firm',
    names: ['恒达涂料厂', '恒達塗料廠', 'Hengda Coatings Works'],
    district: 4,
    sector: 'fine_chemicals',
    employees: 60,
  },
  {
    kind: 'firm',
    names: ['利达小家电有限公司', '利達小家電有限公司', 'Lida Small Appliances Co.'],
    district: 1,
    sector: 'small_appliances',
    employees: 410,
  },
  {
    kind: 'firm',
    names: ['顺发电器厂', '順發電器廠', 'Shunfa Electrical Works'],
    district: 3,
    sector: 'small_appliances',
    employees: 95,
  },
  {
    kind: 'firm',
    names: ['花溪花卉苗木场', '花溪花卉苗木場', 'Huaxi Flower and Nursery Farm'],
    district: 4,
    sector: 'nursery_plants',
    employees: 45,
  },
  {
    kind: 'firm',
    names: ['龙潭园艺合作社', '龍潭園藝合作社', 'Longtan Gardening Cooperative'],
    district: 2,
    sector: 'nursery_plants',
    employees: 30,
  },
  {
    kind: 'school',
    names: ['东湖中心小学', '東湖中心小學', 'Donghu Central Primary School'],
    district: 0,
    students: 1400,
  },
  { kind: 'school', names: ['东湖中学', '東湖中學', 'Donghu Secondary School'], district: 1, students: 1100 },
  { kind: 'market', names: ['东湖农贸市场', '東湖農貿市場', 'Donghu Farmers’ Market'], district: 0 },
]
