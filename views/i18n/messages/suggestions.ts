import { defineMessages } from '../define.ts'

/** Deputies' suggestions (代表建议, issue 18): the words every suggestion screen shares. */
export const suggestions = defineMessages({
  'suggestion.nav': ['代表建议', '代表建議', 'Suggestions'],
  'suggestion.ref': ['建议第{ref}号', '建議第{ref}號', 'Suggestion No. {ref}'],
  'suggestion.untitled': ['（未命名建议）', '（未命名建議）', '(untitled suggestion)'],

  'suggestion.status.draft': ['草稿', '草稿', 'Draft'],
  'suggestion.status.submitted': [
    '已提交，待街道人大工委审核',
    '已提交，待街道人大工委審核',
    'Submitted, awaiting the street office',
  ],
  'suggestion.status.returned': ['已退回修改', '已退回修改', 'Returned for changes'],
  'suggestion.status.accepted': ['已受理，待交办', '已受理，待交辦', 'Accepted, awaiting assignment'],
  'suggestion.status.assigned': [
    '已交办，承办单位办理中',
    '已交辦，承辦單位辦理中',
    'Assigned, units handling it',
  ],
  'suggestion.status.replied': [
    '已答复，待代表评价',
    '已答覆，待代表評價',
    'Replied, awaiting the deputy’s verdict',
  ],
  'suggestion.status.rehandling': [
    '代表不满意，重新办理中',
    '代表不滿意，重新辦理中',
    'Deputy unsatisfied, being re-handled',
  ],
  'suggestion.status.closed': ['已办结', '已辦結', 'Closed'],
  'suggestion.status.withdrawn': ['已撤回', '已撤回', 'Withdrawn'],

  'suggestion.kind.infrastructure': ['基础设施维修', '基礎設施維修', 'Infrastructure repair'],
  'suggestion.kind.traffic': ['交通出行', '交通出行', 'Traffic'],
  'suggestion.kind.environment': [
    '环境与企业污染',
    '環境與企業污染',
    'Environment and pollution from local industry',
  ],
  'suggestion.kind.social_security': ['社会保障', '社會保障', 'Social security'],
  'suggestion.kind.business': ['企业营商环境', '企業營商環境', 'Business environment for local firms'],
  'suggestion.kind.other': ['其他', '其他', 'Other'],

  'suggestion.unitRole.lead': ['主办', '主辦', 'Lead unit'],
  'suggestion.unitRole.assist': ['协办', '協辦', 'Assisting unit'],
  'suggestion.cosign.invited': ['待确认', '待確認', 'Not yet confirmed'],
  'suggestion.cosign.confirmed': ['已确认联名', '已確認聯名', 'Co-signed'],
  'suggestion.cosign.declined': ['已谢绝', '已謝絕', 'Declined'],

  'suggestion.field.title': ['标题', '標題', 'Title'],
  'suggestion.field.problem': ['现状（问题与事实）', '現狀（問題與事實）', 'The problem (with its facts)'],
  'suggestion.field.causes': ['原因分析', '原因分析', 'Causes'],
  'suggestion.field.actions': ['具体建议', '具體建議', 'Concrete proposals'],
  'suggestion.field.actionActor': ['由谁办理', '由誰辦理', 'Who should do it'],
  'suggestion.field.units': ['建议承办单位', '建議承辦單位', 'Suggested handling units'],
  'suggestion.field.leadDeputy': ['领衔代表', '領銜代表', 'Lead deputy'],
  'suggestion.field.cosigners': ['联名代表', '聯名代表', 'Co-signing deputies'],
  'suggestion.field.evidence': ['居民反映（依据）', '居民反映（依據）', 'Residents’ concerns (evidence)'],
  'suggestion.field.noEvidenceReason': [
    '没有关联居民反映的原因',
    '沒有關聯居民反映的原因',
    'Why no resident’s concern is linked',
  ],
  'suggestion.field.urgent': [
    '紧急（一个月内答复）',
    '緊急（一個月內答覆）',
    'Urgent (reply within a month)',
  ],
  'suggestion.field.kind': ['类别', '類別', 'Kind'],
  'suggestion.field.dueOn': ['答复期限', '答覆期限', 'Reply due'],
  'suggestion.field.grade': ['答复等级', '答覆等級', 'Reply grade'],
  'suggestion.field.verdict': ['代表对办理的评价', '代表對辦理的評價', 'Deputy’s verdict on the handling'],
  'suggestion.field.submittedAt': ['提交日期', '提交日期', 'Submitted'],
  'suggestion.field.repliedAt': ['答复日期', '答覆日期', 'Replied'],
  'suggestion.field.status': ['状态', '狀態', 'Status'],

  'suggestion.settings.urgent': [
    '紧急代表建议的答复期限',
    '緊急代表建議的答覆期限',
    'Reply to an urgent suggestion',
  ],
  'suggestion.settings.rehandling': [
    '代表建议重新办理期限',
    '代表建議重新辦理期限',
    'Re-handling of a suggestion',
  ],
  'suggestion.settings.maxRehandlings': [
    '代表建议最多重新办理次数',
    '代表建議最多重新辦理次數',
    'Re-handlings allowed per suggestion',
  ],
  'suggestion.settings.maxRehandlingsHint': [
    '代表评价“不满意”时退回承办单位重新办理的次数上限；用完后“不满意”即办结',
    '代表評價「不滿意」時退回承辦單位重新辦理的次數上限；用完後「不滿意」即辦結',
    'How often “unsatisfied” sends a suggestion back to the units; after that, “unsatisfied” closes it',
  ],
  'suggestion.settings.finderDays': [
    '建议线索回溯天数',
    '建議線索回溯天數',
    'Days the suggestion finder looks back',
  ],
  'suggestion.settings.finderDaysHint': [
    '查找同类居民反映时，包括这么多天内收到的反映',
    '查找同類居民反映時，包括這麼多天內收到的反映',
    'The finder groups residents’ concerns received within this many days',
  ],
})
