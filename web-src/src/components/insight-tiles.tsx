/**
 * Lifetime value and every model score the view carries (the mapping's and Customer AI's), then the
 * profile's computed attributes. A view without `scores` (an older cached copy) shows the classic
 * churn and engagement tiles. Each score tile carries its plain-language explanation when the view has one.
 */
import type { Insights, Score, ScoreInsight } from '../../../actions/lib/view/view-types'
import { type I18n, useI18n } from '../i18n/i18n-context'
import { explanationText } from '../lib/insight-text'
import { ComputedAttributes } from './computed-attributes'
import { InsightTile } from './insight-tile'
import { ScoreTile } from './score-tile'

interface TileScore {
  id: string
  title: string
  score: ScoreInsight | null
}

function legacy(id: string, title: string, highIs: ScoreInsight['highIs'], s: Score | null): TileScore {
  const score = s && { ...s, id, label: { en: title }, highIs, source: 'mapping' as const }
  return { id, title, score }
}

/** Known ids speak the agent's language; others use the admin's label or the model's name. */
function titleOf(s: ScoreInsight, i18n: I18n): string {
  if (s.id === 'churnPropensity') return i18n.t('insights.churn')
  if (s.id === 'engagementPropensity') return i18n.t('insights.engagement')
  return i18n.localized(s.label)
}

function tileScores(insights: Insights, i18n: I18n): TileScore[] {
  const scores = insights.scores ?? []
  if (scores.length > 0) return scores.map((s) => ({ id: s.id, title: titleOf(s, i18n), score: s }))
  return [
    legacy('churnPropensity', i18n.t('insights.churn'), 'risk', insights.churnPropensity),
    legacy('engagementPropensity', i18n.t('insights.engagement'), 'opportunity', insights.engagementPropensity)
  ]
}

export function InsightTiles({ insights }: { insights: Insights }): JSX.Element {
  const i18n = useI18n()
  const { t } = i18n
  return (
    <section aria-labelledby="cah-insights-title">
      <h3 id="cah-insights-title" className="cah-section-title">
        {t('insights.label')}
      </h3>
      <ul className="cah-tiles">
        <InsightTile title={t('insights.ltv')} testId="insight-ltv">
          <div className="cah-value-lg">
            {insights.lifetimeValue ? i18n.money(insights.lifetimeValue) : t('insights.notAvailable')}
          </div>
        </InsightTile>
        {tileScores(insights, i18n).map((s) => {
          const x = (insights.explanations ?? []).find((e) => e.scoreId === s.id)
          const line = x ? explanationText(x, s.score ?? undefined, i18n) : undefined
          return <ScoreTile key={s.id} id={s.id} title={s.title} score={s.score} explanation={line} />
        })}
      </ul>
      <ComputedAttributes computed={insights.computed ?? []} />
    </section>
  )
}
