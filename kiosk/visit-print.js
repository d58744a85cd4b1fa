// A visit's concern slip: the print button opens the browser's print dialog (print.css shows the slip alone).
;(() => {
  const button = document.getElementById('print-slip')
  if (button) button.addEventListener('click', () => window.print())
})()
