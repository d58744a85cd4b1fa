import { raw } from 'hono/html'
import type { SuggestionUnitRole } from '../../../db/enums.ts'
import { Document } from '../../document.tsx'
import { useI18n } from '../../i18n/index.ts'
import { punctuation } from './public-parts.tsx'
import { suggestionRefLabel, unitRoleLabel } from './suggestion-labels.ts'

export type PrintUnit = { role: SuggestionUnitRole; name: string }

export type SuggestionPrintView = {
  id: number
  ref: string | null
  draft: boolean
  title: string
  leadDeputyName: string
  /** Confirmed co-signers only: an invitation not yet answered is no signature. */
  cosignerNames: string[]
  submittedOn: string | null
  problem: string
  causes: string
  actions: { position: number; text: string; actor: string }[]
  proposed: PrintUnit[]
  assigned: PrintUnit[]
  evidence: { count: number; from: string | null; to: string | null }
  noEvidenceReason: string
  /** The public page's address and its QR code; none for a draft (it is not public). */
  qr: { url: string; svg: string } | null
}

function UnitLine({ label, units, id }: { label: string; units: PrintUnit[]; id: string }) {
  const { t, locale } = useI18n()
  const p = punctuation(locale)
  const byRole = (r: SuggestionUnitRole) =>
    units
      .filter((u) => u.role === r)
      .map((u) => u.name)
      .join(p.list)
  const parts = (['lead', 'assist'] as const)
    .map((r) => (byRole(r) ? `${unitRoleLabel(t, r)}${p.colon}${byRole(r)}` : ''))
    .filter(Boolean)
  return (
    <p class="sgs-line" id={id}>
      <strong>
        {label}
        {p.colon}
      </strong>
      {parts.length > 0 ? parts.join(p.semicolon) : t('sgpub.print.none')}
    </p>
  )
}

/**
 * /suggestions/:id/print — the suggestion on A4 in the form a people's congress office files:
 * number and date, the title centred, the deputies, the body in three numbered parts, the units,
 * the evidence as a count, a QR to the public page and a signature line for each deputy.
 */
export function SuggestionPrintPage({ v }: { v: SuggestionPrintView }) {
  const { t, locale } = useI18n()
  const p = punctuation(locale)
  const signers = [v.leadDeputyName, ...v.cosignerNames]
  return (
    <Document
      title={v.title || t('suggestion.untitled')}
      variant="staff"
      scripts={['/static/print-button.js']}
    >
      <link rel="stylesheet" href="/static/suggestion-print.css" />
      <main id="main" class="sgs-screen">
        <p class="no-print sgs-tools">
          <a href={`/suggestions/${v.id}`}>← {t('sgpub.print.back')}</a>
          <button type="button" data-print id="suggestion-print">
            {t('sgpub.print.button')}
          </button>
          <span class="hint">{t('sgpub.print.hint')}</span>
        </p>
        <article
          class={v.draft ? 'sgs-sheet sgs-draft' : 'sgs-sheet'}
          id="suggestion-sheet"
          data-watermark={v.draft ? t('sgpub.print.watermark') : undefined}
        >
          {v.draft ? (
            <p class="sgs-draft-note" id="suggestion-draft-note">
              {t('sgpub.print.draft')}
            </p>
          ) : null}
          <p class="sgs-ref" id="suggestion-ref">
            <span>{v.ref ? suggestionRefLabel(t, v.ref) : t('sgpub.print.noRef')}</span>
            {v.submittedOn ? (
              <span>
                {t('suggestion.field.submittedAt')}
                {p.colon}
                {v.submittedOn}
              </span>
            ) : null}
          </p>
          <h1 class="sgs-title">{v.title || t('suggestion.untitled')}</h1>
          <p class="sgs-line" id="suggestion-lead">
            <strong>
              {t('suggestion.field.leadDeputy')}
              {p.colon}
            </strong>
            {v.leadDeputyName}
          </p>
          <p class="sgs-line" id="suggestion-cosigners">
            <strong>
              {t('suggestion.field.cosigners')}
              {p.colon}
            </strong>
            {v.cosignerNames.length > 0 ? v.cosignerNames.join(p.list) : t('sgpub.print.none')}
          </p>
          <section class="sgs-part" aria-labelledby="sgs-problem">
            <h2 id="sgs-problem">{t('sgpub.print.h.problem')}</h2>
            <p class="sgs-text">{v.problem}</p>
          </section>
          <section class="sgs-part" aria-labelledby="sgs-causes">
            <h2 id="sgs-causes">{t('sgpub.print.h.causes')}</h2>
            <p class="sgs-text">{v.causes.trim() || t('sgpub.print.none')}</p>
          </section>
          <section class="sgs-part" aria-labelledby="sgs-actions">
            <h2 id="sgs-actions">{t('sgpub.print.h.actions')}</h2>
            <ol class="sgs-actions" id="suggestion-actions">
              {v.actions.map((a) => (
                <li>
                  {a.text}
                  {a.actor ? t('sgpub.print.actor', { actor: a.actor }) : ''}
                </li>
              ))}
            </ol>
          </section>
          <UnitLine label={t('suggestion.field.units')} units={v.proposed} id="suggestion-units" />
          {v.assigned.length > 0 ? (
            <UnitLine label={t('sgpub.print.assigned')} units={v.assigned} id="suggestion-assigned" />
          ) : null}
          <p class="sgs-line" id="suggestion-evidence">
            {v.evidence.count > 0
              ? t('sgpub.print.evidence', {
                  n: v.evidence.count,
                  from: v.evidence.from ?? '',
                  to: v.evidence.to ?? '',
                })
              : t('sgpub.print.noEvidence', { reason: v.noEvidenceReason || t('sgpub.evidence.none') })}
          </p>
          <footer class="sgs-foot">
            <ul class="sgs-signatures" id="suggestion-signatures">
              {signers.map((n) => (
                <li>
                  <span class="sgs-signer">{n}</span>
                  <span class="sgs-sign">
                    {t('sgpub.print.signature')}
                    {p.colon}
                  </span>
                  <span class="sgs-blank" />
                  <span class="sgs-sign">
                    {t('sgpub.print.signDate')}
                    {p.colon}
                  </span>
                  <span class="sgs-blank sgs-blank-short" />
                </li>
              ))}
            </ul>
            {v.qr ? (
              <div class="sgs-qr" id="suggestion-qr">
                <div role="img" aria-label={t('sgpub.print.qrLabel', { url: v.qr.url })}>
                  {raw(v.qr.svg)}
                </div>
                <p>{t('sgpub.print.qr')}</p>
                <p class="sgs-url" id="suggestion-qr-url">
                  {v.qr.url}
                </p>
              </div>
            ) : null}
          </footer>
        </article>
      </main>
    </Document>
  )
}
