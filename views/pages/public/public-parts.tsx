import type { Child } from 'hono/jsx'

/** The stylesheet of the public deputy and station pages, loaded only by them. */
export const PublicPagesStyles = () => <link rel="stylesheet" href="/static/public-pages.css" />

/** A titled block of a public page. */
export function PublicSection({ id, title, children }: { id: string; title: string; children: Child }) {
  return (
    <section class="pub-section" id={id} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{title}</h2>
      {children}
    </section>
  )
}

/** A reception session or visit as one line of a public page. */
export type WhenLine = { id: string; when: string; what: string }

export function WhenList({ id, lines, empty }: { id: string; lines: readonly WhenLine[]; empty: string }) {
  if (lines.length === 0) return <p id={`${id}-none`}>{empty}</p>
  return (
    <ul class="pub-when" id={id}>
      {lines.map((l) => (
        <li id={l.id}>
          <strong>{l.when}</strong> <span>{l.what}</span>
        </li>
      ))}
    </ul>
  )
}
