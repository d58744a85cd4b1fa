import { defineMessages } from '../define.ts'

/** Issue 16: the clerks' triage of phone concerns, SMS notices and each person's notice settings. */
export const sms = defineMessages({
  'triage.title': ['手机来件初审', '手機來件初審', 'Triage of phone concerns'],
  'triage.intro': [
    '居民用手机提交的诉求，经您查看后才会转给代表。明显无效的信息请标为“无效”：它不进入代表的清单，也不计入任何统计。',
    '居民用手機提交的訴求，經您查看後才會轉給代表。明顯無效的資訊請標為「無效」：它不進入代表的清單，也不計入任何統計。',
    'Concerns residents send from their phones reach the deputy only after you look at them. Mark obvious junk as spam: it never reaches a deputy’s list or any figure.',
  ],
  'triage.none': ['没有待初审的来件。', '沒有待初審的來件。', 'Nothing waits for triage.'],
  'triage.count': ['待初审 {n} 件', '待初審 {n} 件', '{n} waiting for triage'],
  'triage.todayLink': [
    '手机来件待初审：{n} 件',
    '手機來件待初審：{n} 件',
    'Phone concerns waiting for triage: {n}',
  ],
  'triage.received': ['提交时间', '提交時間', 'Sent'],
  'triage.topic': ['主题', '主題', 'Topic'],
  'triage.text': ['内容', '內容', 'Text'],
  'triage.place': ['地点', '地點', 'Place'],
  'triage.deputy': ['代表', '代表', 'Deputy'],
  'triage.phone': ['手机号', '手機號', 'Phone'],
  'triage.station': ['联络站', '聯絡站', 'Station'],
  'triage.noPlace': ['未选择', '未選擇', 'Not given'],
  'triage.noPhone': ['未留', '未留', 'None left'],
  'triage.anyDeputy': ['本选区任一代表', '本選區任一代表', 'Any deputy of the district'],
  'triage.samePhone': [
    '同一手机号一周内另有 {n} 件',
    '同一手機號一週內另有 {n} 件',
    '{n} more from the same phone in the past week',
  ],
  'triage.sameText': [
    '一周内另有 {n} 件内容完全相同',
    '一週內另有 {n} 件內容完全相同',
    '{n} more with the very same text in the past week',
  ],
  'triage.accept': ['受理，转给代表', '受理，轉給代表', 'Accept: send to the deputy'],
  'triage.spam': ['标为无效', '標為無效', 'Mark as spam'],
  'triage.accepted': [
    '{code} 已受理，代表可以看到了。',
    '{code} 已受理，代表可以看到了。',
    '{code} accepted: the deputy sees it now.',
  ],
  'triage.markedSpam': ['{code} 已标为无效。', '{code} 已標為無效。', '{code} marked as spam.'],
  'triage.gone': [
    '这件来件已由他人处理。',
    '這件來件已由他人處理。',
    'Someone else has already dealt with this concern.',
  ],
  'triage.event.accepted': ['初审通过', '初審通過', 'Accepted at triage'],
  'triage.track.pending': [
    '您的诉求已收到，工作人员正在查看，通常在一个工作日内转给代表。',
    '您的訴求已收到，工作人員正在查看，通常在一個工作日內轉給代表。',
    'We have your concern. A clerk is checking it and usually passes it to the deputy within one working day.',
  ],
  'triage.track.spam': [
    '这条信息未予受理：工作人员判断它不是一件需要代表处理的诉求。如有误会，请到联络站或致电联络站。',
    '這條資訊未予受理：工作人員判斷它不是一件需要代表處理的訴求。如有誤會，請到聯絡站或致電聯絡站。',
    'This message was not accepted: a clerk judged it is not a concern for a deputy. If this is a mistake, please visit or call the station.',
  ],
  'triage.rule.label': ['手机来件', '手機來件', 'Concerns sent from phones'],
  'triage.rule.immediate': ['立即转给代表', '立即轉給代表', 'Reach the deputy at once'],
  'triage.rule.after_review': [
    '工作人员初审后再转给代表',
    '工作人員初審後再轉給代表',
    'Reach the deputy after a clerk’s look',
  ],
})
