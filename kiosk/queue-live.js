// Starts the live (SSE) parts of the queue screens — the display board and the console's waiting
// list — once htmx and its SSE extension are both ready. The hx-sse:connect attribute is set here
// rather than in the HTML: deferred scripts may let htmx initialise before hx-sse.js has loaded,
// and an element htmx processed without the extension would never connect.
;(() => {
  const start = () => {
    for (const el of document.querySelectorAll('[data-live-url]')) {
      if (el.hasAttribute('hx-sse:connect')) continue
      el.setAttribute('hx-sse:connect', el.dataset.liveUrl)
      window.htmx?.process(el)
    }
  }
  // htmx queues its own initialisation with setTimeout when it loads, before this script runs;
  // this timeout therefore fires after it, so htmx never sees the attribute twice.
  setTimeout(start)
})()
