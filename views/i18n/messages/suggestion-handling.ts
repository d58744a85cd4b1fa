import { defineMessages } from '../define.ts'

/** The street office's handling of a suggestion and the lead deputy's verdict (issue 18 items 4–5). */
export const suggestionHandling = defineMessages({
  'suggestionHandling.saved': ['已记录。', '已記錄。', 'Recorded.'],
  'suggestionHandling.heading': ['办理', '辦理', 'Handling'],
  'suggestionHandling.readOnly': [
    '由街道人大工委受理、交办并登记承办单位答复；领衔代表对办理结果作出评价。',
    '由街道人大工委受理、交辦並登記承辦單位答覆；領銜代表對辦理結果作出評價。',
    'The street office accepts and assigns it and records the units’ replies; the lead deputy then gives a verdict on the handling.',
  ],
  'suggestionHandling.due': ['办理期限：{due}', '辦理期限：{due}', 'Units’ deadline: {due}'],
  'suggestionHandling.overdue': [
    '已逾期（督办第 {level} 级）',
    '已逾期（督辦第 {level} 級）',
    'Overdue (escalation level {level})',
  ],
  'suggestionHandling.round': ['第 {n} 轮办理', '第 {n} 輪辦理', 'Round {n}'],

  'suggestionHandling.accept.heading': ['受理', '受理', 'Accept'],
  'suggestionHandling.accept.hint': [
    '受理后，关联的居民诉求将随本建议一并办理，不再单独计算期限。',
    '受理後，關聯的居民訴求將隨本建議一併辦理，不再單獨計算期限。',
    'Once accepted, the linked residents’ concerns are handled with this suggestion and no longer have deadlines of their own.',
  ],
  'suggestionHandling.accept.submit': ['受理本建议', '受理本建議', 'Accept this suggestion'],
  'suggestionHandling.return.heading': ['退回代表修改', '退回代表修改', 'Return to the deputy'],
  'suggestionHandling.return.reason': ['退回理由', '退回理由', 'Why it is returned'],
  'suggestionHandling.return.submit': ['退回', '退回', 'Return'],
  'suggestionHandling.returnReason': [
    '退回理由：{reason}',
    '退回理由：{reason}',
    'Returned because: {reason}',
  ],

  'suggestionHandling.assign.heading': ['交办承办单位', '交辦承辦單位', 'Assign the units'],
  'suggestionHandling.assign.lead': ['主办单位', '主辦單位', 'Lead unit'],
  'suggestionHandling.assign.assist': ['协办单位', '協辦單位', 'Assisting units'],
  'suggestionHandling.assign.choose': ['请选择', '請選擇', 'Choose'],
  'suggestionHandling.assign.urgent': [
    '紧急建议须在 {days} 个工作日内答复。',
    '緊急建議須在 {days} 個工作日內答覆。',
    'An urgent suggestion must be replied to within {days} working days.',
  ],
  'suggestionHandling.assign.dueHint': [
    '不填期限时：一般建议 {ordinary}，紧急建议 {urgent}（按工作日计算）。',
    '不填期限時：一般建議 {ordinary}，緊急建議 {urgent}（按工作日計算）。',
    'Without a date: {ordinary} for an ordinary suggestion, {urgent} for an urgent one (working days).',
  ],
  'suggestionHandling.assign.dueOn': ['指定答复期限', '指定答覆期限', 'A set deadline'],
  'suggestionHandling.assign.submit': ['交办', '交辦', 'Assign'],
  'suggestionHandling.assign.again': ['重新交办', '重新交辦', 'Assign again'],

  'suggestionHandling.reply.heading': ['登记承办单位答复', '登記承辦單位答覆', 'Record a unit’s reply'],
  'suggestionHandling.reply.unit': ['答复单位', '答覆單位', 'Unit'],
  'suggestionHandling.reply.text': [
    '答复内容（将转告反映问题的居民，请勿写入姓名、电话）',
    '答覆內容（將轉告反映問題的居民，請勿寫入姓名、電話）',
    'The reply (residents will read it: no names or phone numbers)',
  ],
  'suggestionHandling.reply.submit': ['登记答复', '登記答覆', 'Record the reply'],
  'suggestionHandling.replies.heading': ['承办单位答复', '承辦單位答覆', 'The units’ replies'],
  'suggestionHandling.replies.none': ['尚无答复。', '尚無答覆。', 'No reply yet.'],
  'suggestionHandling.replies.waiting': [
    '待答复：{units}',
    '待答覆：{units}',
    'Still owing a reply: {units}',
  ],
  'suggestionHandling.replies.onTime': ['按期', '按期', 'on time'],
  'suggestionHandling.replies.late': ['逾期', '逾期', 'late'],
  'suggestionHandling.replies.meta': [
    '{grade}，{on} 答复（期限 {due}，{timeliness}）',
    '{grade}，{on} 答覆（期限 {due}，{timeliness}）',
    '{grade}, replied {on} (deadline {due}, {timeliness})',
  ],

  'suggestionHandling.verdict.heading': [
    '您对办理结果的评价',
    '您對辦理結果的評價',
    'Your verdict on the handling',
  ],
  'suggestionHandling.verdict.hint': [
    '选“不满意”将退回承办单位重新办理（可重新办理 {left} 次）。',
    '選「不滿意」將退回承辦單位重新辦理（可重新辦理 {left} 次）。',
    '“Not satisfied” sends it back to the units for re-handling ({left} time(s) left).',
  ],
  'suggestionHandling.verdict.final': [
    '重新办理次数已用完，本次评价后建议即办结。',
    '重新辦理次數已用完，本次評價後建議即辦結。',
    'No re-handling is left: the suggestion closes with this verdict.',
  ],
  'suggestionHandling.verdict.note': ['您的意见', '您的意見', 'Your remarks'],
  'suggestionHandling.verdict.given': [
    '代表评价：{verdict}',
    '代表評價：{verdict}',
    'Deputy’s verdict: {verdict}',
  ],

  'suggestionHandling.concern.joined': [
    '已并入代表建议第{ref}号办理',
    '已併入代表建議第{ref}號辦理',
    'Now handled as part of suggestion No. {ref}',
  ],
  'suggestionHandling.concern.relayed': [
    '转告代表建议第{ref}号的答复',
    '轉告代表建議第{ref}號的答覆',
    'Reply to suggestion No. {ref} passed on',
  ],
  'suggestionHandling.relay.text': [
    '您反映的问题已由代表写入代表建议第{ref}号，承办单位答复：\n{replies}',
    '您反映的問題已由代表寫入代表建議第{ref}號，承辦單位答覆：\n{replies}',
    'A deputy put the problem you raised into suggestion No. {ref}. The handling units replied:\n{replies}',
  ],
  'suggestionHandling.relay.unit': ['{unit}答复：{text}', '{unit}答覆：{text}', '{unit}: {text}'],

  'suggestionHandling.progress.heading': [
    '代表建议办理进度',
    '代表建議辦理進度',
    'Progress of the deputy’s suggestion',
  ],
  'suggestionHandling.progress.intro': [
    '您反映的问题已写入代表建议第{ref}号，现状态：{status}',
    '您反映的問題已寫入代表建議第{ref}號，現狀態：{status}',
    'The problem you raised is part of suggestion No. {ref}. Now: {status}',
  ],
  'suggestionHandling.progress.submitted': [
    '代表提交建议',
    '代表提交建議',
    'The deputy submitted the suggestion',
  ],
  'suggestionHandling.progress.accepted': [
    '街道人大工委受理',
    '街道人大工委受理',
    'The street office accepted it',
  ],
  'suggestionHandling.progress.assigned': [
    '交承办单位办理',
    '交承辦單位辦理',
    'Assigned to the handling units',
  ],
  'suggestionHandling.progress.replied': ['承办单位已答复', '承辦單位已答覆', 'The units replied'],
  'suggestionHandling.progress.rehandling': [
    '代表要求重新办理',
    '代表要求重新辦理',
    'The deputy asked for re-handling',
  ],
  'suggestionHandling.progress.closed': ['建议办结', '建議辦結', 'The suggestion was closed'],

  'suggestionHandling.notice.returnedSubject': [
    '代表建议第{ref}号被退回修改',
    '代表建議第{ref}號被退回修改',
    'Suggestion No. {ref} was returned for changes',
  ],
  'suggestionHandling.notice.returnedBody': [
    '您的建议“{title}”被街道人大工委退回修改。理由：{reason}',
    '您的建議「{title}」被街道人大工委退回修改。理由：{reason}',
    'The street office returned your suggestion “{title}” for changes. Reason: {reason}',
  ],
  'suggestionHandling.notice.rehandlingSubject': [
    '代表建议第{ref}号需重新办理',
    '代表建議第{ref}號需重新辦理',
    'Suggestion No. {ref} must be handled again',
  ],
  'suggestionHandling.notice.rehandlingBody': [
    '领衔代表对建议“{title}”的办理结果不满意，请承办单位重新办理，并于 {due} 前答复。',
    '領銜代表對建議「{title}」的辦理結果不滿意，請承辦單位重新辦理，並於 {due} 前答覆。',
    'The lead deputy is not satisfied with the handling of “{title}”. The units must handle it again and reply by {due}.',
  ],
  'suggestionHandling.notice.escalationSubject': [
    '代表建议第{ref}号逾期未答复（督办第 {level} 级）',
    '代表建議第{ref}號逾期未答覆（督辦第 {level} 級）',
    'Suggestion No. {ref} is overdue (escalation level {level})',
  ],
  'suggestionHandling.notice.escalationBody': [
    '建议“{title}”的答复期限 {due} 已过 {days} 个工作日，尚待答复：{units}。请督办。',
    '建議「{title}」的答覆期限 {due} 已過 {days} 個工作日，尚待答覆：{units}。請督辦。',
    'The reply to “{title}” was due {due}, {days} working days ago; still owing: {units}. Please follow it up.',
  ],
  'suggestionHandling.job.deadlines': ['代表建议逾期督办', '代表建議逾期督辦', 'Overdue suggestions'],

  'suggestionHandling.admin.streetOffice': [
    '街道人大工委工作人员',
    '街道人大工委工作人員',
    'Street office staff',
  ],
  'suggestionHandling.admin.streetOfficeHint': [
    '仅对工作人员有效：可受理、退回、交办代表建议并登记承办单位答复。',
    '僅對工作人員有效：可受理、退回、交辦代表建議並登記承辦單位答覆。',
    'Staff only: may accept, return and assign deputies’ suggestions and record the units’ replies.',
  ],
  'suggestionHandling.admin.streetOfficeTag': ['街道人大工委', '街道人大工委', 'street office'],

  'suggestionHandling.error.notFound': ['没有这条建议。', '沒有這條建議。', 'There is no such suggestion.'],
  'suggestionHandling.error.forbidden': [
    '只有街道人大工委的工作人员可以办理；评价只能由领衔代表作出。',
    '只有街道人大工委的工作人員可以辦理；評價只能由領銜代表作出。',
    'Only the street office’s staff handle suggestions, and only the lead deputy gives the verdict.',
  ],
  'suggestionHandling.error.notAllowed': [
    '建议现在的状态不能进行这一步，请刷新页面。',
    '建議現在的狀態不能進行這一步，請刷新頁面。',
    'This step is not possible in the suggestion’s current state. Please reload the page.',
  ],
  'suggestionHandling.error.changed': [
    '建议刚被他人处理过，请刷新页面。',
    '建議剛被他人處理過，請刷新頁面。',
    'Someone else just took a step on this suggestion. Please reload the page.',
  ],
  'suggestionHandling.error.unknownUnit': [
    '请选择有效的承办单位。',
    '請選擇有效的承辦單位。',
    'Choose a handling unit from the list.',
  ],
  'suggestionHandling.error.notAssignedUnit': [
    '这个单位没有承办本建议。',
    '這個單位沒有承辦本建議。',
    'This unit was not assigned this suggestion.',
  ],
  'suggestionHandling.error.alreadyReplied': [
    '这个单位本轮已有答复。',
    '這個單位本輪已有答覆。',
    'This unit has already replied in this round.',
  ],
  'suggestionHandling.error.repliesStarted': [
    '已有单位答复，不能再重新交办。',
    '已有單位答覆，不能再重新交辦。',
    'A unit has already replied: the assignment can no longer change.',
  ],
  'suggestionHandling.error.replyFuture': [
    '答复日期不能晚于今天。',
    '答覆日期不能晚於今天。',
    'The date of the reply cannot be after today.',
  ],
  'suggestionHandling.error.duePast': [
    '期限不能早于今天。',
    '期限不能早於今天。',
    'The deadline cannot be before today.',
  ],
  'suggestionHandling.error.dueOff': [
    '期限须是工作日。',
    '期限須是工作日。',
    'The deadline must be a working day.',
  ],
  'suggestionHandling.error.form': [
    '请检查标出的内容。',
    '請檢查標出的內容。',
    'Please check the marked fields.',
  ],
})
