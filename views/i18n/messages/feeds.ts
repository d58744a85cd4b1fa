import { defineMessages } from '../define.ts'

/** Calendar feeds (订阅链接): the text inside feeds, the subscribe page and the admin list. */
export const feeds = defineMessages({
  // Inside the feeds (the token's language).
  'feeds.cal.deputy': ['{name}：接待与值班', '{name}：接待與值班', '{name}: receptions and duty'],
  'feeds.cal.station': ['{name}：接待日与值班', '{name}：接待日與值班', '{name}: reception days and duty'],
  'feeds.cal.staff': ['{name}：值班', '{name}：值班', '{name}: duty'],
  'feeds.duty.mine': ['值班：{station} {slot}', '值班：{station} {slot}', 'Duty: {station}, {slot}'],
  'feeds.duty.public': ['值班：{slot} · {person}', '值班：{slot} · {person}', 'Duty: {slot} · {person}'],
  'feeds.duty.nobody': ['待安排', '待安排', 'to be arranged'],
  'feeds.duty.staff': ['工作人员', '工作人員', 'station staff'],
  'feeds.duty.deputy': ['{name}代表', '{name}代表', 'Deputy {name}'],
  'feeds.session.public': ['代表接待：{deputy}', '代表接待：{deputy}', 'Deputy reception: {deputy}'],
  'feeds.session.mine': [
    '接待日：{station}（已预约 {count} 人）',
    '接待日：{station}（已預約 {count} 人）',
    'Reception day: {station} ({count} booked)',
  ],
  'feeds.session.noBookings': ['暂无预约', '暫無預約', 'No bookings yet'],
  'feeds.booking.summary': ['预约 {ref}：{topic}', '預約 {ref}：{topic}', 'Booking {ref}: {topic}'],
  'feeds.booking.summaryNamed': [
    '预约 {ref}：{topic} · {surname}',
    '預約 {ref}：{topic} · {surname}',
    'Booking {ref}: {topic} · {surname}',
  ],

  // The subscribe page.
  'feeds.nav.calendar': ['日历订阅', '日曆訂閱', 'Calendar'],
  'feeds.me.title': ['日历订阅', '日曆訂閱', 'Calendar subscription'],
  'feeds.me.intro': [
    '在手机日历里订阅一次，接待日、预约和值班就会自动出现，并随安排变化而更新。',
    '在手機日曆裡訂閱一次，接待日、預約和值班就會自動出現，並隨安排變化而更新。',
    'Subscribe once in your phone’s calendar: reception days, bookings and duty appear there and follow every change.',
  ],
  'feeds.me.none': [
    '您的账号没有可订阅的日程。',
    '您的帳號沒有可訂閱的日程。',
    'Your account has no calendar to subscribe to.',
  ],
  'feeds.me.adminLink': ['管理所有订阅链接', '管理所有訂閱連結', 'Manage every subscription link'],
  'feeds.kind.deputy': ['接待与值班', '接待與值班', 'Receptions and duty'],
  'feeds.kind.station': ['联络站公开日程', '聯絡站公開日程', 'Station’s public calendar'],
  'feeds.kind.staff': ['值班', '值班', 'Duty'],
  'feeds.contains.deputy': [
    '内容：接待日及已预约人数、每个预约（编号、议题、姓氏）和值班。不含电话号码，也不含群众反映的内容。',
    '內容：接待日及已預約人數、每個預約（編號、議題、姓氏）和值班。不含電話號碼，也不含群眾反映的內容。',
    'Holds reception days with how many are booked, each booking (number, topic, surname) and duty. Never a phone number or what a resident raised.',
  ],
  'feeds.contains.station': [
    '内容：代表接待日和值班安排，不含任何预约。',
    '內容：代表接待日和值班安排，不含任何預約。',
    'Holds the deputies’ reception days and who is on duty; no bookings.',
  ],
  'feeds.contains.staff': ['内容：值班安排。', '內容：值班安排。', 'Holds the duty shifts.'],
  'feeds.state.none': ['还没有订阅链接。', '還沒有訂閱連結。', 'There is no subscription link yet.'],
  'feeds.state.live': [
    '订阅链接创建于 {time}。',
    '訂閱連結建立於 {time}。',
    'The subscription link was made on {time}.',
  ],
  'feeds.state.fetched': [
    '日历应用最近一次读取：{time}。',
    '日曆應用程式最近一次讀取：{time}。',
    'A calendar app last fetched it on {time}.',
  ],
  'feeds.state.neverFetched': [
    '还没有日历应用读取过它。',
    '還沒有日曆應用程式讀取過它。',
    'No calendar app has fetched it yet.',
  ],
  'feeds.state.hidden': [
    '为安全起见，链接只在生成时显示一次。换了手机或找不到链接时，请生成新链接，旧链接随即失效。',
    '為安全起見，連結只在產生時顯示一次。換了手機或找不到連結時，請產生新連結，舊連結隨即失效。',
    'For safety the link is shown only once, when it is made. For a new phone, or if it is lost, make a new link; the old one stops working at once.',
  ],
  'feeds.action.issue': ['生成订阅链接', '產生訂閱連結', 'Make a subscription link'],
  'feeds.action.rotate': ['生成新链接', '產生新連結', 'Make a new link'],
  'feeds.action.revoke': ['停用订阅', '停用訂閱', 'Turn the subscription off'],
  'feeds.notice.revoked': [
    '订阅链接已停用，日历应用将无法再读取。',
    '訂閱連結已停用，日曆應用程式將無法再讀取。',
    'The subscription link is off; calendar apps can no longer fetch it.',
  ],
  'feeds.issued.heading': ['新的订阅链接', '新的訂閱連結', 'Your new subscription link'],
  'feeds.issued.once': [
    '请现在就订阅：离开本页后，链接不会再显示。',
    '請現在就訂閱：離開本頁後，連結不會再顯示。',
    'Subscribe now: the link is not shown again once you leave this page.',
  ],
  'feeds.issued.webcal': ['手机日历链接（webcal）', '手機日曆連結（webcal）', 'Phone calendar link (webcal)'],
  'feeds.issued.https': ['网址（https）', '網址（https）', 'Web address (https)'],
  'feeds.issued.qr': [
    '用 iPhone 相机扫描此二维码即可订阅',
    '用 iPhone 相機掃描此 QR 碼即可訂閱',
    'Scan this QR code with the iPhone camera to subscribe',
  ],
  'feeds.issued.google': ['添加到 Google 日历', '加入 Google 日曆', 'Add to Google Calendar'],
  'feeds.howto.heading': ['如何订阅', '如何訂閱', 'How to subscribe'],
  'feeds.howto.iphone': [
    'iPhone：用相机扫描二维码，或在手机上点“手机日历链接”，再点“订阅”。',
    'iPhone：用相機掃描 QR 碼，或在手機上點「手機日曆連結」，再點「訂閱」。',
    'iPhone: scan the QR code with the camera, or tap the phone calendar link on the phone, then tap Subscribe.',
  ],
  'feeds.howto.google': [
    '安卓 / Google 日历：在电脑上打开 Google 日历，选“其他日历”→“通过网址添加”，粘贴 https 网址；手机上的 Google 日历会随后同步。',
    '安卓 / Google 日曆：在電腦上開啟 Google 日曆，選「其他日曆」→「透過網址新增」，貼上 https 網址；手機上的 Google 日曆會隨後同步。',
    'Android / Google Calendar: on a computer open Google Calendar, choose Other calendars → From URL and paste the https address; the phone’s Google Calendar then syncs it.',
  ],
  'feeds.howto.outlook': [
    'Outlook：选“添加日历”→“从 Web 订阅”，粘贴 https 网址。',
    'Outlook：選「新增行事曆」→「從網路訂閱」，貼上 https 網址。',
    'Outlook: choose Add calendar → Subscribe from web and paste the https address.',
  ],
  'feeds.howto.refresh': [
    '更新频率：iPhone 按“获取新数据”的设置，通常一小时内；Google 日历每 8 至 24 小时一次，无法手动刷新；Outlook 每几小时一次，最长约一天。',
    '更新頻率：iPhone 依「取得新資料」的設定，通常一小時內；Google 日曆每 8 至 24 小時一次，無法手動重新整理；Outlook 每幾小時一次，最長約一天。',
    'How soon changes arrive: iPhone follows its Fetch New Data setting, usually within an hour; Google Calendar every 8 to 24 hours and cannot be hurried; Outlook every few hours, at most about a day.',
  ],
  'feeds.howto.reachable': [
    'Google 和 Outlook 从互联网读取日历，只有本服务器能从外网访问时才能订阅；iPhone 在同一网络内即可。',
    'Google 和 Outlook 從網際網路讀取日曆，只有本伺服器能從外網存取時才能訂閱；iPhone 在同一網路內即可。',
    'Google and Outlook fetch calendars over the internet, so they can subscribe only when this server is reachable from outside; an iPhone on the same network can always.',
  ],

  // Administration.
  'feeds.admin.title': ['日历订阅链接', '日曆訂閱連結', 'Calendar subscription links'],
  'feeds.admin.intro': [
    '为代表、联络站和工作人员生成、更换或停用日历订阅链接。',
    '為代表、聯絡站和工作人員產生、更換或停用日曆訂閱連結。',
    'Make, replace or turn off calendar subscription links for deputies, stations and staff.',
  ],
  'feeds.admin.deputies': ['代表', '代表', 'Deputies'],
  'feeds.admin.stations': ['联络站', '聯絡站', 'Stations'],
  'feeds.admin.staff': ['工作人员', '工作人員', 'Staff'],
  'feeds.admin.col.name': ['名称', '名稱', 'Name'],
  'feeds.admin.col.state': ['订阅链接', '訂閱連結', 'Subscription link'],
  'feeds.admin.col.fetched': ['最近读取', '最近讀取', 'Last fetched'],
  'feeds.admin.col.actions': ['操作', '操作', 'Actions'],
  'feeds.admin.state.live': ['已启用（{time} 生成）', '已啟用（{time} 產生）', 'On (made {time})'],
  'feeds.admin.state.none': ['未启用', '未啟用', 'Off'],
  'feeds.admin.never': ['从未', '從未', 'Never'],
  'feeds.admin.manage': ['管理', '管理', 'Manage'],
  'feeds.admin.subject': [
    '订阅链接：{name}（{kind}）',
    '訂閱連結：{name}（{kind}）',
    'Subscription link: {name} ({kind})',
  ],

  'feeds.error.tooMany': [
    '请求过于频繁，请稍后再试。',
    '請求過於頻繁，請稍後再試。',
    'Too many requests; please try again later.',
  ],
})
