import { defineMessages } from '../define.ts'

/** Booking a reception slot from a resident's own phone (/m/book, /m/booking/CODE; issue 16). */
export const phoneBooking = defineMessages({
  'mbook.title': ['预约代表接待', '預約代表接待', 'Book a meeting with a deputy'],
  'mbook.lead': [
    '选一位代表，或选您所在选区的任一位代表，再选日子和时间。',
    '選一位代表，或選您所在選區的任一位代表，再選日子和時間。',
    'Choose a deputy, or any deputy of your district, then a day and a time.',
  ],
  'mbook.yourPlace': [
    '您的地点：{place}（{district}）',
    '您的地點：{place}（{district}）',
    'Your place: {place} ({district})',
  ],
  'mbook.allDistricts': ['看所有选区的代表', '看所有選區的代表', 'Show the deputies of every district'],
  'mbook.findByPlace': [
    '不知道自己属于哪个选区？按所在社区、村或单位查找',
    '不知道自己屬於哪個選區？按所在社區、村或單位查找',
    'Not sure of your district? Find it by your community, village or workplace',
  ],
  'mbook.haveCode': [
    '我已有预约码：查看或取消',
    '我已有預約碼：查看或取消',
    'I have a booking code: see or cancel it',
  ],
  'mbook.none': [
    '近期没有可以预约的接待日。您可以直接在手机上反映问题。',
    '近期沒有可以預約的接待日。您可以直接在手機上反映問題。',
    'There is no reception day with free times coming up. You can raise your concern from your phone instead.',
  ],
  'mbook.raise': ['反映问题', '反映問題', 'Raise a concern'],
  'mbook.step': ['第 {n} 步，共 {total} 步', '第 {n} 步，共 {total} 步', 'Step {n} of {total}'],
  'mbook.stationLine': [
    '{station}（地址：{address}）',
    '{station}（地址：{address}）',
    '{station} (address: {address})',
  ],
  'mbook.change': ['改选代表', '改選代表', 'Choose another deputy'],
  'mbook.placeLabel': ['您住在或工作在哪里', '您住在或工作在哪裡', 'Where you live or work'],
  'mbook.placeHint': [
    '帮助代表了解各社区、村和单位的情况；可以不选。',
    '幫助代表了解各社區、村和單位的情況；可以不選。',
    'Helps the deputies see which communities, villages and workplaces they reach; you may leave it.',
  ],
  'mbook.placeNone': ['不选', '不選', 'Not given'],
  'mbook.purpose': [
    '姓名和电话只用于这次预约：接待时间如有变动，工作人员会打电话告诉您；也可凭电话在联络站查找预约。不作他用，接待结束后按规定删除。',
    '姓名和電話只用於這次預約：接待時間如有變動，工作人員會打電話告訴您；也可憑電話在聯絡站查找預約。不作他用，接待結束後按規定刪除。',
    'Your name and phone are used for this booking only: if the time changes, a clerk will ring you, and the station can find your booking by the number. Nothing else; they are erased after the reception as the rules say.',
  ],
  'mbook.nameHint': [
    '可以只写姓，例如：王先生',
    '可以只寫姓，例如：王先生',
    'Your surname is enough, e.g. Mr Wang',
  ],
  'mbook.phoneHint': [
    '手机或带区号的座机',
    '手機或帶區號的座機',
    'A mobile, or a landline with its area code',
  ],
  'mbook.smsLabel': [
    '给我发短信：预约确认和前一天的提醒',
    '給我發短信：預約確認和前一天的提醒',
    'Text me: the booking confirmation and a reminder the day before',
  ],
  'mbook.smsHint': [
    '可以不勾选；不勾选也能预约，只是不发短信。',
    '可以不勾選；不勾選也能預約，只是不發短信。',
    'Optional: you can book without it; we just send no text messages.',
  ],
  'mbook.submit': ['确认预约', '確認預約', 'Book this time'],
  'mbook.bookedTitle': ['预约成功', '預約成功', 'You are booked'],
  'mbook.bookingTitle': ['我的预约', '我的預約', 'My booking'],
  'mbook.codeLabel': ['预约码', '預約碼', 'Booking code'],
  'mbook.showCode': [
    '当天请出示这个预约码：在联络站的自助终端点“预约签到 / 取消”输入，或给工作人员看。开始前 {minutes} 分钟内可以签到。',
    '當天請出示這個預約碼：在聯絡站的自助終端點「預約簽到 / 取消」輸入，或給工作人員看。開始前 {minutes} 分鐘內可以簽到。',
    'On the day, show this code: enter it at the station’s kiosk under “Check in or cancel a booking”, or show it to the clerk. Check-in opens {minutes} minutes before your time.',
  ],
  'mbook.saveLink': [
    '请保存或收藏这个页面，凭它查看和取消预约：',
    '請保存或收藏這個頁面，憑它查看和取消預約：',
    'Save or bookmark this page to see or cancel your booking later:',
  ],
  'mbook.station': ['联络站', '聯絡站', 'Station'],
  'mbook.address': ['地址', '地址', 'Address'],
  'mbook.room': ['接待地点', '接待地點', 'Room'],
  'mbook.day': ['日期', '日期', 'Day'],
  'mbook.time': ['时间', '時間', 'Time'],
  'mbook.cancel': ['取消这个预约', '取消這個預約', 'Cancel this booking'],
  'mbook.cancelledNotice': [
    '预约已取消，这个时间会留给其他居民。',
    '預約已取消，這個時間會留給其他居民。',
    'Your booking is cancelled; the time is free for someone else.',
  ],
  'mbook.bookAgain': ['重新预约', '重新預約', 'Book again'],
  'mbook.findTitle': ['查找我的预约', '查找我的預約', 'Find my booking'],
  'mbook.findLead': [
    '请输入预约成功时显示的 6 位预约码。',
    '請輸入預約成功時顯示的 6 位預約碼。',
    'Enter the 6-character code shown when you booked.',
  ],
  'mbook.findSubmit': ['查找', '查找', 'Find'],
  'mbook.badCode': [
    '预约码是 6 位字母和数字，例如 ABC-234，请核对。',
    '預約碼是 6 位字母和數字，例如 ABC-234，請核對。',
    'A booking code is 6 letters and digits, e.g. ABC-234. Please check it.',
  ],
  'mbook.notFoundTitle': ['找不到这个预约', '找不到這個預約', 'No such booking'],
  'mbook.notFoundBody': [
    '没有预约使用这个预约码。请核对后重新输入，或打电话问联络站。',
    '沒有預約使用這個預約碼。請核對後重新輸入，或打電話問聯絡站。',
    'No booking has this code. Please check it and try again, or ring the station.',
  ],
  'mbook.tooMany': [
    '查询次数太多，请过几分钟再试。',
    '查詢次數太多，請過幾分鐘再試。',
    'Too many attempts. Please try again in a few minutes.',
  ],
  'mbook.tooManyBookings': [
    '这台设备预约次数太多，请过一会儿再试，或打电话给联络站。',
    '這台設備預約次數太多，請過一會兒再試，或打電話給聯絡站。',
    'Too many bookings from here. Please try again later, or ring the station.',
  ],
  'mbook.goneTitle': ['这个时间已不能预约', '這個時間已不能預約', 'This time cannot be booked'],
})
