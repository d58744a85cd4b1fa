// A "print" button on the posters and the printable schedule: the browser's own print dialog.
for (const b of document.querySelectorAll('[data-print]')) b.addEventListener('click', () => window.print())
