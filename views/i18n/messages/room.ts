import { defineMessages } from '../define.ts'

/** The call-staff button of the kiosk and its notice on the station's today page; the board's voice. */
export const room = defineMessages({
  'staffCall.button': ['呼叫工作人员', '呼叫工作人員', 'Call staff'],
  'staffCall.coming': [
    '工作人员马上就来，请在这里稍候。',
    '工作人員馬上就來，請在這裡稍候。',
    'Someone is coming. Please wait here.',
  ],
  'staffCall.alreadyComing': [
    '已经通知工作人员，马上就来，请在这里稍候。',
    '已經通知工作人員，馬上就來，請在這裡稍候。',
    'Staff already know and someone is coming. Please wait here.',
  ],
  'staffCall.back': ['返回', '返回', 'Back'],
  'staffCall.tooMany': [
    '呼叫次数太多，请稍后再试，或直接到服务台找工作人员。',
    '呼叫次數太多，請稍後再試，或直接到服務台找工作人員。',
    'Too many calls from this kiosk. Please try again shortly or go to the desk.',
  ],
  'staffCall.mail.subject': [
    '{station}：{kiosk} 呼叫工作人员',
    '{station}：{kiosk} 呼叫工作人員',
    '{station}: {kiosk} calls for staff',
  ],
  'staffCall.mail.body': [
    '{time} 有居民在 {kiosk} 按下了“呼叫工作人员”，请前往协助。',
    '{time} 有居民在 {kiosk} 按下了「呼叫工作人員」，請前往協助。',
    'At {time} a resident at {kiosk} pressed "Call staff". Please go and help.',
  ],
  'staffCall.heading': ['居民呼叫', '居民呼叫', 'Calls from kiosks'],
  'staffCall.none': ['暂无待处理的呼叫。', '暫無待處理的呼叫。', 'No open calls.'],
  'staffCall.item': [
    '{kiosk} · {time} 呼叫（{ago}）',
    '{kiosk} · {time} 呼叫（{ago}）',
    '{kiosk} · called at {time} ({ago})',
  ],
  'staffCall.justNow': ['刚刚', '剛剛', 'just now'],
  'staffCall.minutesAgo': ['{n} 分钟前', '{n} 分鐘前', '{n} min ago'],
  'staffCall.unknownKiosk': ['自助终端', '自助終端', 'a kiosk'],
  'staffCall.answer': ['我来处理', '我來處理', "I'm on it"],
  'staffCall.answerFor': ['我来处理：{kiosk}', '我來處理：{kiosk}', "I'm on it: {kiosk}"],
  'staffCall.answered': ['已由您接手该呼叫。', '已由您接手該呼叫。', 'You took the call.'],
  'staffCall.gone': [
    '该呼叫已有其他工作人员处理。',
    '該呼叫已有其他工作人員處理。',
    'Someone else already took this call.',
  ],

  // What the room board says aloud for a call (browser speech synthesis).
  'queue.display.speak': [
    '请 {number} 号到{place}',
    '請 {number} 號到{place}',
    'Number {number}, please go to {place}',
  ],
  'queue.display.speakDeputy': [
    '请 {number} 号到 {name} 代表处',
    '請 {number} 號到 {name} 代表處',
    'Number {number}, please go to Deputy {name}',
  ],
})
