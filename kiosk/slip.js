// The slip screen: on a kiosk with a receipt printer it prints once by itself — once per slip,
// remembered for the tab, so a reload or "back" does not print it again — and after a visible
// countdown it returns to the start screen (replacing this page, so "back" cannot show it again).
;(() => {
  const box = document.getElementById('slip-actions')
  if (!box) return
  if (box.dataset.printOnce === '1') {
    const key = `slip-printed:${box.dataset.slipCode || ''}`
    let printed = false
    try {
      printed = window.sessionStorage.getItem(key) === '1'
      if (!printed) window.sessionStorage.setItem(key, '1')
    } catch {
      // No storage: printing once per view is better than a resident leaving without the slip.
    }
    if (!printed) {
      if (document.readyState === 'complete') window.print()
      else window.addEventListener('load', () => window.print(), { once: true })
    }
  }
  const url = box.dataset.returnUrl || '/kiosk?reset=1'
  const out = document.getElementById('slip-countdown')
  const template = out?.dataset.template || '{seconds}'
  let left = Number(box.dataset.returnSeconds) || 45
  const tick = window.setInterval(() => {
    left -= 1
    if (left <= 0) {
      window.clearInterval(tick)
      window.location.replace(url)
      return
    }
    if (out) out.textContent = template.replace('{seconds}', String(left))
  }, 1000)
})()
