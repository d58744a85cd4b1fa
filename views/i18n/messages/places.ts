import { defineMessages } from '../define.ts'

/** The places register (issues 16, 17): kinds of place, firms' trades, visit kinds and states. */
export const places = defineMessages({
  'place.kind.community': ['社区', '社區', 'Community'],
  'place.kind.village': ['村', '村', 'Village'],
  'place.kind.estate': ['小区', '小區', 'Housing estate'],
  'place.kind.firm': ['企业', '企業', 'Firm'],
  'place.kind.school': ['学校', '學校', 'School'],
  'place.kind.market': ['市场', '市場', 'Market'],
  'place.kind.other': ['其他地点', '其他地點', 'Other place'],
  'place.sector.furniture': ['家居', '家居', 'Furniture'],
  'place.sector.home_textiles': ['家纺', '家紡', 'Home textiles'],
  'place.sector.fine_chemicals': ['精细化工', '精細化工', 'Fine chemicals'],
  'place.sector.small_appliances': ['小家电', '小家電', 'Small appliances'],
  'place.sector.nursery_plants': ['花卉苗木', '花卉苗木', 'Nursery plants'],
  'place.sector.other': ['其他行业', '其他行業', 'Other trade'],
  'visit.kind.home_visits': ['入户走访', '入戶走訪', 'Home visits'],
  'visit.kind.firm_forum': ['企业座谈', '企業座談', 'Meeting at a firm'],
  'visit.kind.school': ['进校园', '進校園', 'School visit'],
  'visit.kind.reception_at_place': ['集中接待', '集中接待', 'Reception on site'],
  'visit.status.planned': ['已计划', '已計劃', 'Planned'],
  'visit.status.held': ['已开展', '已開展', 'Held'],
  'visit.status.cancelled': ['已取消', '已取消', 'Cancelled'],
})
