// Drop-in kiosk helpers: a live character counter for the short description (it counts as
// maxlength and the server do; both also enforce the limit) and the slip's print button.
;(() => {
  for (const field of document.querySelectorAll('textarea[data-counter]')) {
    const out = document.getElementById(field.dataset.counter)
    if (!out) continue
    const template = out.dataset.template || '{n} / {max}'
    const max = field.getAttribute('maxlength') || ''
    const update = () => {
      out.textContent = template.replace('{n}', String(field.value.length)).replace('{max}', max)
    }
    field.addEventListener('input', update)
    update()
  }
  for (const button of document.querySelectorAll('[data-print]')) {
    button.addEventListener('click', () => window.print())
  }
})()
