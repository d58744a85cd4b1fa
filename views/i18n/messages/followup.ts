import { defineMessages } from '../define.ts'

/** Concern follow-up: lifecycle screens, deadlines, verdicts, call-backs, deputy record, monthly report. */
export const followup = defineMessages({
  'followup.event.unitReplied': ['记录承办单位答复', '記錄承辦單位答覆', "Handling unit's reply recorded"],
  'followup.event.verdict': ['群众评价', '群眾評價', "Resident's verdict"],
  'followup.event.undone': ['撤销上一步', '撤銷上一步', 'Previous step undone'],
  'followup.event.escalated': ['逾期，提请街道督办', '逾期，提請街道督辦', 'Overdue: raised with the street office'],
  'followup.event.duplicateLinked': ['合并同类诉求', '合併同類訴求', 'Same concern from another resident linked'],
  'followup.event.erased': ['个人信息已按期删除', '個人資訊已按期刪除', 'Personal details erased as scheduled'],
})
