import { defineMessages } from '../define.ts'

/** Suggestions in the records (issue 18 item 7): the deputy record, the monthly report, the units' table. */
export const suggestionRecords = defineMessages({
  'suggestionRecords.heading': ['代表建议', '代表建議', 'Deputies’ suggestions'],
  'suggestionRecords.led': ['领衔提出（件）', '領銜提出（件）', 'Suggestions led'],
  'suggestionRecords.ledNote': [
    '期间内首次提交、已由街道人大工委接收的建议',
    '期間內首次提交、已由街道人大工委接收的建議',
    'first submitted in the period and filed with the street office',
  ],
  'suggestionRecords.cosigned': ['联名（件）', '聯名（件）', 'Co-signed'],
  'suggestionRecords.cosignedNote': [
    '已确认联名的建议；谢绝或未确认的不计',
    '已確認聯名的建議；謝絕或未確認的不計',
    'confirmed co-signatures only; declined or unanswered ones do not count',
  ],
  'suggestionRecords.firstPass': [
    '一次通过质量检查',
    '一次通過質量檢查',
    'Passed the quality check first time',
  ],
  'suggestionRecords.firstPassNote': [
    '经过检查的 {of} 件中 {n} 件第一次提交即通过',
    '經過檢查的 {of} 件中 {n} 件第一次提交即通過',
    '{n} of {of} checked suggestions passed at the first try',
  ],
  'suggestionRecords.grades': ['承办单位答复等级', '承辦單位答覆等級', 'Units’ reply grades'],
  'suggestionRecords.gradesValue': [
    'A 类 {a} · B 类 {b} · C 类 {c} · D 类 {d}',
    'A 類 {a} · B 類 {b} · C 類 {c} · D 類 {d}',
    'A {a} · B {b} · C {c} · D {d}',
  ],
  'suggestionRecords.gradesNote': [
    '期间内收到的答复 {n} 件（含重新办理后的答复）',
    '期間內收到的答覆 {n} 件（含重新辦理後的答覆）',
    '{n} replies received in the period (re-handling replies included)',
  ],
  'suggestionRecords.onTime': ['按期答复率', '按期答覆率', 'Replied on time'],
  'suggestionRecords.onTimeNote': [
    '有答复期限的 {of} 件答复中按期 {n} 件',
    '有答覆期限的 {of} 件答覆中按期 {n} 件',
    '{n} of {of} replies with a due date came in time',
  ],
  'suggestionRecords.satisfaction': [
    '代表对办理的满意率',
    '代表對辦理的滿意率',
    'Deputies satisfied with the handling',
  ],
  'suggestionRecords.rehandled': [
    '不满意后重新办理（件）',
    '不滿意後重新辦理（件）',
    'Re-handled after “not satisfied”',
  ],
  'suggestionRecords.rehandledNote': [
    '期间内办结的建议中，曾因代表不满意而重新办理的',
    '期間內辦結的建議中，曾因代表不滿意而重新辦理的',
    'of the suggestions closed in the period, those sent back once the deputy was not satisfied',
  ],
  'suggestionRecords.definitions': [
    '口径：领衔、联名按建议第一次提交的日期计入期间，退回修改后再提交的仍按第一次，撤回的不计；答复按收到日期计，每一轮都算；按期指答复日期不晚于当轮期限；满意率按期间内办结的建议的最终评价计算，满意率 =（满意 + 基本满意）÷ 评价数。',
    '口徑：領銜、聯名按建議第一次提交的日期計入期間，退回修改後再提交的仍按第一次，撤回的不計；答覆按收到日期計，每一輪都算；按期指答覆日期不晚於當輪期限；滿意率按期間內辦結的建議的最終評價計算，滿意率 =（滿意 + 基本滿意）÷ 評價數。',
    'Definitions: a suggestion belongs to the period of its first submission (a returned one that is resubmitted keeps that date; a withdrawn one never counts); replies count on the day they arrived, every round; on time means not after that round’s due date; satisfaction uses the final verdict of the suggestions closed in the period, = (satisfied + mostly satisfied) ÷ verdicts.',
  ],
  'suggestionRecords.unitsLink': [
    '承办单位办理代表建议情况（站所评议）',
    '承辦單位辦理代表建議情況（站所評議）',
    'Handling units and deputies’ suggestions (annual review)',
  ],
  'suggestionRecords.colLedCosigned': [
    '代表建议（领衔 / 联名）',
    '代表建議（領銜 / 聯名）',
    'Suggestions (led / co-signed)',
  ],

  'suggestionRecords.month.heading': ['本月代表建议', '本月代表建議', 'Deputies’ suggestions this month'],
  'suggestionRecords.month.filed': ['提出', '提出', 'Filed'],
  'suggestionRecords.month.replies': ['承办单位答复', '承辦單位答覆', 'Units’ replies'],
  'suggestionRecords.month.closed': ['办结', '辦結', 'Closed'],
  'suggestionRecords.month.closedList': ['本月办结的建议', '本月辦結的建議', 'Suggestions closed this month'],
  'suggestionRecords.month.noneClosed': [
    '本月没有办结的代表建议。',
    '本月沒有辦結的代表建議。',
    'No suggestion was closed this month.',
  ],

  'suggestionRecords.units.title': [
    '承办单位办理代表建议情况',
    '承辦單位辦理代表建議情況',
    'Handling units and deputies’ suggestions',
  ],
  'suggestionRecords.units.intro': [
    '供代表每年对基层站所评议时参考：每个承办单位被交办了多少件代表建议、答复是否按期、答复等级、代表对办理是否满意，以及目前仍超期未答复的件数。每个数字都注明样本数 n。',
    '供代表每年對基層站所評議時參考：每個承辦單位被交辦了多少件代表建議、答覆是否按期、答覆等級、代表對辦理是否滿意，以及目前仍超期未答覆的件數。每個數字都註明樣本數 n。',
    'For the deputies’ annual review of the street’s offices: how many suggestions each unit was given, whether it replied on time, how its replies were graded, whether deputies were satisfied, and how many are overdue now. Every figure shows its n.',
  ],
  'suggestionRecords.units.year': ['年度', '年度', 'Year'],
  'suggestionRecords.units.show': ['查看', '查看', 'Show'],
  'suggestionRecords.units.csv': ['下载表格（CSV）', '下載表格（CSV）', 'Download (CSV)'],
  'suggestionRecords.units.scopeAll': [
    '统计范围：全部代表建议',
    '統計範圍：全部代表建議',
    'Counted over: every suggestion',
  ],
  'suggestionRecords.units.scopeStations': [
    '统计范围：您所在联络站的代表建议',
    '統計範圍：您所在聯絡站的代表建議',
    'Counted over: the suggestions of your stations',
  ],
  'suggestionRecords.units.scopeDeputy': [
    '统计范围：您领衔或受邀联名的代表建议',
    '統計範圍：您領銜或受邀聯名的代表建議',
    'Counted over: the suggestions you led or were asked to co-sign',
  ],
  'suggestionRecords.units.caption': [
    '{year} 年各承办单位办理代表建议情况',
    '{year} 年各承辦單位辦理代表建議情況',
    'Handling units’ work on deputies’ suggestions, {year}',
  ],
  'suggestionRecords.units.none': [
    '这一年还没有交办给承办单位的代表建议。',
    '這一年還沒有交辦給承辦單位的代表建議。',
    'No suggestion was given to a handling unit in this year.',
  ],
  'suggestionRecords.units.colUnit': ['承办单位', '承辦單位', 'Unit'],
  'suggestionRecords.units.colReplies': ['答复（件）', '答覆（件）', 'Replies'],
  'suggestionRecords.units.colGrade': ['{grade} 类', '{grade} 類', 'Grade {grade}'],
  'suggestionRecords.units.colOverdue': ['目前超期未答复', '目前超期未答覆', 'Overdue now'],
  'suggestionRecords.units.shareValue': [
    '{share}（{of} 件中 {n} 件）',
    '{share}（{of} 件中 {n} 件）',
    '{share} ({n} of {of})',
  ],
  'suggestionRecords.units.satisfactionValue': [
    '{rate}（n = {n}：满意 {a}，基本满意 {b}，不满意 {c}）',
    '{rate}（n = {n}：滿意 {a}，基本滿意 {b}，不滿意 {c}）',
    '{rate} (n = {n}: satisfied {a}, mostly {b}, not {c})',
  ],
  'suggestionRecords.units.explain': ['各列的含义', '各列的含義', 'What each column means'],
  'suggestionRecords.units.explainAssigned': [
    '街道人大工委把这一年首次提交的代表建议交给该单位主办或协办的件数。',
    '街道人大工委把這一年首次提交的代表建議交給該單位主辦或協辦的件數。',
    'Suggestions first submitted this year that the street office gave the unit to lead or to assist.',
  ],
  'suggestionRecords.units.explainReplies': [
    '该单位这一年送来的答复件数，重新办理后的答复也算一件。',
    '該單位這一年送來的答覆件數，重新辦理後的答覆也算一件。',
    'Replies the unit sent this year; a reply after re-handling counts too.',
  ],
  'suggestionRecords.units.explainOnTime': [
    '答复日期不晚于当轮答复期限的比例；括号里是按期件数和有期限的答复件数 n。',
    '答覆日期不晚於當輪答覆期限的比例；括號裡是按期件數和有期限的答覆件數 n。',
    'Share of replies that came no later than that round’s due date; in brackets, how many and out of n dated replies.',
  ],
  'suggestionRecords.units.explainGrades': [
    '答复等级：A 已解决，B 正在解决，C 列入计划解决，D 留作参考。',
    '答覆等級：A 已解決，B 正在解決，C 列入計劃解決，D 留作參考。',
    'Reply grades: A solved, B being solved, C planned for later, D kept for reference.',
  ],
  'suggestionRecords.units.explainSatisfaction': [
    '这一年办结的、该单位主办或协办的建议中，领衔代表最终评价为满意或基本满意的比例；评价少于 {min} 件只显示、不作比较。',
    '這一年辦結的、該單位主辦或協辦的建議中，領銜代表最終評價為滿意或基本滿意的比例；評價少於 {min} 件只顯示、不作比較。',
    'Of the suggestions the unit led or assisted that closed this year, the share whose lead deputy was finally satisfied or mostly satisfied; fewer than {min} verdicts are shown but not compared.',
  ],
  'suggestionRecords.units.explainOverdue': [
    '今天仍在办理、已过答复期限、该单位本轮还没有答复的建议件数（不分年度）。',
    '今天仍在辦理、已過答覆期限、該單位本輪還沒有答覆的建議件數（不分年度）。',
    'Suggestions still being handled today, past their due date, that the unit has not yet answered in this round (any year).',
  ],
  'suggestionRecords.units.badYear': [
    '年度不对，请选择 2000 年到今年之间的年份。',
    '年度不對，請選擇 2000 年到今年之間的年份。',
    'That year makes no sense: pick a year from 2000 to this year.',
  ],
})
