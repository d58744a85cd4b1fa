import { defineMessages } from '../define.ts'

/** The kiosk's surname grid and phrase chips (issue 15), and the admin screens for the chips. */
export const chips = defineMessages({
  'names.legend': ['请点您的姓', '請點您的姓', 'Tap your surname'],
  'names.page': ['第 {n} / {total} 页', '第 {n} / {total} 頁', 'Page {n} of {total}'],
  'names.more': ['更多姓氏', '更多姓氏', 'More surnames'],
  'names.other': ['其他姓氏', '其他姓氏', 'Other surname'],
  'names.otherHelp': [
    '请找工作人员帮您登记姓名；有键盘时也可以在下面的“姓名”框里自己输入。',
    '請找工作人員幫您登記姓名；有鍵盤時也可以在下面的「姓名」框裡自己輸入。',
    'Please ask a member of staff to enter your name for you; if a keyboard is attached, you can also type it in the “Name” box below.',
  ],
  'names.honorificLegend': ['怎么称呼您', '怎麼稱呼您', 'How should we address you?'],
  'names.mr': ['先生', '先生', 'Mr'],
  'names.ms': ['女士', '女士', 'Ms'],

  'chips.legend': [
    '您想反映什么（可多选）',
    '您想反映什麼（可多選）',
    'What is it about? (tap all that apply)',
  ],
  'chips.inPerson': ['我想当面跟代表说', '我想當面跟代表說', 'I’d rather tell the deputy'],
  'chips.unknown': [
    '所选的内容已不可用，请重新选择。',
    '所選的內容已不可用，請重新選擇。',
    'Some of the chosen items are no longer offered. Please choose again.',
  ],
  'chips.shown': ['居民选择的内容', '居民選擇的內容', 'What the resident chose'],

  'admin.phrases.title': ['“{topic}”的常用短语', '「{topic}」的常用短語', 'Phrases for “{topic}”'],
  'admin.phrases.intro': [
    '居民在自助终端上点选这些短语来说明问题，不用打字。三种语言都必须填写。',
    '居民在自助終端上點選這些短語來說明問題，不用打字。三種語言都必須填寫。',
    'Residents tap these phrases on the kiosk to say what their concern is about, without typing. All three languages are required.',
  ],
  'admin.phrases.add': ['添加短语', '新增短語', 'Add a phrase'],
  'admin.phrases.edit': ['修改短语', '修改短語', 'Edit phrase'],
  'admin.phrases.column': ['短语', '短語', 'Phrases'],
  'admin.phrases.manage': ['短语（{n}）', '短語（{n}）', 'Phrases ({n})'],
  'admin.phrases.activeHint': [
    '停用后不再显示在自助终端上；已选过它的问题仍然显示它。',
    '停用後不再顯示在自助終端上；已選過它的問題仍然顯示它。',
    'An inactive phrase is no longer offered on the kiosk; concerns that chose it still show it.',
  ],
})
