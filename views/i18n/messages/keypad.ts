import { defineMessages } from '../define.ts'

/** The on-screen keypads of the kiosk (views/components/keypad-field.tsx). */
export const keypad = defineMessages({
  'keypad.clear': ['清空', '清空', 'Clear'],
  'keypad.back': ['删除', '刪除', 'Delete'],
  'keypad.phoneLabel': ['数字键盘', '數字鍵盤', 'Number keypad'],
  'keypad.codeLabel': ['字母和数字键盘', '字母和數字鍵盤', 'Letter and number keypad'],
})
