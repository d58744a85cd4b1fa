import type { RosterChange } from '../../../server/domain/roster/rules.ts'
import type { PersonKey, RotationRule } from '../../../server/domain/roster/types.ts'
import { CsrfField, ErrorSummary, type FieldErrors, SelectField, TextField } from '../../components/form.tsx'
import { PostButton } from '../../components/post-button.tsx'
import { useI18n } from '../../i18n/index.ts'
import { usePage } from '../../page-context.ts'
import { CheckGroup, type FormValues, HiddenValues, many, one, useWeekdayOptions } from './roster-form.tsx'
import {
  FormProblem,
  type PeopleMap,
  PersonName,
  RosterShell,
  SavedNotice,
  type SlotNames,
  type StationInfo,
  useDateLabel,
  useListJoin,
  useSlotName,
} from './roster-shell.tsx'

export type SlotDefInfo = SlotNames & {
  id: number
  startTime: string
  endTime: string
  weekdays: string
  validFrom: string
  validUntil: string | null
}

export type SetupView = {
  station: StationInfo
  firstChangeable: string
  publishedThrough: string | null
  publishTarget: string
  weeks: number
  defs: readonly SlotDefInfo[]
  rules: readonly RotationRule[]
  people: PeopleMap
  slotValues: FormValues
  slotErrors?: FieldErrors
  problem?: string
  notice?: string
}

/** "Mon, Tue, Wed" in the reader's language; "every day" for an empty or full mask. */
function useWeekdayList() {
  const { t } = useI18n()
  const options = useWeekdayOptions()
  const listJoin = useListJoin()
  return (mask: readonly (string | number)[]) =>
    mask.length === 0 || mask.length === 7
      ? t('roster.everyDay')
      : listJoin(mask.map((d) => options[Number(d) - 1]?.label ?? String(d)))
}

/** The name of a rotation unit, one literal key each. */
function useUnitName() {
  const { t } = useI18n()
  return (unit: RotationRule['unit']) =>
    ({
      slot: () => t('roster.unit.slot'),
      day: () => t('roster.unit.day'),
      week: () => t('roster.unit.week'),
    })[unit]()
}

function RuleSummary({
  rule,
  people,
  defs,
}: {
  rule: RotationRule
  people: PeopleMap
  defs: readonly SlotNames[]
}) {
  const { t } = useI18n()
  const slotName = useSlotName(defs)
  const weekdayList = useWeekdayList()
  const listJoin = useListJoin()
  const unit = useUnitName()(rule.unit)
  return (
    <>
      <td>{t('roster.rule.every', { n: rule.interval, unit })}</td>
      <td>
        {rule.slotCodes.length ? listJoin(rule.slotCodes.map(slotName)) : t('roster.allSlots')}
        {' · '}
        {weekdayList(rule.weekdays)}
      </td>
      <td>
        <ol class="roster-people">
          {rule.participants.map((p, i) => (
            <li class={i === rule.startPosition ? 'first' : undefined}>
              <PersonName person={p} people={people} />
              {i === rule.startPosition ? <span class="tag tag-first">{t('roster.rule.first')}</span> : null}
            </li>
          ))}
        </ol>
      </td>
    </>
  )
}

/** Service slots, rotation versions and publishing of one station. */
export function SetupPage(v: SetupView) {
  const { t, name } = useI18n()
  const { account } = usePage()
  const dateLabel = useDateLabel()
  const weekdayList = useWeekdayList()
  const weekdayOptions = useWeekdayOptions()
  const base = `/staff/stations/${v.station.id}/roster`
  const layers = [...new Set(v.rules.map((r) => r.layer))].sort((a, b) => a - b)
  const nextLayer = (layers.at(-1) ?? 0) + 1
  const errors = v.slotErrors ?? {}
  return (
    <RosterShell station={v.station} tab="setup" title={t('roster.setup.title')}>
      <SavedNotice text={v.notice} />
      <FormProblem text={v.problem} />

      <section aria-labelledby="publish-title" class="roster-section">
        <h2 id="publish-title">{t('roster.publish.title')}</h2>
        <p id="roster-published">
          {v.publishedThrough
            ? t('roster.published.through', { date: dateLabel(v.publishedThrough) })
            : t('roster.published.never')}{' '}
          {t('roster.publish.explain', { weeks: v.weeks })}
        </p>
        <form method="post" action={`${base}/publish`} class="actions">
          <CsrfField />
          <button type="submit" id="roster-publish">
            {t('roster.publish.button', { date: dateLabel(v.publishTarget) })}
          </button>
        </form>
        {account?.role === 'admin' ? (
          <form method="post" action={`${base}/publish-weeks`} class="inline-fields">
            <CsrfField />
            <TextField
              name="weeks"
              label="roster.publish.weeks"
              type="number"
              value={v.weeks}
              required
              inputmode="numeric"
              hint={t('roster.publish.weeksHint')}
            />
            <button type="submit">{t('form.save')}</button>
          </form>
        ) : null}
      </section>

      <section aria-labelledby="slots-title" class="roster-section">
        <h2 id="slots-title">{t('roster.slots.title')}</h2>
        <p>{t('roster.slots.intro', { date: dateLabel(v.firstChangeable) })}</p>
        {v.defs.length === 0 ? (
          <p>{t('roster.slots.none')}</p>
        ) : (
          <table id="roster-slot-defs">
            <thead>
              <tr>
                <th scope="col">{t('roster.col.slot')}</th>
                <th scope="col">{t('roster.col.time')}</th>
                <th scope="col">{t('roster.col.weekdays')}</th>
                <th scope="col">{t('roster.col.valid')}</th>
                <th scope="col">{t('form.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {v.defs.map((d) => (
                <tr>
                  <td>
                    {name(d)} <code>{d.code}</code>
                  </td>
                  <td>
                    {d.startTime}–{d.endTime}
                  </td>
                  <td>{weekdayList(d.weekdays === '' ? [] : d.weekdays.split(','))}</td>
                  <td>
                    {d.validUntil
                      ? t('roster.slots.validRange', {
                          from: dateLabel(d.validFrom),
                          to: dateLabel(d.validUntil),
                        })
                      : t('roster.slots.validFrom', { from: dateLabel(d.validFrom) })}
                  </td>
                  <td>
                    {d.validUntil === null || d.validUntil >= v.firstChangeable ? (
                      <form method="post" action={`${base}/slots/${d.id}/retire`} class="inline-fields">
                        <CsrfField />
                        <label for={`retire-${d.id}`}>{t('roster.slots.lastDay')}</label>
                        <input
                          type="date"
                          id={`retire-${d.id}`}
                          name="until"
                          required
                          min={v.firstChangeable}
                          value={d.validUntil ?? ''}
                        />
                        <button type="submit" class="button secondary">
                          {t('roster.slots.retire')}
                          <span class="visually-hidden"> {name(d)}</span>
                        </button>
                      </form>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <h3 id="slot-form-title">{t('roster.slots.add')}</h3>
        <form method="post" action={`${base}/slots`} id="roster-slot-form" aria-labelledby="slot-form-title">
          <CsrfField />
          <ErrorSummary errors={errors} />
          <TextField
            name="code"
            label="roster.slots.code"
            value={one(v.slotValues, 'code')}
            errors={errors}
            required
            maxlength={12}
            hint={t('roster.slots.codeHint')}
          />
          <TextField
            name="nameZhHans"
            label="roster.slots.nameZhHans"
            value={one(v.slotValues, 'nameZhHans')}
            errors={errors}
            required
            maxlength={20}
          />
          <TextField
            name="nameZhHant"
            label="roster.slots.nameZhHant"
            value={one(v.slotValues, 'nameZhHant')}
            errors={errors}
            maxlength={20}
          />
          <TextField
            name="nameEn"
            label="roster.slots.nameEn"
            value={one(v.slotValues, 'nameEn')}
            errors={errors}
            maxlength={30}
          />
          <TextField
            name="start"
            label="roster.slots.start"
            type="time"
            value={one(v.slotValues, 'start')}
            errors={errors}
            required
          />
          <TextField
            name="end"
            label="roster.slots.end"
            type="time"
            value={one(v.slotValues, 'end')}
            errors={errors}
            required
          />
          <CheckGroup
            name="weekdays"
            legend="roster.slots.weekdays"
            hint={t('roster.slots.weekdaysHint')}
            options={weekdayOptions}
            checked={many(v.slotValues, 'weekdays')}
            errors={errors}
          />
          <TextField
            name="validFrom"
            label="roster.slots.from"
            type="date"
            value={one(v.slotValues, 'validFrom')}
            errors={errors}
            required
          />
          <button type="submit">{t('form.add')}</button>
        </form>
      </section>

      <section aria-labelledby="rules-title" class="roster-section">
        <h2 id="rules-title">{t('roster.rules.title')}</h2>
        <p>{t('roster.rules.intro')}</p>
        {layers.length === 0 ? <p>{t('roster.rules.none')}</p> : null}
        {layers.map((layer) => (
          <>
            <h3 id={`layer-${layer}`}>{t('roster.rules.layer', { layer })}</h3>
            <table aria-labelledby={`layer-${layer}`}>
              <thead>
                <tr>
                  <th scope="col">{t('roster.col.effectiveFrom')}</th>
                  <th scope="col">{t('roster.col.turn')}</th>
                  <th scope="col">{t('roster.col.covers')}</th>
                  <th scope="col">{t('roster.col.people')}</th>
                  <th scope="col">{t('form.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {v.rules
                  .filter((r) => r.layer === layer)
                  .map((r) => (
                    <tr>
                      <td>{dateLabel(r.effectiveFrom)}</td>
                      <RuleSummary rule={r} people={v.people} defs={v.defs} />
                      <td>
                        {r.effectiveFrom >= v.firstChangeable ? (
                          <PostButton
                            action={`${base}/rules/${r.id}/delete`}
                            label={t('roster.rules.remove')}
                            name={dateLabel(r.effectiveFrom)}
                            buttonClass="button danger"
                          />
                        ) : null}
                      </td>
                    </tr>
                  ))}
              </tbody>
            </table>
            <p>
              <a class="button secondary" href={`${base}/rules/new?layer=${layer}`}>
                {t('roster.rules.newVersion', { layer })}
              </a>
            </p>
          </>
        ))}
        <p>
          <a class="button" href={`${base}/rules/new?layer=${nextLayer}`} id="roster-new-layer">
            {layers.length ? t('roster.rules.newLayer') : t('roster.rules.first')}
          </a>
        </p>
      </section>
    </RosterShell>
  )
}

export type RuleFormView = {
  station: StationInfo
  firstChangeable: string
  values: FormValues
  errors?: FieldErrors
  candidates: readonly { key: PersonKey; name: string; kind: 'account' | 'deputy' }[]
  defs: readonly SlotNames[]
  people: PeopleMap
  /** Present once previewed without errors: what the change does before it is saved. */
  preview?: { startsWith: PersonKey | null; changes: readonly RosterChange[]; from: string; to: string }
}

/** How many ordered places the participant list offers. */
export const PARTICIPANT_PLACES = 10

export const RULE_FIELDS = [
  'layer',
  'effectiveFrom',
  'unit',
  'interval',
  'participants',
  'slotCodes',
  'weekdays',
] as const

/** A new version of a rotation layer, with a preview of what it changes before it is saved. */
export function RuleFormPage(v: RuleFormView) {
  const { t } = useI18n()
  const dateLabel = useDateLabel()
  const slotName = useSlotName(v.defs)
  const weekdayOptions = useWeekdayOptions()
  const base = `/staff/stations/${v.station.id}/roster`
  const errors = v.errors ?? {}
  const chosen = many(v.values, 'participants')
  const codes = [...new Set(v.defs.map((d) => d.code))]
  const personLabel = (p: { name: string; kind: 'account' | 'deputy' }) =>
    p.kind === 'deputy' ? t('roster.person.deputy', { name: p.name }) : p.name
  const participantError = errors.participants
  return (
    <RosterShell station={v.station} tab="setup" title={t('roster.rules.formTitle')}>
      <form method="post" action={`${base}/rules/preview`} id="roster-rule-form">
        <CsrfField />
        <ErrorSummary errors={errors} />
        <SelectField
          name="layer"
          label="roster.rules.layerField"
          value={one(v.values, 'layer')}
          options={[1, 2, 3, 4, 5].map((n) => ({ value: n, label: t('roster.rules.layer', { layer: n }) }))}
          errors={errors}
          required
          hint={t('roster.rules.layerHint')}
        />
        <TextField
          name="effectiveFrom"
          label="roster.rules.effectiveFrom"
          type="date"
          value={one(v.values, 'effectiveFrom')}
          errors={errors}
          required
          hint={t('roster.rules.effectiveFromHint', { date: dateLabel(v.firstChangeable) })}
        />
        <SelectField
          name="unit"
          label="roster.rules.unit"
          value={one(v.values, 'unit')}
          options={[
            { value: 'slot', label: t('roster.unit.slot') },
            { value: 'day', label: t('roster.unit.day') },
            { value: 'week', label: t('roster.unit.week') },
          ]}
          errors={errors}
          required
        />
        <TextField
          name="interval"
          label="roster.rules.interval"
          type="number"
          inputmode="numeric"
          value={one(v.values, 'interval')}
          errors={errors}
          required
          hint={t('roster.rules.intervalHint')}
        />
        <fieldset
          class={participantError ? 'field check-set participants has-error' : 'field check-set participants'}
          aria-describedby={participantError ? 'e-participants h-participants' : 'h-participants'}
        >
          <legend>{t('roster.rules.participants')}</legend>
          <p class="hint" id="h-participants">
            {t('roster.rules.participantsHint')}
          </p>
          {participantError ? (
            <p class="error" id="e-participants">
              {participantError}
            </p>
          ) : null}
          <ol class="participant-places">
            {Array.from({ length: PARTICIPANT_PLACES }, (_, i) => (
              <li>
                <label for={i === 0 ? 'f-participants' : `f-participants-${i + 1}`}>
                  {t('roster.rules.place', { n: i + 1 })}
                </label>
                <select name="participants" id={i === 0 ? 'f-participants' : `f-participants-${i + 1}`}>
                  <option value="">{t('roster.rules.placeEmpty')}</option>
                  {v.candidates.map((p) => (
                    <option value={p.key} selected={chosen[i] === p.key}>
                      {personLabel(p)}
                    </option>
                  ))}
                </select>
              </li>
            ))}
          </ol>
        </fieldset>
        <CheckGroup
          name="slotCodes"
          legend="roster.rules.slotCodes"
          hint={t('roster.rules.slotCodesHint')}
          options={codes.map((c) => ({ value: c, label: slotName(c) }))}
          checked={many(v.values, 'slotCodes')}
          errors={errors}
        />
        <CheckGroup
          name="weekdays"
          legend="roster.rules.weekdays"
          hint={t('roster.rules.weekdaysHint')}
          options={weekdayOptions}
          checked={many(v.values, 'weekdays')}
          errors={errors}
        />
        <div class="actions">
          <button type="submit" id="roster-preview">
            {t('roster.rules.preview')}
          </button>
          <a class="button secondary" href={`${base}/setup`}>
            {t('form.cancel')}
          </a>
        </div>
      </form>

      {v.preview ? (
        <section aria-labelledby="preview-title" id="roster-rule-preview" class="roster-section">
          <h2 id="preview-title">{t('roster.preview.title')}</h2>
          <p id="roster-preview-first">
            {v.preview.startsWith ? (
              <>
                {t('roster.preview.startsWith')}{' '}
                <PersonName person={v.preview.startsWith} people={v.people} />
              </>
            ) : (
              t('roster.preview.startsFresh')
            )}
          </p>
          {v.preview.changes.length === 0 ? (
            <p>
              {t('roster.preview.noChange', { from: dateLabel(v.preview.from), to: dateLabel(v.preview.to) })}
            </p>
          ) : (
            <table id="roster-preview-changes">
              <caption>
                {t('roster.preview.caption', {
                  n: v.preview.changes.length,
                  from: dateLabel(v.preview.from),
                  to: dateLabel(v.preview.to),
                })}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t('roster.col.date')}</th>
                  <th scope="col">{t('roster.col.slot')}</th>
                  <th scope="col">{t('roster.preview.before')}</th>
                  <th scope="col">{t('roster.preview.after')}</th>
                </tr>
              </thead>
              <tbody>
                {v.preview.changes.map((c) => (
                  <tr>
                    <td>{dateLabel(c.date)}</td>
                    <td>{slotName(c.code)}</td>
                    <td>
                      <PersonName person={c.before} people={v.people} />
                    </td>
                    <td>
                      <PersonName person={c.after} people={v.people} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <form method="post" action={`${base}/rules`} id="roster-rule-save">
            <CsrfField />
            <HiddenValues values={v.values} keys={RULE_FIELDS} />
            <button type="submit">{t('roster.preview.save')}</button>
          </form>
        </section>
      ) : null}
    </RosterShell>
  )
}
