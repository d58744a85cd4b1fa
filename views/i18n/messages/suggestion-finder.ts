import { defineMessages } from '../define.ts'

/** The suggestion finder and a suggestion's evidence from residents (issue 18 item 2). */
export const suggestionFinder = defineMessages({
  'suggestionFinder.link': [
    '从居民反映中找建议',
    '從居民反映中找建議',
    'Find suggestions in residents’ concerns',
  ],
  'suggestionFinder.title': [
    '从居民反映中找建议',
    '從居民反映中找建議',
    'Find suggestions in residents’ concerns',
  ],
  'suggestionFinder.titleFor': [
    '从居民反映中找建议：{name}代表',
    '從居民反映中找建議：{name}代表',
    'Find suggestions in residents’ concerns: {name}',
  ],
  'suggestionFinder.intro': [
    '这里把近{days}天收到的和仍未解决的居民反映，按同一地点、同一类问题和相近的说法归在一起。勾选要写进建议的反映，点“起草代表建议”，系统先写好标题和现状，您再修改补充。',
    '這裡把近{days}天收到的和仍未解決的居民反映，按同一地點、同一類問題和相近的說法歸在一起。勾選要寫進建議的反映，點「起草代表建議」，系統先寫好標題和現狀，您再修改補充。',
    'Residents’ concerns from the last {days} days, and older ones still open, gathered by place, topic and similar wording. Tick the concerns the suggestion should rest on and press “Draft a suggestion”: the title and the facts are written for you to change.',
  ],
  'suggestionFinder.inSuggestion': [
    '已写进其他进行中建议的反映不在这里列出。',
    '已寫進其他進行中建議的反映不在這裡列出。',
    'Concerns already in a suggestion still in progress are not listed here.',
  ],
  'suggestionFinder.chooseDeputy': ['代表', '代表', 'Deputy'],
  'suggestionFinder.show': ['查看', '查看', 'Show'],
  'suggestionFinder.pickDeputy': [
    '请先选择一位代表，再查看他或她联系范围内的居民反映。',
    '請先選擇一位代表，再查看其聯繫範圍內的居民反映。',
    'Choose a deputy to see the residents’ concerns of their area.',
  ],
  'suggestionFinder.noDeputies': [
    '您所在的联络站还没有代表。',
    '您所在的聯絡站還沒有代表。',
    'Your station has no deputies yet.',
  ],
  'suggestionFinder.none': [
    '目前没有两位以上居民反映同一件事。您也可以直接起草一条建议。',
    '目前沒有兩位以上居民反映同一件事。您也可以直接起草一條建議。',
    'No two residents have raised the same matter at the moment. You can still write a suggestion yourself.',
  ],
  'suggestionFinder.blankDraft': ['起草一条新建议', '起草一條新建議', 'Write a new suggestion'],
  'suggestionFinder.count': ['共 {n} 组', '共 {n} 組', '{n} groups'],
  'suggestionFinder.countShown': [
    '共 {n} 组，下面列出居民最多的 {shown} 组',
    '共 {n} 組，下面列出居民最多的 {shown} 組',
    '{n} groups; the {shown} raised by the most residents are shown',
  ],
  'suggestionFinder.group.heading': [
    '{n} 位居民反映「{keyword}」',
    '{n} 位居民反映「{keyword}」',
    '{n} residents raised “{keyword}”',
  ],
  'suggestionFinder.group.headingTopic': [
    '{n} 位居民反映{topic}方面的问题',
    '{n} 位居民反映{topic}方面的問題',
    '{n} residents raised a matter of {topic}',
  ],
  'suggestionFinder.group.since': ['自 {month} 起', '自 {month} 起', 'since {month}'],
  'suggestionFinder.group.noPlace': ['未注明地点', '未註明地點', 'no place given'],
  'suggestionFinder.group.open': [
    '{n} 件反映，其中 {open} 件尚未解决',
    '{n} 件反映，其中 {open} 件尚未解決',
    '{n} concerns, {open} still open',
  ],
  'suggestionFinder.group.words': ['居民原话', '居民原話', 'In residents’ own words'],
  'suggestionFinder.group.concerns': [
    '写进建议的反映（可取消勾选）',
    '寫進建議的反映（可取消勾選）',
    'Concerns the suggestion rests on (untick any that do not belong)',
  ],
  'suggestionFinder.draft': ['起草代表建议', '起草代表建議', 'Draft a suggestion'],
  'suggestionFinder.draftTitle': [
    '关于解决{place}{keyword}问题的建议',
    '關於解決{place}{keyword}問題的建議',
    'Suggestion on solving the {keyword} problem at {place}',
  ],
  'suggestionFinder.draftTitleNoPlace': [
    '关于解决{keyword}问题的建议',
    '關於解決{keyword}問題的建議',
    'Suggestion on solving the {keyword} problem',
  ],
  'suggestionFinder.draftProblem': [
    '自{first}至{last}，{place}共{n}位居民通过联络站反映{keyword}问题（共{count}件），其中{open}件尚未解决。',
    '自{first}至{last}，{place}共{n}位居民通過聯絡站反映{keyword}問題（共{count}件），其中{open}件尚未解決。',
    'From {first} to {last}, {n} residents at {place} raised the {keyword} problem with the liaison station ({count} concerns); {open} of them are still unresolved.',
  ],
  'suggestionFinder.draftProblemOneDay': [
    '{first}，{place}共{n}位居民通过联络站反映{keyword}问题（共{count}件），其中{open}件尚未解决。',
    '{first}，{place}共{n}位居民通過聯絡站反映{keyword}問題（共{count}件），其中{open}件尚未解決。',
    'On {first}, {n} residents at {place} raised the {keyword} problem with the liaison station ({count} concerns); {open} of them are still unresolved.',
  ],
  'suggestionFinder.placeUnknown': ['本选区', '本選區', 'the district'],
  'suggestionFinder.error.noneTicked': [
    '请至少勾选一条居民反映。',
    '請至少勾選一條居民反映。',
    'Tick at least one resident’s concern.',
  ],
  'suggestionFinder.error.gone': [
    '有的反映刚被写进另一条建议，列表已更新，请重新勾选。',
    '有的反映剛被寫進另一條建議，列表已更新，請重新勾選。',
    'Some of these concerns were just put into another suggestion. The list is up to date now; please tick again.',
  ],
  'suggestionFinder.error.outOfScope': [
    '所选反映不在这位代表的联系范围内。',
    '所選反映不在這位代表的聯繫範圍內。',
    'These concerns are outside this deputy’s area.',
  ],
  'suggestionFinder.error.forbidden': [
    '您不能为这位代表查看居民反映或起草建议。',
    '您不能為這位代表查看居民反映或起草建議。',
    'You cannot see concerns or draft suggestions for this deputy.',
  ],

  'suggestionEvidence.none': [
    '还没有关联居民反映。',
    '還沒有關聯居民反映。',
    'No resident’s concern is linked yet.',
  ],
  'suggestionEvidence.residents': [
    '{n} 位居民，{count} 件反映',
    '{n} 位居民，{count} 件反映',
    '{n} residents, {count} concerns',
  ],
  'suggestionEvidence.countRule': [
    '同一电话号码的多次反映算一位居民；没有留电话的，每件算一位。',
    '同一電話號碼的多次反映算一位居民；沒有留電話的，每件算一位。',
    'Several concerns from one phone number count as one resident; each concern without a phone counts as one.',
  ],
  'suggestionEvidence.places': ['地点', '地點', 'Places'],
  'suggestionEvidence.withoutPlace': [
    '另有 {n} 件未注明地点',
    '另有 {n} 件未註明地點',
    'and {n} with no place given',
  ],
  'suggestionEvidence.dates': ['反映时间', '反映時間', 'Raised'],
  'suggestionEvidence.dateRange': ['{first} 至 {last}', '{first} 至 {last}', '{first} to {last}'],
  'suggestionEvidence.words': ['居民原话', '居民原話', 'In residents’ own words'],
  'suggestionEvidence.more': ['还有 {n} 条', '還有 {n} 條', 'and {n} more'],
  'suggestionEvidence.satisfaction': ['居民评价', '居民評價', 'Residents’ verdicts'],
  'suggestionEvidence.open': ['{n} 件尚未解决', '{n} 件尚未解決', '{n} still open'],
  'suggestionEvidence.unrated': [
    '{n} 件还没有居民评价',
    '{n} 件還沒有居民評價',
    '{n} not rated by residents yet',
  ],
})
