/** AEP computed attributes found on the profile, as a small list of name and value. */
import type { ComputedAttribute } from '../../../actions/lib/view/view-types'
import { type I18n, useI18n } from '../i18n/i18n-context'

const ISO_DATE = /^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/

function valueText(v: ComputedAttribute['value'], i18n: I18n): string {
  if (typeof v === 'number') return i18n.number(v)
  if (typeof v === 'boolean') return i18n.t(v ? 'common.yes' : 'common.no')
  return ISO_DATE.test(v) ? i18n.date(v) : v
}

export function ComputedAttributes({ computed }: { computed: ComputedAttribute[] }): JSX.Element | null {
  const i18n = useI18n()
  const { t } = i18n
  if (computed.length === 0) return null
  return (
    <div data-testid="computed-attributes">
      <h4 id="cah-computed-title" className="cah-subsection-title">
        {t('insights.computed')}
      </h4>
      <dl className="cah-facts" aria-labelledby="cah-computed-title">
        {computed.map((c) => (
          <div key={c.name} style={{ display: 'contents' }}>
            <dt>{c.name}</dt>
            <dd>
              {valueText(c.value, i18n)}
              {c.evaluatedAt && (
                <span className="cah-muted">
                  {t('common.separator')}
                  {t('insights.computed.evaluated', { when: i18n.relative(c.evaluatedAt) })}
                </span>
              )}
            </dd>
          </div>
        ))}
      </dl>
    </div>
  )
}
