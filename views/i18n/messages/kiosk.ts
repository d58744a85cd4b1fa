import { defineMessages } from '../define.ts'

export const kiosk = defineMessages({
  'kiosk.welcome': ['欢迎来到{station}', '歡迎來到{station}', 'Welcome to {station}'],
  'kiosk.chooseAction': ['请选择您要办理的事项', '請選擇您要辦理的事項', 'What would you like to do?'],
  'kiosk.action.concern': ['反映问题', '反映問題', 'Raise a concern'],
  'kiosk.action.concernHint': [
    '向人大代表说说您的意见建议',
    '向人大代表說說您的意見建議',
    'Tell a deputy what concerns you',
  ],
  'kiosk.nothingYet': [
    '本机暂未开通自助服务，请向工作人员咨询。',
    '本機暫未開通自助服務，請向工作人員諮詢。',
    'Self-service is not open on this kiosk yet. Please ask a member of staff.',
  ],
  'kiosk.closedToday': ['今天是休息日：{name}', '今天是休息日：{name}', 'Closed today: {name}'],
  'kiosk.today': ['今天是 {date}', '今天是 {date}', 'Today is {date}'],
  'kiosk.duty.now': [
    '正在值班：{name}（{slot}）',
    '正在值班：{name}（{slot}）',
    'On duty now: {name} ({slot})',
  ],
  'kiosk.duty.next': ['下一班：{name}，{when}', '下一班：{name}，{when}', 'Next on duty: {name}, {when}'],
  'kiosk.duty.nobody': ['暂无人值班', '暫無人值班', 'nobody yet'],
  'kiosk.largeText': ['大字', '大字', 'Larger text'],
  'kiosk.normalText': ['标准字', '標準字', 'Normal text'],
  'kiosk.home': ['回到首页', '回到首頁', 'Start again'],
  'kiosk.settings': ['显示设置', '顯示設定', 'Display settings'],
  'kiosk.idle.title': ['还在使用吗？', '還在使用嗎？', 'Are you still there?'],
  'kiosk.idle.body': [
    '{seconds} 秒后将回到首页，已填写的内容会被清除。',
    '{seconds} 秒後將回到首頁，已填寫的內容會被清除。',
    'In {seconds} seconds this screen returns to the start and clears what was entered.',
  ],
  'kiosk.slip.done': ['完成', '完成', 'Done'],
  'kiosk.slip.printAgain': ['再打印一张回执', '再列印一張回執', 'Print another slip'],
  'kiosk.slip.countdown': [
    '{seconds} 秒后回到首页',
    '{seconds} 秒後回到首頁',
    'Back to the start in {seconds} s',
  ],
  'kiosk.slip.phone': ['联络站电话：{phone}', '聯絡站電話：{phone}', 'Station phone: {phone}'],
  'kiosk.slip.hours': ['开放时间：{hours}', '開放時間：{hours}', 'Opening hours: {hours}'],
  'kiosk.slip.keepTrackingCode': [
    '请拍照或抄下这个查询码',
    '請拍照或抄下這個查詢碼',
    'Please photograph or write down this tracking code',
  ],
  'kiosk.slip.keepBookingCode': [
    '请拍照或抄下这个预约码',
    '請拍照或抄下這個預約碼',
    'Please photograph or write down this booking code',
  ],
  'kiosk.idle.continue': ['继续使用', '繼續使用', 'Continue'],
  'kiosk.pair.title': ['绑定自助终端', '綁定自助終端', 'Pair this kiosk'],
  'kiosk.pair.intro': [
    '请输入管理员提供的绑定码。绑定后，本设备将作为该联络站的自助终端使用。',
    '請輸入管理員提供的綁定碼。綁定後，本裝置將作為該聯絡站的自助終端使用。',
    'Enter the pairing code an administrator gave you. This device then becomes a kiosk of that station.',
  ],
  'kiosk.pair.code': ['绑定码', '綁定碼', 'Pairing code'],
  'kiosk.pair.submit': ['绑定', '綁定', 'Pair'],
  'kiosk.pair.invalid': [
    '绑定码无效或已过期，请向管理员重新获取。',
    '綁定碼無效或已過期，請向管理員重新取得。',
    'This pairing code is not valid or has expired. Ask an administrator for a new one.',
  ],
  'kiosk.pair.tooMany': [
    '尝试次数过多，请稍后再试。',
    '嘗試次數過多，請稍後再試。',
    'Too many attempts. Please wait a moment and try again.',
  ],
})
