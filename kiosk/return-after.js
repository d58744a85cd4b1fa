// A shared screen goes back where it belongs after a visible countdown: the resident's thanks
// after an on-the-spot verdict returns the deputy's device to the console. The element names the
// address and the seconds; its text is the countdown ({seconds} already filled in by the server).
;(() => {
  const el = document.querySelector('[data-return-url]')
  if (!el) return
  const url = el.dataset.returnUrl || '/'
  const total = Number(el.dataset.returnSeconds) || 8
  const template = el.textContent || ''
  let left = total
  const tick = () => {
    if (left <= 0) {
      window.location.replace(url)
      return
    }
    el.textContent = template.replace(String(total), String(left))
    left -= 1
    window.setTimeout(tick, 1000)
  }
  tick()
})()
