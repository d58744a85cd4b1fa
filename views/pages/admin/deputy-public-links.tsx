import { useI18n } from '../../i18n/index.ts'

/** A deputy row's links to their photo, QR poster, public page and printable schedule. */
export function DeputyPublicLinks({ id, name }: { id: number; name: string }) {
  const { t } = useI18n()
  const hidden = <span class="visually-hidden"> {name}</span>
  return (
    <>
      {' '}
      <a href={`/admin/deputies/${id}/photo`} class="row-link" id={`deputy-photo-${id}`}>
        {t('photo.link')}
        {hidden}
      </a>{' '}
      <a href={`/staff/posters/deputy/${id}`} class="row-link" id={`deputy-poster-${id}`}>
        {t('posters.open')}
        {hidden}
      </a>{' '}
      <a href={`/staff/deputies/${id}/schedule/print`} class="row-link" id={`deputy-schedule-${id}`}>
        {t('schedule.forDeputy')}
        {hidden}
      </a>
    </>
  )
}
