// Touch-only input on kiosk forms (issue 15): the surname grid and 先生/女士 fill the name field,
// and the phrase chips exclude "I'd rather tell the deputy". The fields stay real inputs, so a
// physical keyboard and a page without this script still work.
;(() => {
  const press = (button, on) => button.setAttribute('aria-pressed', on ? 'true' : 'false')

  for (const picker of document.querySelectorAll('[data-name-for]')) {
    const form = picker.closest('form')
    const input = form?.elements.namedItem(picker.dataset.nameFor)
    if (!input) continue
    const surnames = [...picker.querySelectorAll('[data-surname]')]
    const honorifics = [...picker.querySelectorAll('[data-honorific]')]
    const pressed = (list) => list.find((b) => b.getAttribute('aria-pressed') === 'true')
    const fill = () => {
      const surname = pressed(surnames)?.dataset.surname ?? ''
      const honorific = pressed(honorifics)?.dataset.honorific ?? ''
      if (surname) input.value = surname + honorific
    }
    const choose = (list, button) => {
      for (const b of list) press(b, b === button)
      fill()
    }
    for (const b of surnames) b.addEventListener('click', () => choose(surnames, b))
    for (const b of honorifics) b.addEventListener('click', () => choose(honorifics, b))
    // Typing something else un-presses the grid, so what is shown pressed is what will be sent.
    input.addEventListener('input', () => {
      const surname = pressed(surnames)?.dataset.surname ?? ''
      const honorific = pressed(honorifics)?.dataset.honorific ?? ''
      if (input.value !== surname + honorific) {
        for (const b of [...surnames, ...honorifics]) press(b, false)
      }
    })

    const pages = [...picker.querySelectorAll('[data-surname-page]')]
    const label = picker.querySelector('#surname-page-label')
    const more = picker.querySelector('[data-surname-more]')
    more?.addEventListener('click', () => {
      const current = pages.findIndex((p) => !p.hidden)
      const next = (current + 1) % pages.length
      pages.forEach((p, i) => {
        p.hidden = i !== next
      })
      if (label?.dataset.template)
        label.textContent = label.dataset.template
          .replace('{n}', String(next + 1))
          .replace('{total}', String(pages.length))
    })
    const other = picker.querySelector('[data-surname-other]')
    const help = document.getElementById(other?.getAttribute('aria-controls') ?? '')
    other?.addEventListener('click', () => {
      if (!help) return
      help.hidden = !help.hidden
      other.setAttribute('aria-expanded', help.hidden ? 'false' : 'true')
      if (!help.hidden) help.scrollIntoView({ block: 'nearest' })
    })
  }

  for (const group of document.querySelectorAll('[data-phrase-chips]')) {
    const inPerson = group.querySelector('input[data-in-person]')
    const phrases = [...group.querySelectorAll('input[data-phrase]')]
    inPerson?.addEventListener('change', () => {
      if (inPerson.checked) for (const p of phrases) p.checked = false
    })
    for (const p of phrases)
      p.addEventListener('change', () => {
        if (p.checked && inPerson) inPerson.checked = false
      })
  }
})()
