import { defineMessages } from '../define.ts'

/** Concerns and bookings that know their place (issue 17 item 2), and visits shown ahead (item 3). */
export const placeIntake = defineMessages({
  'placeStep.question': [
    '您住在哪里，或在哪里工作？',
    '您住在哪裡，或在哪裡工作？',
    'Where do you live or work?',
  ],
  'placeStep.lead': [
    '选一个地点，代表就知道事情发生在哪里。不想选，点“跳过”。',
    '選一個地點，代表就知道事情發生在哪裡。不想選，點「跳過」。',
    'Pick a place so the deputy knows where this is. Or tap “Skip”.',
  ],
  'placeStep.optional': ['（可不选）', '（可不選）', '(optional)'],
  'placeStep.none': ['还没有选地点', '還沒有選地點', 'No place chosen'],
  'placeStep.chosen': ['地点：{place}', '地點：{place}', 'Place: {place}'],
  'placeStep.choose': ['选择地点', '選擇地點', 'Choose a place'],
  'placeStep.change': ['换一个地点', '換一個地點', 'Change the place'],
  'placeStep.skip': ['跳过', '跳過', 'Skip'],
  'placeStep.prev': ['上一页', '上一頁', 'Previous page'],
  'placeStep.next': ['下一页', '下一頁', 'Next page'],
  'placeStep.page': ['第 {n} 页，共 {total} 页', '第 {n} 頁，共 {total} 頁', 'Page {n} of {total}'],
  'placeStep.unknown': [
    '这个地点不在本站的选区内，请重新选择或跳过。',
    '這個地點不在本站的選區內，請重新選擇或跳過。',
    'That place is not in this station’s districts: choose again or skip.',
  ],
  'placeField.label': ['居住或工作地', '居住或工作地', 'Where they live or work'],
  'placeField.hint': [
    '群众居住或工作的社区、村、企业、学校等；不知道可不选。',
    '群眾居住或工作的社區、村、企業、學校等；不知道可不選。',
    'Where the resident lives or works (community, village, firm, school…); leave empty if unknown.',
  ],
  'placeField.none': ['未说明', '未說明', 'Not given'],
  'placeField.ownGroup': ['本站选区 · {kind}', '本站選區 · {kind}', 'This station’s districts · {kind}'],
  'placeField.otherGroup': ['其他选区 · {kind}', '其他選區 · {kind}', 'Other districts · {kind}'],
  'placeField.unknown': ['请从列表中选择地点。', '請從列表中選擇地點。', 'Choose a place from the list.'],
  'visitNotice.heading': ['代表走访安排', '代表走訪安排', 'Deputies coming to you'],
  'visitNotice.line': [
    '{day} {time}　{names}代表到 {place}（{kind}）',
    '{day} {time}　{names}代表到 {place}（{kind}）',
    '{day} {time}: Deputy {names} at {place} ({kind})',
  ],
  'visitNotice.linePlural': [
    '{day} {time}　{names}代表到 {place}（{kind}）',
    '{day} {time}　{names}代表到 {place}（{kind}）',
    '{day} {time}: Deputies {names} at {place} ({kind})',
  ],
  'visitNotice.cancelled': ['{line}　已取消', '{line}　已取消', '{line} — cancelled'],
  'relativeDay.today': ['今天', '今天', 'Today'],
  'relativeDay.tomorrow': ['明天', '明天', 'Tomorrow'],
  'relativeDay.dayAfterTomorrow': ['后天', '後天', 'The day after tomorrow'],
  'relativeDay.thisWeek': ['本{weekday}', '本{weekday}', 'This {weekday}'],
  'relativeDay.nextWeek': ['下{weekday}', '下{weekday}', 'Next {weekday}'],
})
