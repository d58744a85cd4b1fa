/**
 * The queue screens' own stylesheet and device script. Linked from the page body because the
 * shared document head is not theirs to change; a body-level stylesheet link is valid HTML.
 */
export const QueueStyles = () => <link rel="stylesheet" href="/static/queue.css" />
export const QueueKioskScript = () => <script src="/static/queue-kiosk.js" defer></script>
