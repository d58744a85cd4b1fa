import { MIN_PASSWORD } from '../../../server/domain/password-policy.ts'
import { defineMessages } from '../define.ts'

export const auth = defineMessages({
  'login.title': ['工作人员登录', '工作人員登入', 'Staff log-in'],
  'login.username': ['用户名', '使用者名稱', 'Username'],
  'login.password': ['密码', '密碼', 'Password'],
  'login.submit': ['登录', '登入', 'Log in'],
  'login.failed': [
    '用户名或密码不正确。',
    '使用者名稱或密碼不正確。',
    'The username or password is not correct.',
  ],
  'login.tooMany': [
    '尝试次数过多，请 {minutes} 分钟后再试。',
    '嘗試次數過多，請 {minutes} 分鐘後再試。',
    'Too many attempts. Please try again in {minutes} minutes.',
  ],
  'login.loggedOut': ['您已退出登录。', '您已登出。', 'You have logged out.'],
  'home.title': ['工作台', '工作台', 'Workspace'],
  'home.welcome': ['{name}，您好。', '{name}，您好。', 'Hello, {name}.'],
  'home.link.today': ['今日接待与排队', '今日接待與排隊', 'Today and the queue'],
  'home.link.intake': [
    '代录来电、微信、来信诉求',
    '代錄來電、微信、來信訴求',
    'Record a phone, WeChat or letter concern',
  ],
  'home.link.roster': ['值班表', '值班表', 'Duty roster'],
  'home.link.console': ['接待台（叫号）', '接待台（叫號）', 'Reception console (call numbers)'],
  'home.link.myDuty': ['我的值班', '我的值班', 'My duty'],
  'home.stations': ['您负责的联络站', '您負責的聯絡站', 'Your stations'],
  'home.noStations': [
    '尚未给您分配联络站，请联系管理员。',
    '尚未給您分配聯絡站，請聯絡管理員。',
    'No station is assigned to you yet. Ask an administrator.',
  ],
  'password.tooShort': [
    `密码至少需要 ${MIN_PASSWORD} 个字符。`,
    `密碼至少需要 ${MIN_PASSWORD} 個字元。`,
    `A password needs at least ${MIN_PASSWORD} characters.`,
  ],
  'password.tooLong': ['密码太长。', '密碼太長。', 'This password is too long.'],
  'password.common': [
    '这是常见密码，很容易被猜到，请换一个。',
    '這是常見密碼，很容易被猜到，請換一個。',
    'This is a common password that is easy to guess. Choose another.',
  ],
  'password.repeated': [
    '密码不能只是同一个字符或同一段字符的重复。',
    '密碼不能只是同一個字元或同一段字元的重複。',
    'A password cannot be one character or one short group repeated.',
  ],
  'password.sequence': [
    '密码不能是简单序列（如 123456789012、abcdefghijkl 或键盘上的一排字母）。',
    '密碼不能是簡單序列（如 123456789012、abcdefghijkl 或鍵盤上的一排字母）。',
    'A password cannot be a simple sequence (like 123456789012, abcdefghijkl or a row of keys).',
  ],
  'password.rules': [
    `至少 ${MIN_PASSWORD} 个字符；不能是常见密码、重复字符或简单序列。一句好记的话就很好。`,
    `至少 ${MIN_PASSWORD} 個字元；不能是常見密碼、重複字元或簡單序列。一句好記的話就很好。`,
    `At least ${MIN_PASSWORD} characters; not a common password, a repeated character or a simple sequence. A phrase you can remember works well.`,
  ],
  'password.title': ['修改密码', '修改密碼', 'Change password'],
  'password.current': ['当前密码', '目前密碼', 'Current password'],
  'password.new': ['新密码', '新密碼', 'New password'],
  'password.confirm': ['再次输入新密码', '再次輸入新密碼', 'New password again'],
  'password.submit': ['修改密码', '修改密碼', 'Change password'],
  'password.wrongCurrent': ['当前密码不正确。', '目前密碼不正確。', 'The current password is not correct.'],
  'password.mismatch': [
    '两次输入的新密码不一致。',
    '兩次輸入的新密碼不一致。',
    'The two new passwords do not match.',
  ],
  'password.sameAsCurrent': [
    '新密码不能与当前密码相同。',
    '新密碼不能與目前密碼相同。',
    'The new password must differ from the current one.',
  ],
  'password.mustChange': [
    '管理员要求您先修改密码，之后才能继续使用。',
    '管理員要求您先修改密碼，之後才能繼續使用。',
    'An administrator asks you to change your password before you go on.',
  ],
  'password.changed': [
    '密码已修改。此账号在其他设备上的登录已失效。',
    '密碼已修改。此帳號在其他裝置上的登入已失效。',
    'Your password has been changed. This account has been signed out everywhere else.',
  ],
  'nav.password': ['修改密码', '修改密碼', 'Change password'],
})
