// On-screen keypads (views/components/keypad-field.tsx). Every [data-keypad-for] drives the input
// of that name in its form: a key adds its character, "back" deletes one, "clear" empties it.
// Focus stays off the input, and the input has inputmode="none", so no system keyboard opens.
// A phone number is shown grouped (the rule comes from the server in data-phone-groups, the same
// list groupPhone uses) and sent as digits; a code sends its form when its last character is
// tapped. Without this script the inputs are plain fields a physical keyboard types into.
;(() => {
  const digitsOf = (s) => s.replace(/\D/g, '')
  const codeOf = (s) => s.toUpperCase().replace(/[\s-]/g, '')

  /** Same result as groupPhone in server/domain/masking.ts, for the same rules. */
  const groupPhone = (rules, value) => {
    const digits = digitsOf(value)
    const rule = rules.find(([prefix]) => digits.startsWith(prefix))
    const sizes = rule ? rule[1] : []
    const groups = []
    let at = 0
    for (const size of sizes) {
      if (at >= digits.length) break
      groups.push(digits.slice(at, at + size))
      at += size
    }
    if (at < digits.length) groups.push(digits.slice(at))
    return groups.join(' ')
  }
  const maxDigits = (rules, digits) => {
    const rule = rules.find(([prefix]) => digits.startsWith(prefix))
    return rule ? rule[1].reduce((a, b) => a + b, 0) : Number.POSITIVE_INFINITY
  }

  const announce = (input) => input.dispatchEvent(new Event('input', { bubbles: true }))

  for (const pad of document.querySelectorAll('[data-keypad-for]')) {
    if (pad.dataset.keypadReady) continue
    pad.dataset.keypadReady = '1'
    const form = pad.closest('form')
    const input = form?.elements.namedItem(pad.dataset.keypadFor)
    if (!(input instanceof HTMLInputElement)) continue
    const phoneRules = pad.dataset.phoneGroups ? JSON.parse(pad.dataset.phoneGroups) : null
    const codeLength = Number(pad.dataset.codeLength) || 0

    if (phoneRules) {
      // A physical keyboard types into the same field: keep its digits grouped too.
      input.addEventListener('input', () => {
        const grouped = groupPhone(phoneRules, input.value)
        if (grouped !== input.value) input.value = grouped
      })
      form.addEventListener('submit', () => {
        input.value = digitsOf(input.value)
      })
    }

    // Keys must not take focus from whatever has it (a focused input would open a keyboard).
    pad.addEventListener('mousedown', (e) => e.preventDefault())
    pad.addEventListener('click', (e) => {
      const key = e.target instanceof Element ? e.target.closest('[data-key]') : null
      if (!key || !pad.contains(key)) return
      const k = key.dataset.key
      if (phoneRules) {
        let digits = digitsOf(input.value)
        if (k === 'clear') digits = ''
        else if (k === 'back') digits = digits.slice(0, -1)
        else if (digits.length < maxDigits(phoneRules, digits + k)) digits += k
        input.value = groupPhone(phoneRules, digits)
        announce(input)
        return
      }
      let code = codeOf(input.value)
      const full = codeLength > 0 && code.length >= codeLength
      if (k === 'clear') code = ''
      else if (k === 'back') code = code.slice(0, -1)
      else if (!full) code += k
      input.value = code
      announce(input)
      if (!full && k !== 'clear' && k !== 'back' && code.length === codeLength) form.requestSubmit()
    })
  }
})()
