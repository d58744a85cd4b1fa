import { defineMessages } from '../define.ts'

/** Issue 16: each staff member's and deputy's own mobile and notice channel (/me/notifications). */
export const notifySettings = defineMessages({
  'notify.title': ['通知方式', '通知方式', 'How I get notices'],
  'notify.nav': ['通知方式', '通知方式', 'Notices'],
  'notify.intro': [
    '值班提醒、呼叫工作人员和代表每周日程可以发到群机器人，也可以用短信发到您的手机。手机号只用于给您发这些通知，不会公开。',
    '值班提醒、呼叫工作人員和代表每週日程可以發到群機器人，也可以用簡訊發到您的手機。手機號只用於給您發這些通知，不會公開。',
    'Duty reminders, calls for help from a kiosk and a deputy’s weekly schedule can go to the group chat bot or by SMS to your mobile. Your number is used only for these notices and is never shown publicly.',
  ],
  'notify.phone': ['手机号', '手機號', 'Mobile number'],
  'notify.phoneHint': [
    '中国大陆手机号，11 位。不用短信可留空。',
    '中國大陸手機號，11 位。不用簡訊可留空。',
    'A mainland China mobile, 11 digits. Leave blank if you do not want SMS.',
  ],
  'notify.channel': ['通知发到', '通知發到', 'Send my notices to'],
  'notify.channel.webhook': ['群机器人（默认）', '群機器人（預設）', 'The group chat bot (default)'],
  'notify.channel.sms': ['短信', '簡訊', 'SMS to my mobile'],
  'notify.phoneInvalid': [
    '请填写 11 位中国大陆手机号。',
    '請填寫 11 位中國大陸手機號。',
    'Enter an 11-digit mainland China mobile number.',
  ],
  'notify.phoneNeeded': [
    '选择短信时需要填写手机号。',
    '選擇簡訊時需要填寫手機號。',
    'SMS needs a mobile number.',
  ],
  'notify.saved': ['通知方式已保存。', '通知方式已儲存。', 'Your notice settings are saved.'],
  'notify.submit': ['保存', '儲存', 'Save'],
  'smsWeek.day.1': ['周一', '週一', 'Mon'],
  'smsWeek.day.2': ['周二', '週二', 'Tue'],
  'smsWeek.day.3': ['周三', '週三', 'Wed'],
  'smsWeek.day.4': ['周四', '週四', 'Thu'],
  'smsWeek.day.5': ['周五', '週五', 'Fri'],
  'smsWeek.day.6': ['周六', '週六', 'Sat'],
  'smsWeek.day.7': ['周日', '週日', 'Sun'],
  'smsWeek.reception': ['接待', '接待', 'reception'],
  'smsWeek.duty': ['值班', '值班', 'duty'],
  'smsWeek.more': ['等另 {n} 项', '等另 {n} 項', 'and {n} more'],
  'smsWeek.week': ['{from}至{to}', '{from}至{to}', '{from} to {to}'],
  'smsWeek.job': ['代表每周日程短信', '代表每週日程簡訊', 'Deputies’ weekly schedule by SMS'],
})
