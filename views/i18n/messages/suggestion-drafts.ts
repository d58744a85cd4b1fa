import { defineMessages } from '../define.ts'

/** Drafting, co-signing and submitting a suggestion; its list and detail page (issue 18 item 1). */
export const suggestionDrafts = defineMessages({
  'suggestionDraft.concerns.heading': ['已关联的居民反映', '已關聯的居民反映', 'Linked residents’ concerns'],
  'suggestionDraft.list.title': ['代表建议', '代表建議', 'Deputies’ suggestions'],
  'suggestionDraft.list.new': ['新建建议', '新建建議', 'New suggestion'],
  'suggestionDraft.list.finder': ['从居民反映中查找', '從居民反映中查找', 'Find in residents’ concerns'],
  'suggestionDraft.list.public': ['公开的建议列表', '公開的建議列表', 'Public list of suggestions'],
  'suggestionDraft.list.led': ['我领衔的建议', '我領銜的建議', 'Suggestions I lead'],
  'suggestionDraft.list.invitations': [
    '请我联名的建议（等待我答复）',
    '請我聯名的建議（等待我答覆）',
    'Invitations to co-sign (waiting for my answer)',
  ],
  'suggestionDraft.list.cosigned': ['我联名的建议', '我聯名的建議', 'Suggestions I co-signed'],
  'suggestionDraft.list.invitedBy': [
    '{lead}代表请您联名',
    '{lead}代表請您聯名',
    '{lead} asks you to co-sign',
  ],
  'suggestionDraft.list.empty': ['暂无', '暫無', 'None'],
  'suggestionDraft.list.noRef': ['草稿（未编号）', '草稿（未編號）', 'Draft (no number yet)'],
  'suggestionDraft.list.staffIntro': [
    '本联络站代表的建议，按办理情况分组。',
    '本聯絡站代表的建議，按辦理情況分組。',
    'Your stations’ deputies’ suggestions, grouped by where they stand.',
  ],
  'suggestionDraft.group.submitted': ['待审核', '待審核', 'Awaiting review'],
  'suggestionDraft.group.handling': ['办理中', '辦理中', 'Being handled'],
  'suggestionDraft.group.replied': ['待代表评价', '待代表評價', 'Awaiting the deputy’s verdict'],
  'suggestionDraft.group.closed': ['已办结', '已辦結', 'Closed'],
  'suggestionDraft.group.drafts': ['草稿与退回', '草稿與退回', 'Drafts and returned'],
  'suggestionDraft.group.withdrawn': ['已撤回', '已撤回', 'Withdrawn'],
  'suggestionDraft.col.ref': ['编号', '編號', 'Number'],
  'suggestionDraft.due.on': ['{date}前', '{date}前', 'by {date}'],
  'suggestionDraft.due.overdue': [
    '已超期：应于{date}前答复',
    '已超期：應於{date}前答覆',
    'Overdue: the reply was due by {date}',
  ],

  'suggestionDraft.new.title': ['新建代表建议', '新建代表建議', 'New suggestion'],
  'suggestionDraft.new.chooseKind': [
    '先选择建议的类别。每个类别都有一个可以照着填写的模板。',
    '先選擇建議的類別。每個類別都有一個可以照著填寫的範本。',
    'First choose the kind of suggestion. Each kind has a template to fill in.',
  ],
  'suggestionDraft.new.kindChosen': ['类别：{kind}', '類別：{kind}', 'Kind: {kind}'],
  'suggestionDraft.new.changeKind': ['换一个类别', '換一個類別', 'Choose another kind'],
  'suggestionDraft.new.withConcern': [
    '起草后将关联居民反映 {code}。',
    '起草後將關聯居民反映 {code}。',
    'The draft will be linked to the resident’s concern {code}.',
  ],
  'suggestionDraft.new.noDeputies': [
    '您所在的联络站没有可以领衔的代表。',
    '您所在的聯絡站沒有可以領銜的代表。',
    'No deputy of your stations can lead a suggestion.',
  ],
  'suggestionDraft.new.start': ['开始起草', '開始起草', 'Start the draft'],
  'suggestionDraft.new.forDeputy': [
    '工作人员可以替代表起草，提交须由代表本人确认。',
    '工作人員可以替代表起草，提交須由代表本人確認。',
    'Staff may write a draft for a deputy; only the deputy can submit it.',
  ],

  'suggestionDraft.field.leadUnit': ['主办单位', '主辦單位', 'Lead unit'],
  'suggestionDraft.field.assistUnits': ['协办单位', '協辦單位', 'Assisting units'],
  'suggestionDraft.field.chooseUnit': ['请选择', '請選擇', 'Choose'],
  'suggestionDraft.field.actionText': ['第{n}条：要做什么', '第{n}條：要做什麼', 'Proposal {n}: what to do'],

  'suggestionDraft.hint.title': [
    '一句话说清一件事，例如“关于维修幸福小区3栋电梯的建议”。',
    '一句話說清一件事，例如「關於維修幸福小區3棟電梯的建議」。',
    'One sentence about one matter, e.g. “Repair the lift of building 3 in Xingfu estate”.',
  ],
  'suggestionDraft.hint.problem': [
    '写清事实：在哪里、从什么时候起、多少次、多少居民反映。',
    '寫清事實：在哪裡、從什麼時候起、多少次、多少居民反映。',
    'State the facts: where, since when, how often, how many residents raised it.',
  ],
  'suggestionDraft.hint.actions': [
    '每条写一件做没做到能看得出来的事，并写明由谁办理。空着的行不会保存。',
    '每條寫一件做沒做到能看得出來的事，並寫明由誰辦理。空著的行不會保存。',
    'Each line one thing whose doing can be checked, and who should do it. Empty lines are not kept.',
  ],
  'suggestionDraft.hint.noEvidence': [
    '有关联的居民反映时可以不填。',
    '有關聯的居民反映時可以不填。',
    'Leave empty when residents’ concerns are linked.',
  ],

  'suggestionDraft.edit.title': ['编写代表建议', '編寫代表建議', 'Write the suggestion'],
  'suggestionDraft.edit.more': ['再加一条', '再加一條', 'Add another line'],
  'suggestionDraft.edit.save': ['保存草稿', '保存草稿', 'Save the draft'],
  'suggestionDraft.edit.saveSubmit': ['保存并提交', '保存並提交', 'Save and submit'],
  'suggestionDraft.edit.saved': ['已保存。', '已保存。', 'Saved.'],
  'suggestionDraft.edit.detail': ['查看整条建议', '查看整條建議', 'See the whole suggestion'],

  'suggestionDraft.concerns.none': [
    '还没有关联居民反映。',
    '還沒有關聯居民反映。',
    'No resident’s concern linked yet.',
  ],
  'suggestionDraft.concerns.unlink': ['取消关联', '取消關聯', 'Unlink'],
  'suggestionDraft.concerns.addFromFinder': [
    '从居民反映中查找并添加',
    '從居民反映中查找並添加',
    'Find and add residents’ concerns',
  ],
  'suggestionDraft.concerns.received': ['{date}收到', '{date}收到', 'received {date}'],
  'suggestionDraft.concerns.linked': ['已关联。', '已關聯。', 'Linked.'],

  'suggestionDraft.cosigners.invite': ['邀请联名', '邀請聯名', 'Invite to co-sign'],
  'suggestionDraft.cosigners.choose': ['选择代表', '選擇代表', 'Choose a deputy'],
  'suggestionDraft.cosigners.remove': ['移除', '移除', 'Remove'],
  'suggestionDraft.cosigners.none': [
    '还没有邀请联名代表。',
    '還沒有邀請聯名代表。',
    'No co-signer invited yet.',
  ],
  'suggestionDraft.cosigners.invited': ['已发出邀请。', '已發出邀請。', 'Invitation sent.'],
  'suggestionDraft.cosign.confirm': ['确认联名', '確認聯名', 'Co-sign'],
  'suggestionDraft.cosign.decline': ['谢绝', '謝絕', 'Decline'],
  'suggestionDraft.cosign.askYou': [
    '{lead}代表邀请您联名这条建议。',
    '{lead}代表邀請您聯名這條建議。',
    '{lead} asks you to co-sign this suggestion.',
  ],
  'suggestionDraft.cosign.answered': ['已记录您的答复。', '已記錄您的答覆。', 'Your answer is recorded.'],

  'suggestionDraft.submit.title': [
    '提交给街道人大工委',
    '提交給街道人大工委',
    'Submit to the street’s people’s congress office',
  ],
  'suggestionDraft.submit.intro': [
    '提交前会按下面的清单检查；标为必需的项目都通过才能提交。',
    '提交前會按下面的清單檢查；標為必需的項目都通過才能提交。',
    'The checklist below is checked first; every required item must pass.',
  ],
  'suggestionDraft.submit.button': ['提交建议', '提交建議', 'Submit the suggestion'],
  'suggestionDraft.submit.leadOnly': [
    '只有领衔代表本人可以提交。',
    '只有領銜代表本人可以提交。',
    'Only the lead deputy can submit it.',
  ],
  'suggestionDraft.submit.refused': [
    '这条建议还不能提交：清单中有必需的项目没有通过。请按提示修改后再提交。',
    '這條建議還不能提交：清單中有必需的項目沒有通過。請按提示修改後再提交。',
    'The suggestion cannot be submitted yet: a required item of the checklist did not pass. Change it as the list says and submit again.',
  ],
  'suggestionDraft.submit.done': [
    '已提交，编号为{ref}。',
    '已提交，編號為{ref}。',
    'Submitted as No. {ref}.',
  ],
  'suggestionDraft.withdraw.button': ['撤回建议', '撤回建議', 'Withdraw the suggestion'],
  'suggestionDraft.withdraw.done': ['已撤回。', '已撤回。', 'Withdrawn.'],

  'suggestionDraft.detail.body': ['建议内容', '建議內容', 'The suggestion'],
  'suggestionDraft.detail.facts': ['基本情况', '基本情況', 'About'],
  'suggestionDraft.detail.urgent': ['紧急', '緊急', 'Urgent'],
  'suggestionDraft.detail.urgency': ['缓急', '緩急', 'Urgency'],
  'suggestionDraft.detail.notUrgent': ['一般', '一般', 'Ordinary'],
  'suggestionDraft.detail.returnReason': ['退回原因', '退回原因', 'Why it was returned'],
  'suggestionDraft.detail.proposedUnits': [
    '代表建议的承办单位',
    '代表建議的承辦單位',
    'Units the deputy suggests',
  ],
  'suggestionDraft.detail.assignedUnits': ['交办的承办单位', '交辦的承辦單位', 'Units assigned'],
  'suggestionDraft.detail.none': ['无', '無', 'None'],
  'suggestionDraft.detail.byActor': ['（由{actor}办理）', '（由{actor}辦理）', '(by {actor})'],
  'suggestionDraft.detail.timeline': ['经过', '經過', 'History'],
  'suggestionDraft.detail.edit': ['修改这条建议', '修改這條建議', 'Edit this suggestion'],
  'suggestionDraft.detail.print': ['打印', '列印', 'Print'],
  'suggestionDraft.detail.publicPage': ['公开页面', '公開頁面', 'Public page'],
  'suggestionDraft.detail.back': ['返回建议列表', '返回建議列表', 'Back to the suggestions'],

  'suggestionDraft.event.created': ['开始起草', '開始起草', 'Draft started'],
  'suggestionDraft.event.edited': ['修改了草稿', '修改了草稿', 'Draft edited'],
  'suggestionDraft.event.concerns_linked': [
    '关联了{n}条居民反映',
    '關聯了{n}條居民反映',
    '{n} residents’ concerns linked',
  ],
  'suggestionDraft.event.concerns_unlinked': [
    '取消关联{n}条居民反映',
    '取消關聯{n}條居民反映',
    '{n} residents’ concerns unlinked',
  ],
  'suggestionDraft.event.cosigner_invited': [
    '邀请{deputy}代表联名',
    '邀請{deputy}代表聯名',
    '{deputy} invited to co-sign',
  ],
  'suggestionDraft.event.cosigner_confirmed': [
    '{deputy}代表确认联名',
    '{deputy}代表確認聯名',
    '{deputy} co-signed',
  ],
  'suggestionDraft.event.cosigner_declined': [
    '{deputy}代表谢绝联名',
    '{deputy}代表謝絕聯名',
    '{deputy} declined to co-sign',
  ],
  'suggestionDraft.event.submit_refused': [
    '提交未通过质量检查',
    '提交未通過質量檢查',
    'Submission refused by the quality check',
  ],
  'suggestionDraft.event.submitted': ['提交，编号{ref}', '提交，編號{ref}', 'Submitted as No. {ref}'],
  'suggestionDraft.event.returned': [
    '街道人大工委退回修改',
    '街道人大工委退回修改',
    'Returned by the street office',
  ],
  'suggestionDraft.event.accepted': ['街道人大工委受理', '街道人大工委受理', 'Accepted by the street office'],
  'suggestionDraft.event.assigned': ['交办承办单位', '交辦承辦單位', 'Assigned to units'],
  'suggestionDraft.event.unit_replied': ['承办单位答复', '承辦單位答覆', 'A unit replied'],
  'suggestionDraft.event.replied': ['承办单位均已答复', '承辦單位均已答覆', 'Every unit has replied'],
  'suggestionDraft.event.verdict': [
    '领衔代表评价办理结果',
    '領銜代表評價辦理結果',
    'The lead deputy gave a verdict',
  ],
  'suggestionDraft.event.rehandling': ['重新办理', '重新辦理', 'Sent back for re-handling'],
  'suggestionDraft.event.closed': ['办结', '辦結', 'Closed'],
  'suggestionDraft.event.withdrawn': ['领衔代表撤回', '領銜代表撤回', 'Withdrawn by the lead deputy'],
  'suggestionDraft.event.escalated': [
    '逾期提醒（第{level}级）',
    '逾期提醒（第{level}級）',
    'Overdue notice (level {level})',
  ],

  'suggestionDraft.error.form': [
    '请改正下面标出的内容。',
    '請改正下面標出的內容。',
    'Please correct what is marked below.',
  ],
  'suggestionDraft.error.notFound': [
    '没有找到这条建议。',
    '沒有找到這條建議。',
    'There is no such suggestion.',
  ],
  'suggestionDraft.error.forbidden': [
    '您不能查看或修改这条建议。',
    '您不能查看或修改這條建議。',
    'You may not see or change this suggestion.',
  ],
  'suggestionDraft.error.notAllowed': [
    '这条建议现在的状态不允许这样做。',
    '這條建議現在的狀態不允許這樣做。',
    'The suggestion’s status does not allow this now.',
  ],
  'suggestionDraft.error.stale': [
    '在您修改期间，别人已经保存了这条建议。您填写的内容仍在下面，请核对后再保存。',
    '在您修改期間，別人已經保存了這條建議。您填寫的內容仍在下面，請核對後再保存。',
    'Someone else saved this suggestion while you were editing. What you typed is still below: check it and save again.',
  ],
  'suggestionDraft.error.outOfScope': [
    '所选的居民反映不在领衔代表的联系范围内。',
    '所選的居民反映不在領銜代表的聯繫範圍內。',
    'That concern is outside the lead deputy’s districts.',
  ],
  'suggestionDraft.error.unknownUnit': [
    '请从列表中选择承办单位。',
    '請從列表中選擇承辦單位。',
    'Choose a unit from the list.',
  ],
  'suggestionDraft.error.unknownDeputy': [
    '请从列表中选择代表。',
    '請從列表中選擇代表。',
    'Choose a deputy from the list.',
  ],
  'suggestionDraft.error.leadAsCosigner': [
    '领衔代表不能联名自己的建议。',
    '領銜代表不能聯名自己的建議。',
    'The lead deputy cannot co-sign their own suggestion.',
  ],
  'suggestionDraft.error.notInvited': [
    '这位代表没有被邀请联名。',
    '這位代表沒有被邀請聯名。',
    'That deputy was not invited to co-sign.',
  ],
  'suggestionDraft.error.actionText': [
    '写了由谁办理，请也写上要做什么。',
    '寫了由誰辦理，請也寫上要做什麼。',
    'Say what should be done, not only who should do it.',
  ],
  'suggestionDraft.error.nothingToLink': [
    '请选择要关联或取消的居民反映。',
    '請選擇要關聯或取消的居民反映。',
    'Choose concerns to link or unlink.',
  ],

  'suggestionDraft.notice.inviteSubject': [
    '{lead}代表邀请您联名一条建议',
    '{lead}代表邀請您聯名一條建議',
    '{lead} invites you to co-sign a suggestion',
  ],
  'suggestionDraft.notice.inviteBody': [
    '{lead}代表邀请您联名“{title}”。请在“代表建议”页面确认或谢绝：/suggestions/{id}',
    '{lead}代表邀請您聯名「{title}」。請在「代表建議」頁面確認或謝絕：/suggestions/{id}',
    '{lead} invites you to co-sign “{title}”. Co-sign or decline on the suggestions page: /suggestions/{id}',
  ],
  'suggestionDraft.notice.submittedSubject': [
    '代表建议{ref}待审核',
    '代表建議{ref}待審核',
    'Suggestion {ref} awaits review',
  ],
  'suggestionDraft.notice.submittedBody': [
    '{lead}代表提交了建议{ref}“{title}”，请审核：/suggestions/{id}',
    '{lead}代表提交了建議{ref}「{title}」，請審核：/suggestions/{id}',
    '{lead} submitted suggestion {ref} “{title}”. Please review it: /suggestions/{id}',
  ],
  'suggestionDraft.fromConcern': [
    '以此起草代表建议',
    '以此起草代表建議',
    'Draft a suggestion from this concern',
  ],
})
