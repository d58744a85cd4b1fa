// Idle reset for kiosk pages: after a quiet spell a dialog counts down visibly; "Continue" keeps
// the page, otherwise the screen is replaced (not pushed) by the start page, so "back" cannot
// bring a resident's entries into view again.
;(() => {
  const dialog = document.getElementById('idle-warning')
  if (!dialog) return
  const idleMs = Number(dialog.dataset.idleSeconds) * 1000
  const countdownFrom = Number(dialog.dataset.countdownSeconds)
  const template = dialog.dataset.bodyTemplate || ''
  const body = document.getElementById('idle-body')
  const count = document.getElementById('idle-count')
  const button = document.getElementById('idle-continue')
  let idleTimer = 0
  let tick = 0
  let left = countdownFrom

  const reset = () => {
    for (const form of document.forms) form.reset()
    window.location.replace(dialog.dataset.resetUrl || '/kiosk')
  }
  const show = (seconds) => {
    if (count) count.textContent = String(seconds)
    if (body) body.textContent = template.replace('{seconds}', String(seconds))
  }
  const startCountdown = () => {
    left = countdownFrom
    show(left)
    dialog.hidden = false
    button?.focus()
    tick = window.setInterval(() => {
      left -= 1
      show(Math.max(left, 0))
      if (left <= 0) {
        window.clearInterval(tick)
        reset()
      }
    }, 1000)
  }
  const arm = () => {
    window.clearTimeout(idleTimer)
    idleTimer = window.setTimeout(startCountdown, idleMs)
  }
  const activity = () => {
    if (!dialog.hidden) return
    arm()
  }
  button?.addEventListener('click', () => {
    window.clearInterval(tick)
    dialog.hidden = true
    arm()
  })
  for (const type of ['pointerdown', 'keydown', 'touchstart', 'input', 'scroll']) {
    document.addEventListener(type, activity, { passive: true, capture: true })
  }
  // A page restored from the back/forward cache must not show a previous resident's entries.
  window.addEventListener('pageshow', (e) => {
    if (e.persisted) window.location.replace(dialog.dataset.resetUrl || '/kiosk')
  })
  arm()
})()
