import { type Context, Hono } from 'hono'
import { findDeputy } from '../../../db/queries/admin-deputies.ts'
import { photoEtags, removeDeputyPhoto, saveDeputyPhoto } from '../../../db/queries/deputy-photos.ts'
import type { MessageKey } from '../../../views/i18n/index.ts'
import { DeputyPhotoPage } from '../../../views/pages/admin/deputy-photo-page.tsx'
import { renderPage } from '../../../views/render.tsx'
import type { AppDeps } from '../../deps.ts'
import type { AppEnv } from '../../env.ts'
import { MAX_PHOTO_BYTES, resizePhoto } from '../../public-pages/photo-resize.ts'
import { photoPath } from '../public-pages.tsx'
import { actorId, idParam, readForm } from './shared.ts'

/**
 * A deputy's photo for the public pages (issue 16 item 2): uploaded here, resized and stripped
 * of camera data by sharp, kept in deputy_photos, served at /m/deputy/:id/photo. Audited.
 */
export function deputyPhotoRoutes(deps: AppDeps) {
  const { db, clock } = deps
  const app = new Hono<AppEnv>()

  const page = (c: Context<AppEnv>, id: number, status: 200 | 413 | 422 = 200, error?: MessageKey) => {
    const d = findDeputy(db, id)!
    const { t } = c.get('i18n')
    const etag = photoEtags(db, [id]).get(id)
    const done = c.req.query('done')
    return renderPage(
      c,
      <DeputyPhotoPage
        id={id}
        name={d.name}
        photoUrl={etag ? photoPath(id, etag) : null}
        error={error ? t(error) : undefined}
        notice={done === 'saved' ? t('photo.saved') : done === 'removed' ? t('photo.removed') : undefined}
      />,
      status,
    )
  }
  const deputyOf = (c: Context<AppEnv>) => {
    const d = findDeputy(db, idParam(c) ?? 0)
    return d?.id
  }

  app.get('/:id{[0-9]+}/photo', (c) => {
    const id = deputyOf(c)
    return id === undefined ? c.notFound() : page(c, id)
  })

  app.post('/:id{[0-9]+}/photo', async (c) => {
    const id = deputyOf(c)
    if (id === undefined) return c.notFound()
    const file = (await readForm(c)).photo
    const upload =
      file instanceof File ? file : Array.isArray(file) ? file.find((f) => f instanceof File) : undefined
    if (!(upload instanceof File) || upload.size === 0) return page(c, id, 422, 'photo.error.missing')
    if (upload.size > MAX_PHOTO_BYTES) return page(c, id, 413, 'photo.error.tooLarge')
    const resized = await resizePhoto(new Uint8Array(await upload.arrayBuffer()))
    if (resized === 'unsupported') return page(c, id, 422, 'photo.error.unsupported')
    if (resized === 'unreadable') return page(c, id, 422, 'photo.error.unreadable')
    saveDeputyPhoto(db, id, resized, actorId(c), clock.now())
    return c.redirect(`/admin/deputies/${id}/photo?done=saved`, 303)
  })

  app.post('/:id{[0-9]+}/photo/remove', (c) => {
    const id = deputyOf(c)
    if (id === undefined) return c.notFound()
    removeDeputyPhoto(db, id, actorId(c), clock.now())
    return c.redirect(`/admin/deputies/${id}/photo?done=removed`, 303)
  })
  return app
}
