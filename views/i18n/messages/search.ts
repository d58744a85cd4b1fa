import { defineMessages } from '../define.ts'

export const search = defineMessages({
  'search.label': ['查找意见或预约', '查找意見或預約', 'Find a concern or booking'],
  'search.placeholder': ['编号、电话后四位或姓名', '編號、電話後四位或姓名', 'Code, last 4 digits or name'],
  'search.submit': ['查找', '查找', 'Search'],
  'search.title': ['查找', '查找', 'Search'],
  'search.resultsFor': ['“{q}”的查找结果', '「{q}」的查找結果', 'Results for “{q}”'],
  'search.intro': [
    '输入查询码或预约码、电话号码后四位，或居民姓名（部分即可）。只查找您有权查看的记录。',
    '輸入查詢碼或預約碼、電話號碼後四位，或居民姓名（部分即可）。只查找您有權查看的紀錄。',
    'Enter a tracking code or a booking code, the last four digits of a phone number, or part of a resident’s name. Only records you may see are searched.',
  ],
  'search.none': [
    '没有找到符合“{q}”的意见或预约。',
    '沒有找到符合「{q}」的意見或預約。',
    'No concern or booking matches “{q}”.',
  ],
  'search.concerns': ['意见建议（{n}）', '意見建議（{n}）', 'Concerns ({n})'],
  'search.bookings': ['预约（{n}）', '預約（{n}）', 'Bookings ({n})'],
  'search.limited': [
    '只列出最近的 {n} 条，请输入更多内容缩小范围。',
    '只列出最近的 {n} 筆，請輸入更多內容縮小範圍。',
    'Only the latest {n} are listed; type more to narrow the search.',
  ],
  'search.col.slot': ['预约时间', '預約時間', 'Booked for'],
  'search.error.tooLong': [
    '查找内容最多 {max} 个字。',
    '查找內容最多 {max} 個字。',
    'A search is at most {max} characters.',
  ],
  'search.error.control': [
    '查找内容含有无法识别的字符。',
    '查找內容含有無法識別的字元。',
    'The search contains characters that cannot be searched for.',
  ],
  'search.error.tooMany': [
    '查找过于频繁，请一分钟后再试。',
    '查找過於頻繁，請一分鐘後再試。',
    'Too many searches; please try again in a minute.',
  ],
})
