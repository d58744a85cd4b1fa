import { defineMessages } from '../define.ts'

/**
 * The quality check of a suggestion (issue 18 item 3): the checklist's words, the vague-word and
 * action-verb lists of each language (comma-separated; server/domain/suggestion-quality.ts unions
 * all three columns, so a draft in any language is checked) and the five templates.
 */
export const suggestionQuality = defineMessages({
  // ── The lists the rules read (all three columns are used, whatever the reader's language) ──
  'suggestion.quality.vagueWords': [
    '加强,重视,高度重视,进一步,切实,积极,研究,推进,推动,完善,管理,力度,加大,落实,协调,解决,关注,关心,提高,提升,改善,优化,规范,健全,强化,尽快,尽早,抓紧,有效,认真,大力,努力,充分,合理,适当,妥善,统筹,督促,引导,探索,着力,持续,逐步,有关部门,相关部门,机制,长效,问题,工作,情况',
    '加強,重視,高度重視,進一步,切實,積極,研究,推進,推動,完善,管理,力度,加大,落實,協調,解決,關注,關心,提高,提升,改善,優化,規範,健全,強化,儘快,盡快,儘早,抓緊,有效,認真,大力,努力,充分,合理,適當,妥善,統籌,督促,引導,探索,著力,持續,逐步,有關部門,相關部門,機制,長效,問題,工作,情況',
    'strengthen,further,enhance,improve,attach importance,pay attention,actively,study,research,promote,advance,perfect,manage,effort,intensify,implement,coordinate,address,solve,resolve,focus,optimise,optimize,standardise,standardize,as soon as possible,effectively,earnestly,vigorously,properly,appropriate,appropriately,relevant departments,mechanism,long-term,continue,gradually,guide,explore,supervise,urge,issue,problem,matter',
  ],
  'suggestion.quality.actionVerbs': [
    '维修,修缮,修复,修补,更换,加装,增设,安装,拆除,清理,清运,清淤,疏通,整改,公开,公示,公布,开通,开放,调整,延长,延伸,缩短,铺设,修建,新建,建设,改造,补贴,设置,配备,增加,减少,划定,施划,拓宽,硬化,绿化,亮化,检测,监测,整治,关停,搬迁,迁移,取缔,补发,发放,核查,复核,退还,减免,降低,设立,开设,建立,恢复,加密,提供,纳入,办结,审批,批准',
    '維修,修繕,修復,修補,更換,加裝,增設,安裝,拆除,清理,清運,清淤,疏通,整改,公開,公示,公布,開通,開放,調整,延長,延伸,縮短,鋪設,修建,新建,建設,改造,補貼,設置,配備,增加,減少,劃定,施劃,拓寬,硬化,綠化,亮化,檢測,監測,整治,關停,搬遷,遷移,取締,補發,發放,核查,複核,退還,減免,降低,設立,開設,建立,恢復,加密,提供,納入,辦結,審批,批准',
    'repair,fix,replace,install,add,build,construct,remove,demolish,clear,clean,dredge,unblock,rectify,publish,disclose,open,adjust,extend,shorten,pave,resurface,subsidise,subsidize,set up,paint,mark,widen,inspect,test,monitor,shut,relocate,reimburse,refund,reduce,waive,lower,establish,restore,provide,plant,approve,include',
  ],

  // ── The checklist ──
  'suggestion.quality.heading': ['提交前质量检查', '提交前質量檢查', 'Quality check before submitting'],
  'suggestion.quality.intro': [
    '这是一张清单，不是打分：必需项都满足才能提交；提醒项不影响提交，但补上后承办单位更好办理。',
    '這是一張清單，不是打分：必需項都滿足才能提交；提醒項不影響提交，但補上後承辦單位更好辦理。',
    'A checklist, not a score: every required item must be met before submitting; reminders do not stop you, but help the units act on it.',
  ],
  'suggestion.quality.passed': [
    '必需项全部满足，可以提交。',
    '必需項全部滿足，可以提交。',
    'Every required item is met: the suggestion can be submitted.',
  ],
  'suggestion.quality.failed': [
    '还有 {n} 项必需项未满足，暂不能提交。',
    '還有 {n} 項必需項未滿足，暫不能提交。',
    '{n} required item(s) not met yet: the suggestion cannot be submitted.',
  ],
  'suggestion.quality.requiredHeading': ['必需项', '必需項', 'Required'],
  'suggestion.quality.optionalHeading': ['提醒项（可选）', '提醒項（可選）', 'Reminders (optional)'],
  'suggestion.quality.required': ['必需', '必需', 'Required'],
  'suggestion.quality.optional': ['可选', '可選', 'Optional'],
  'suggestion.quality.state.ok': ['满足', '滿足', 'Met'],
  'suggestion.quality.state.fail': ['未满足', '未滿足', 'Not met'],
  'suggestion.quality.state.warn': ['提醒', '提醒', 'Reminder'],
  'suggestion.quality.actionNumber': ['第{n}条建议', '第{n}條建議', 'Proposal {n}'],
  'suggestion.quality.actorOf': ['第{n}条的办理单位', '第{n}條的辦理單位', 'Who does proposal {n}'],
  'suggestion.quality.actionCount': ['建议条数', '建議條數', 'Number of proposals'],
  'suggestion.quality.lengthOf': [
    '{field}：{length} 字（应为 {min}–{max} 字）',
    '{field}：{length} 字（應為 {min}–{max} 字）',
    '{field}: {length} characters (should be {min}–{max})',
  ],
  'suggestion.quality.countOf': [
    '{field}：{length} 条（最多 {max} 条）',
    '{field}：{length} 條（最多 {max} 條）',
    '{field}: {length} (at most {max})',
  ],

  'suggestion.quality.item.one_matter': [
    '一事一议：标题只写一件事',
    '一事一議：標題只寫一件事',
    'One matter: the title names a single matter',
  ],
  'suggestion.quality.ok.one_matter': [
    '标题写的是一件事。',
    '標題寫的是一件事。',
    'The title names one matter.',
  ],
  'suggestion.quality.fail.one_matter': [
    '标题像是几件事：{parts}。请每件事单独写一条建议。',
    '標題像是幾件事：{parts}。請每件事單獨寫一條建議。',
    'The title looks like several matters: {parts}. Write one suggestion per matter.',
  ],
  'suggestion.quality.item.facts': [
    '现状写明事实：数量和地点',
    '現狀寫明事實：數量和地點',
    'The problem states facts: a number and a place',
  ],
  'suggestion.quality.ok.facts': [
    '现状写了数量（如“{number}”）和地点（如“{place}”）。',
    '現狀寫了數量（如「{number}」）和地點（如「{place}」）。',
    'The problem gives a number (e.g. “{number}”) and a place (e.g. “{place}”).',
  ],
  'suggestion.quality.fail.factsNumber': [
    '现状缺少数量：写上多少户、几栋、几次、多少米等，例如“13户”“3栋”“停运12次”。',
    '現狀缺少數量：寫上多少戶、幾棟、幾次、多少米等，例如「13戶」「3棟」「停運12次」。',
    'The problem gives no number: say how many households, buildings, times or metres, e.g. “13 households”, “stopped 12 times”.',
  ],
  'suggestion.quality.fail.factsPlace': [
    '现状缺少地点：写明小区、村、路、楼栋或学校、市场的名称。',
    '現狀缺少地點：寫明小區、村、路、樓棟或學校、市場的名稱。',
    'The problem names no place: give the estate, village, road, building, school or market.',
  ],
  'suggestion.quality.item.concrete_action': [
    '至少一条具体、可检查的建议（做什么、对什么、由谁做）',
    '至少一條具體、可檢查的建議（做什麼、對什麼、由誰做）',
    'At least one concrete, checkable proposal (what to do, to what, by whom)',
  ],
  'suggestion.quality.ok.concrete_action': [
    '有 {n} 条建议写明了具体做法、对象和办理单位。',
    '有 {n} 條建議寫明了具體做法、對象和辦理單位。',
    '{n} proposal(s) say what to do, to what and by whom.',
  ],
  'suggestion.quality.fail.noActions': [
    '还没有写具体建议。',
    '還沒有寫具體建議。',
    'No proposal written yet.',
  ],
  'suggestion.quality.fail.noConcreteAction': [
    '没有一条建议能被检查是否办到。请写明具体做法（如维修、更换、加装、增设）和对象，例如“3月底前更换3栋两台电梯的曳引机”。',
    '沒有一條建議能被檢查是否辦到。請寫明具體做法（如維修、更換、加裝、增設）和對象，例如「3月底前更換3棟兩台電梯的曳引機」。',
    'No proposal can be checked as done. Say what to do (repair, replace, install, add…) and to what, e.g. “replace the traction machines of both lifts in Building 3 by the end of March”.',
  ],
  'suggestion.quality.vagueFound': [
    '{action}只有笼统的词：{words}',
    '{action}只有籠統的詞：{words}',
    '{action} has only vague words: {words}',
  ],
  'suggestion.quality.noVerb': [
    '{action}没有具体做法（如维修、更换、加装）',
    '{action}沒有具體做法（如維修、更換、加裝）',
    '{action} says no concrete step (repair, replace, install…)',
  ],
  'suggestion.quality.noObject': [
    '{action}没有说对什么做（缺少对象）',
    '{action}沒有說對什麼做（缺少對象）',
    '{action} does not say to what',
  ],
  'suggestion.quality.noActor': [
    '{action}没有写由谁办理',
    '{action}沒有寫由誰辦理',
    '{action} does not say who should do it',
  ],
  'suggestion.quality.item.unit': ['建议了主办单位', '建議了主辦單位', 'A lead handling unit is suggested'],
  'suggestion.quality.ok.unit': ['已建议主办单位。', '已建議主辦單位。', 'A lead unit is suggested.'],
  'suggestion.quality.fail.unit': [
    '请至少建议一个主办单位（协办单位可选）。',
    '請至少建議一個主辦單位（協辦單位可選）。',
    'Suggest at least one lead unit (assisting units are optional).',
  ],
  'suggestion.quality.item.evidence': [
    '有依据：关联了居民反映，或说明为什么没有',
    '有依據：關聯了居民反映，或說明為什麼沒有',
    'Evidence: residents’ concerns linked, or a reason why none',
  ],
  'suggestion.quality.ok.evidenceLinked': [
    '已关联 {n} 件居民反映。',
    '已關聯 {n} 件居民反映。',
    '{n} resident concern(s) linked.',
  ],
  'suggestion.quality.ok.evidenceReason': [
    '没有关联居民反映，已说明原因。',
    '沒有關聯居民反映，已說明原因。',
    'No concern linked; the reason is given.',
  ],
  'suggestion.quality.fail.evidence': [
    '请关联居民反映，或用至少 {min} 个字说明为什么没有。',
    '請關聯居民反映，或用至少 {min} 個字說明為什麼沒有。',
    'Link residents’ concerns, or give the reason why none in at least {min} characters.',
  ],
  'suggestion.quality.item.length': ['各部分长度合适', '各部分長度合適', 'Each part is within its length'],
  'suggestion.quality.ok.length': [
    '标题、现状、原因和各条建议的长度都合适。',
    '標題、現狀、原因和各條建議的長度都合適。',
    'Title, problem, causes and every proposal are within their lengths.',
  ],
  'suggestion.quality.fail.length': [
    '以下部分太短或太长：',
    '以下部分太短或太長：',
    'These parts are too short or too long:',
  ],
  'suggestion.quality.item.template_filled': [
    '模板的【】处都已填写',
    '模板的【】處都已填寫',
    'Every 【】 of the template is filled in',
  ],
  'suggestion.quality.ok.template_filled': [
    '没有留下模板的【】。',
    '沒有留下模板的【】。',
    'No 【】 of the template is left.',
  ],
  'suggestion.quality.fail.template_filled': [
    '还有模板的空没有填写：{left}。请换成实际内容。',
    '還有模板的空沒有填寫：{left}。請換成實際內容。',
    'Parts of the template are not filled in: {left}. Replace them with the facts.',
  ],
  'suggestion.quality.item.one_topic': [
    '关联的居民反映属于同一类问题',
    '關聯的居民反映屬於同一類問題',
    'The linked concerns are about one topic',
  ],
  'suggestion.quality.ok.one_topic': [
    '关联的居民反映属于同一类问题。',
    '關聯的居民反映屬於同一類問題。',
    'The linked concerns share one topic.',
  ],
  'suggestion.quality.fail.one_topic': [
    '关联的居民反映涉及 {n} 类问题，请确认说的是同一件事，别的可以另写建议。',
    '關聯的居民反映涉及 {n} 類問題，請確認說的是同一件事，別的可以另寫建議。',
    'The linked concerns span {n} topics: check they are one matter; others can go into another suggestion.',
  ],
  'suggestion.quality.item.each_action_concrete': [
    '每一条建议都具体',
    '每一條建議都具體',
    'Every proposal is concrete',
  ],
  'suggestion.quality.ok.each_action_concrete': [
    '每一条建议都写明了做法、对象和办理单位。',
    '每一條建議都寫明了做法、對象和辦理單位。',
    'Every proposal says what, to what and by whom.',
  ],
  'suggestion.quality.fail.each_action_concrete': [
    '有的建议还不具体，承办单位无法据此办理：',
    '有的建議還不具體，承辦單位無法據此辦理：',
    'Some proposals are not concrete enough for a unit to act on:',
  ],
  'suggestion.quality.item.causes': ['写了原因分析', '寫了原因分析', 'The causes are analysed'],
  'suggestion.quality.ok.causes': ['已写原因分析。', '已寫原因分析。', 'The causes are given.'],
  'suggestion.quality.fail.causes': [
    '写几句为什么会这样（设施老化、责任不清、资金不足……），承办单位更容易对症办理。',
    '寫幾句為什麼會這樣（設施老化、責任不清、資金不足……），承辦單位更容易對症辦理。',
    'A few sentences on why it happens (ageing equipment, unclear duty, no funds…) help the units aim right.',
  ],
  'suggestion.quality.item.dates': ['现状写了日期', '現狀寫了日期', 'The problem gives dates'],
  'suggestion.quality.ok.dates': [
    '现状写了日期（如“{date}”）。',
    '現狀寫了日期（如「{date}」）。',
    'The problem gives a date (e.g. “{date}”).',
  ],
  'suggestion.quality.fail.dates': [
    '写上从什么时候开始，例如“2026年3月起”，便于核实。',
    '寫上從什麼時候開始，例如「2026年3月起」，便於核實。',
    'Say since when, e.g. “since March 2026”, so it can be checked.',
  ],
  'suggestion.quality.item.cosigners_answered': [
    '联名代表都已答复',
    '聯名代表都已答覆',
    'Every co-signer has answered',
  ],
  'suggestion.quality.ok.cosigners_answered': [
    '没有待确认的联名代表。',
    '沒有待確認的聯名代表。',
    'No co-signer is waiting to answer.',
  ],
  'suggestion.quality.fail.cosigners_answered': [
    '还有 {n} 位联名代表没有确认；现在提交，他们不会列为联名代表。',
    '還有 {n} 位聯名代表沒有確認；現在提交，他們不會列為聯名代表。',
    '{n} co-signer(s) have not confirmed; if you submit now they will not be listed.',
  ],

  // ── The five templates. 【…】 marks what the deputy replaces; the check refuses any left. ──
  'suggestion.template.infrastructure.title': [
    '关于维修【小区名称】【几号楼】【设施】的建议',
    '關於維修【小區名稱】【幾號樓】【設施】的建議',
    'Repair the 【facility】 of 【building】 at 【estate】',
  ],
  'suggestion.template.infrastructure.problem': [
    '【小区名称】【几号楼】的【设施】自【2026年3月】起【损坏情况，如停运、漏水】，已报修【次数】次仍未修复，影响【户数】户、【人数】名居民，其中老人【人数】名。代表联络站收到居民反映【件数】件。',
    '【小區名稱】【幾號樓】的【設施】自【2026年3月】起【損壞情況，如停運、漏水】，已報修【次數】次仍未修復，影響【戶數】戶、【人數】名居民，其中老人【人數】名。代表聯絡站收到居民反映【件數】件。',
    'Since 【March 2026】 the 【facility】 of 【building】 at 【estate】 has 【been out of order / leaked】; it was reported 【number】 times and is still not fixed. It affects 【number】 households and 【number】 residents, 【number】 of them elderly. The liaison station received 【number】 concerns about it.',
  ],
  'suggestion.template.infrastructure.causes': [
    '【设施】已使用【年数】年，超过设计年限；专项维修资金申请卡在【哪一步】；产权单位与物业公司对维修责任【有何分歧】。',
    '【設施】已使用【年數】年，超過設計年限；專項維修資金申請卡在【哪一步】；產權單位與物業公司對維修責任【有何分歧】。',
    'The 【facility】 is 【number】 years old, past its design life; the maintenance-fund application is stuck at 【which step】; the owner and the property company disagree about 【who must repair it】.',
  ],
  'suggestion.template.infrastructure.action1': [
    '【日期】前对【几号楼】【设施】全面检测，更换损坏部件，并把检测结果和维修费用张贴公示',
    '【日期】前對【幾號樓】【設施】全面檢測，更換損壞部件，並把檢測結果和維修費用張貼公示',
    'By 【date】, inspect the 【facility】 of 【building】, replace the broken parts and post the inspection result and the cost',
  ],
  'suggestion.template.infrastructure.actor1': [
    '【物业服务企业】',
    '【物業服務企業】',
    '【property management company】',
  ],
  'suggestion.template.infrastructure.action2': [
    '在【天数】个工作日内办结该楼专项维修资金的使用审批',
    '在【天數】個工作日內辦結該樓專項維修資金的使用審批',
    'Approve the use of the building’s maintenance fund within 【number】 working days',
  ],
  'suggestion.template.infrastructure.actor2': [
    '区住房和城乡建设局',
    '區住房和城鄉建設局',
    'District housing and construction bureau',
  ],
  'suggestion.template.infrastructure.action3': [
    '将【小区名称】纳入【年份】年老旧小区改造计划',
    '將【小區名稱】納入【年份】年老舊小區改造計劃',
    'Include 【estate】 in the 【year】 renovation plan for old estates',
  ],
  'suggestion.template.infrastructure.actor3': ['街道办事处', '街道辦事處', 'Street office'],

  'suggestion.template.traffic.title': [
    '关于在【路口或路段】增设【交通设施】的建议',
    '關於在【路口或路段】增設【交通設施】的建議',
    'Add 【traffic facility】 at 【junction or road section】',
  ],
  'suggestion.template.traffic.problem': [
    '【路口或路段】位于【学校、市场或小区】附近，早晚高峰每小时通过车辆约【数量】辆、行人约【数量】人，现在没有【信号灯、斑马线或停车位】。自【2026年3月】以来发生交通事故【次数】起，居民反映【件数】件。',
    '【路口或路段】位於【學校、市場或小區】附近，早晚高峰每小時通過車輛約【數量】輛、行人約【數量】人，現在沒有【信號燈、斑馬線或停車位】。自【2026年3月】以來發生交通事故【次數】起，居民反映【件數】件。',
    '【Junction or road section】 is next to 【school, market or estate】; at rush hour about 【number】 vehicles and 【number】 pedestrians pass each hour, and there is no 【signal, crossing or parking】. Since 【March 2026】 there have been 【number】 accidents; residents raised 【number】 concerns.',
  ],
  'suggestion.template.traffic.causes': [
    '道路建成时【车流量或人口】远少于现在；【学校或市场】开办后人车混行；该路段由【哪个部门】管理，【尚未评估】设置条件。',
    '道路建成時【車流量或人口】遠少於現在；【學校或市場】開辦後人車混行；該路段由【哪個部門】管理，【尚未評估】設置條件。',
    'When the road was built 【traffic or population】 was far lower; since 【the school or market】 opened, people and vehicles mix; 【which department】 manages the road and has 【not yet assessed】 it.',
  ],
  'suggestion.template.traffic.action1': [
    '【日期】前在【路口】增设行人过街信号灯并施划斑马线',
    '【日期】前在【路口】增設行人過街信號燈並施劃斑馬線',
    'By 【date】, install a pedestrian signal and paint a zebra crossing at 【junction】',
  ],
  'suggestion.template.traffic.actor1': [
    '区公安分局交通警察大队',
    '區公安分局交通警察大隊',
    'District traffic police',
  ],
  'suggestion.template.traffic.action2': [
    '在【学校】门口【距离】米内设置限速标志和减速带',
    '在【學校】門口【距離】米內設置限速標誌和減速帶',
    'Set up speed-limit signs and speed bumps within 【number】 metres of the 【school】 gate',
  ],
  'suggestion.template.traffic.actor2': ['区交通运输局', '區交通運輸局', 'District transport bureau'],

  'suggestion.template.environment.title': [
    '关于整治【企业或园区名称】【污染类型】的建议',
    '關於整治【企業或園區名稱】【污染類型】的建議',
    'Stop the 【kind of pollution】 from 【firm or industrial park】',
  ],
  'suggestion.template.environment.problem': [
    '【企业或园区名称】距【小区或村】约【距离】米，自【2026年3月】起【时段，如夜间】排放【异味、噪声、废水或粉尘】，居民反映【件数】件，涉及【户数】户。【某日】居民自测噪声约【分贝】分贝。',
    '【企業或園區名稱】距【小區或村】約【距離】米，自【2026年3月】起【時段，如夜間】排放【異味、噪聲、廢水或粉塵】，居民反映【件數】件，涉及【戶數】戶。【某日】居民自測噪聲約【分貝】分貝。',
    '【Firm or industrial park】 is about 【number】 metres from 【estate or village】. Since 【March 2026】 it has released 【smell, noise, waste water or dust】 【at night】; residents raised 【number】 concerns from 【number】 households. On 【date】 residents measured about 【number】 decibels.',
  ],
  'suggestion.template.environment.causes': [
    '【设备，如废气处理设施】【未运行或老化】；企业【扩大生产】后排放增加；日常监测【没有覆盖夜间】。',
    '【設備，如廢氣處理設施】【未運行或老化】；企業【擴大生產】後排放增加；日常監測【沒有覆蓋夜間】。',
    'The 【equipment, e.g. exhaust treatment】 is 【off or worn out】; emissions rose after the firm 【expanded】; routine monitoring 【does not cover the night】.',
  ],
  'suggestion.template.environment.action1': [
    '【日期】前对【企业名称】夜间排放进行监测，并向居民公开监测结果',
    '【日期】前對【企業名稱】夜間排放進行監測，並向居民公開監測結果',
    'By 【date】, monitor the night emissions of 【firm】 and publish the results to residents',
  ],
  'suggestion.template.environment.actor1': [
    '市生态环境局【区】分局',
    '市生態環境局【區】分局',
    'City ecology and environment bureau, 【district】 branch',
  ],
  'suggestion.template.environment.action2': [
    '督促企业在【期限】内整改：更换【处理设施】，【时段】停止【高噪声工序】',
    '督促企業在【期限】內整改：更換【處理設施】，【時段】停止【高噪聲工序】',
    'Have the firm rectify within 【period】: replace the 【treatment equipment】 and stop 【noisy work】 during 【hours】',
  ],
  'suggestion.template.environment.actor2': ['【企业名称】', '【企業名稱】', '【firm】'],
  'suggestion.template.environment.action3': [
    '在【小区或村】设立环境问题联系人，每月【次数】次向居民通报整改进展',
    '在【小區或村】設立環境問題聯繫人，每月【次數】次向居民通報整改進展',
    'Set up a contact person for 【estate or village】 who tells residents the progress 【number】 times a month',
  ],
  'suggestion.template.environment.actor3': ['街道办事处', '街道辦事處', 'Street office'],

  'suggestion.template.social_security.title': [
    '关于为【群体】办理【保障事项】的建议',
    '關於為【群體】辦理【保障事項】的建議',
    'Make 【benefit or service】 reachable for 【group】',
  ],
  'suggestion.template.social_security.problem': [
    '【社区或村】有【群体，如80岁以上独居老人】【人数】人，其中【人数】人【未领到或难以办理】【补贴、医保或养老服务】。办理需到【地点】，往返【距离】公里，【年份】年以来居民反映【件数】件。',
    '【社區或村】有【群體，如80歲以上獨居老人】【人數】人，其中【人數】人【未領到或難以辦理】【補貼、醫保或養老服務】。辦理需到【地點】，往返【距離】公里，【年份】年以來居民反映【件數】件。',
    '【Community or village】 has 【number】 【group, e.g. people over 80 living alone】; 【number】 of them 【have not received or cannot apply for】 【allowance, medical insurance or care】. Applying means going to 【place】, 【number】 km away; since 【year】 residents raised 【number】 concerns.',
  ],
  'suggestion.template.social_security.causes': [
    '办理要求【材料】，老人【难以提供】；政策【未告知到户】；社区【没有代办人员】。',
    '辦理要求【材料】，老人【難以提供】；政策【未告知到戶】；社區【沒有代辦人員】。',
    'Applying needs 【documents】 the elderly 【cannot provide】; the policy 【was never explained at home】; the community 【has nobody to apply for them】.',
  ],
  'suggestion.template.social_security.action1': [
    '【日期】前逐户核查【群体】的【补贴】领取情况，为符合条件的【人数】人补发',
    '【日期】前逐戶核查【群體】的【補貼】領取情況，為符合條件的【人數】人補發',
    'By 【date】, check door to door who among 【group】 receives the 【allowance】, and provide back payments to the 【number】 eligible people',
  ],
  'suggestion.template.social_security.actor1': ['区民政局', '區民政局', 'District civil affairs bureau'],
  'suggestion.template.social_security.action2': [
    '在【社区服务中心】开设代办窗口，每周【几】天上门为行动不便的老人代办',
    '在【社區服務中心】開設代辦窗口，每週【幾】天上門為行動不便的老人代辦',
    'Open a service window at 【community centre】 and apply at home for people who cannot walk, 【number】 days a week',
  ],
  'suggestion.template.social_security.actor2': [
    '街道社会保障服务中心',
    '街道社會保障服務中心',
    'Street social security centre',
  ],

  'suggestion.template.business.title': [
    '关于为【园区或行业】企业解决【具体困难】的建议',
    '關於為【園區或行業】企業解決【具體困難】的建議',
    'Remove 【specific obstacle】 for firms in 【park or trade】',
  ],
  'suggestion.template.business.problem': [
    '【园区或行业】有企业【家数】家、职工约【人数】人。自【2026年3月】起，【具体困难，如审批时间、用电、道路、招工】：【事实，如办理需要几天、跑几次】。代表走访企业【家数】家，反映此事的【家数】家。',
    '【園區或行業】有企業【家數】家、職工約【人數】人。自【2026年3月】起，【具體困難，如審批時間、用電、道路、招工】：【事實，如辦理需要幾天、跑幾次】。代表走訪企業【家數】家，反映此事的【家數】家。',
    '【Park or trade】 has 【number】 firms with about 【number】 workers. Since 【March 2026】 【obstacle, e.g. permits, power, roads, hiring】: 【facts, e.g. how many days or visits it takes】. The deputy visited 【number】 firms; 【number】 raised this.',
  ],
  'suggestion.template.business.causes': [
    '【事项】需要【几个】部门分别审批；【信息】没有共享；【设施】容量不足。',
    '【事項】需要【幾個】部門分別審批；【信息】沒有共享；【設施】容量不足。',
    '【Procedure】 needs approval from 【number】 departments separately; 【information】 is not shared; 【facility】 lacks capacity.',
  ],
  'suggestion.template.business.action1': [
    '【日期】前在【政务服务中心】开设【事项】一窗受理，办理时限缩短到【天数】个工作日',
    '【日期】前在【政務服務中心】開設【事項】一窗受理，辦理時限縮短到【天數】個工作日',
    'By 【date】, open one window for 【procedure】 at 【service centre】 and shorten it to 【number】 working days',
  ],
  'suggestion.template.business.actor1': [
    '区政务服务和数据管理局',
    '區政務服務和數據管理局',
    'District government services bureau',
  ],
  'suggestion.template.business.action2': [
    '在【园区】增设【设施，如变压器、公交站、货车停车位】【数量】处',
    '在【園區】增設【設施，如變壓器、公交站、貨車停車位】【數量】處',
    'Add 【number】 【facilities, e.g. transformers, bus stops, lorry parking】 in 【park】',
  ],
  'suggestion.template.business.actor2': ['【主管部门】', '【主管部門】', '【responsible department】'],
})
