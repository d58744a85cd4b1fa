import type { TopicRow } from '../../../db/queries/queue-presence.ts'
import { useI18n } from '../../i18n/index.ts'
import { KioskLayout } from '../../layouts/kiosk-layout.tsx'
import { QueueStyles } from './queue-assets.tsx'

/** Drop-in step 1: one tap on a topic. */
export function ConcernTopicsPage({ stationName, topics }: { stationName: string; topics: TopicRow[] }) {
  const { t, name } = useI18n()
  return (
    <KioskLayout title={t('queue.kiosk.topics.title')} stationName={stationName}>
      <QueueStyles />
      <p class="q-step">{t('queue.kiosk.step', { n: 1, total: 3 })}</p>
      <h1>{t('queue.kiosk.topics.title')}</h1>
      <p class="lead">{t('queue.kiosk.topics.lead')}</p>
      <ul class="q-topics" id="concern-topics">
        {topics.map((topic) => (
          <li>
            <a
              class="kiosk-button q-topic"
              id={`topic-${topic.id}`}
              href={`/kiosk/concern/details?topic=${topic.id}`}
            >
              {name(topic)}
            </a>
          </li>
        ))}
      </ul>
      <p class="q-nav">
        <a class="kiosk-button" href="/kiosk" id="concern-home">
          {t('kiosk.home')}
        </a>
      </p>
    </KioskLayout>
  )
}
