import {
  checkSuggestionQuality,
  type QualityReport,
  qualityInputOf,
  suggestionLexicon,
} from '../../server/domain/suggestion-quality.ts'
import type { Queryable } from '../client.ts'
import { districts } from '../schema.ts'
import { listPlaces } from './places.ts'
import type { SuggestionView } from './suggestions.ts'

/**
 * Every name, in each language, of the register's active places and of the districts: a problem
 * that names one of them names a place, even with no place word in it (翠湖苑).
 */
export function registerPlaceNames(db: Queryable): string[] {
  const rows = [
    ...listPlaces(db),
    ...db
      .select({
        nameZhHans: districts.nameZhHans,
        nameZhHant: districts.nameZhHant,
        nameEn: districts.nameEn,
      })
      .from(districts)
      .all(),
  ]
  return [...new Set(rows.flatMap((r) => [r.nameZhHans, r.nameZhHant, r.nameEn]).filter((n) => n.trim()))]
}

/** The quality checklist of a suggestion as it is stored (issue 18 item 3). */
export function suggestionQualityReport(db: Queryable, s: SuggestionView): QualityReport {
  return checkSuggestionQuality(qualityInputOf(s, registerPlaceNames(db)), suggestionLexicon())
}
