// Adds the page's CSRF token to every htmx request (see server/middleware/csrf.ts).
document.addEventListener('htmx:config:request', (event) => {
  const meta = document.querySelector('meta[name="csrf-token"]')
  if (meta && event.detail?.ctx) {
    event.detail.ctx.request.headers['X-CSRF-Token'] = meta.getAttribute('content')
  }
})
