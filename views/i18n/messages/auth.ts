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
})
