/**
 * A model score as a tile: the score, its band as a word, an arrow and a colour (colour is never the
 * only signal), and for Customer AI the percentile, the scoring date and the top factors.
 */
import { Badge, Text } from '@adobe/react-spectrum'
import ArrowDown from '@spectrum-icons/workflow/ArrowDown'
import ArrowUp from '@spectrum-icons/workflow/ArrowUp'
import Remove from '@spectrum-icons/workflow/Remove'
import type { Band, ScoreInsight } from '../../../actions/lib/view/view-types'
import { useI18n } from '../i18n/i18n-context'
import { InsightTile } from './insight-tile'

type BadgeVariant = 'positive' | 'negative' | 'yellow'

/** When a high score is a risk (churn) it is bad news; when it is an opportunity (engagement), good news. */
const COLOURS: Record<ScoreInsight['highIs'], Record<Band, BadgeVariant>> = {
  risk: { low: 'positive', medium: 'yellow', high: 'negative' },
  opportunity: { low: 'negative', medium: 'yellow', high: 'positive' }
}

const ICONS: Record<Band, typeof ArrowUp> = { low: ArrowDown, medium: Remove, high: ArrowUp }

/** Test ids the end-to-end tests already know for the two classic scores. */
const TEST_IDS: Record<string, string> = {
  churnPropensity: 'insight-churn',
  engagementPropensity: 'insight-engagement'
}

const MAX_FACTORS = 3

interface Props {
  id: string
  title: string
  score: ScoreInsight | null
  /** The plain-language line under the tile (insights.explanations), already in the agent's language. */
  explanation?: string
}

export function ScoreTile({ id, title, score, explanation }: Props): JSX.Element {
  const i18n = useI18n()
  const { t } = i18n
  const testId = TEST_IDS[id] ?? 'insight-score'
  if (!score || !Object.hasOwn(ICONS, score.band))
    return (
      <InsightTile title={title} testId={testId} scoreId={id}>
        <div className="cah-value-lg">{t('insights.notAvailable')}</div>
      </InsightTile>
    )
  const Icon = ICONS[score.band]
  const colours = COLOURS[score.highIs] ?? COLOURS.opportunity
  const factors = (score.factors ?? []).slice(0, MAX_FACTORS)
  // "Top 10 %" reads better than "90th percentile" on a call; never "top 0 %".
  const top = score.percentile !== undefined ? Math.min(100, Math.max(1, Math.round(100 - score.percentile))) : null
  return (
    <InsightTile title={title} testId={testId} scoreId={id}>
      <div className="cah-value-lg">{i18n.percent(score.score)}</div>
      <Badge variant={colours[score.band]} data-band={score.band}>
        <Icon />
        <Text>{t(`band.${score.band}`)}</Text>
      </Badge>
      {top !== null && (
        <div data-testid="score-percentile">{t('insights.percentile', { percent: i18n.percent(top / 100) })}</div>
      )}
      {(score.source === 'customer-ai' || score.scoredAt) && (
        <div className="cah-muted">
          {score.source === 'customer-ai' && t('insights.source.customer-ai')}
          {score.source === 'customer-ai' && score.scoredAt && t('common.separator')}
          {score.scoredAt && t('insights.scoredAt', { date: i18n.date(score.scoredAt) })}
        </div>
      )}
      {factors.length > 0 && (
        <div data-testid="score-factors">
          <div className="cah-muted">{t('insights.factors')}</div>
          <ul className="cah-factor-list">
            {factors.map((f) => (
              <li key={f.name}>{f.value ? t('insights.factor', { name: f.name, value: f.value }) : f.name}</li>
            ))}
          </ul>
        </div>
      )}
      {explanation && (
        <p className="cah-explanation" data-testid="score-explanation">
          {explanation}
        </p>
      )}
    </InsightTile>
  )
}
