/**
 * Lifetime value, churn risk and engagement. Each band is shown as a word and an icon as well as
 * a colour, so the signal survives colour blindness, greyscale and screen readers.
 */

import { Badge, Text, View } from '@adobe/react-spectrum'
import ArrowDown from '@spectrum-icons/workflow/ArrowDown'
import ArrowUp from '@spectrum-icons/workflow/ArrowUp'
import Remove from '@spectrum-icons/workflow/Remove'
import type { ReactNode } from 'react'
import type { Band, Insights, Score } from '../../../actions/lib/view/view-types'
import { useI18n } from '../i18n/i18n-context'

type BadgeVariant = 'positive' | 'negative' | 'yellow'

/** For churn a high score is bad news; for engagement it is good news. */
const COLOURS: Record<'churn' | 'engagement', Record<Band, BadgeVariant>> = {
  churn: { low: 'positive', medium: 'yellow', high: 'negative' },
  engagement: { low: 'negative', medium: 'yellow', high: 'positive' }
}

const ICONS: Record<Band, typeof ArrowUp> = { low: ArrowDown, medium: Remove, high: ArrowUp }

function Tile({ title, testId, children }: { title: string; testId: string; children: ReactNode }): JSX.Element {
  return (
    <li data-testid={testId} style={{ flex: '1 1 12rem' }}>
      <View borderWidth="thin" borderColor="gray-300" borderRadius="medium" padding="size-200" height="100%">
        <div className="cah-muted">{title}</div>
        {children}
      </View>
    </li>
  )
}

function ScoreTile({
  kind,
  title,
  score
}: {
  kind: 'churn' | 'engagement'
  title: string
  score: Score | null
}): JSX.Element {
  const i18n = useI18n()
  const testId = kind === 'churn' ? 'insight-churn' : 'insight-engagement'
  if (!score || !(score.band in ICONS))
    return (
      <Tile title={title} testId={testId}>
        <div className="cah-value-lg">{i18n.t('insights.notAvailable')}</div>
      </Tile>
    )
  const Icon = ICONS[score.band]
  const level = i18n.t(`band.${score.band}`)
  return (
    <Tile title={title} testId={testId}>
      <div className="cah-value-lg">{i18n.percent(score.score)}</div>
      <Badge variant={COLOURS[kind][score.band]} data-band={score.band}>
        <Icon />
        <Text>{level}</Text>
      </Badge>
    </Tile>
  )
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
        <Tile title={t('insights.ltv')} testId="insight-ltv">
          <div className="cah-value-lg">
            {insights.lifetimeValue ? i18n.money(insights.lifetimeValue) : t('insights.notAvailable')}
          </div>
        </Tile>
        <ScoreTile kind="churn" title={t('insights.churn')} score={insights.churnPropensity} />
        <ScoreTile kind="engagement" title={t('insights.engagement')} score={insights.engagementPropensity} />
      </ul>
    </section>
  )
}
