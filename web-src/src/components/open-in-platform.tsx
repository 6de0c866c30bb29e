/** "Open in Experience Platform": the same profile, sandbox and merge policy in AEP's own UI, in a new tab. */
import { Link } from '@adobe/react-spectrum'
import LinkOut from '@spectrum-icons/workflow/LinkOut'
import type { ViewMeta } from '../../../actions/lib/view/view-types'
import { useI18n } from '../i18n/i18n-context'
import { aepProfileUrl } from '../lib/aep-links'
import { useShell } from '../shell/shell-state'

export function OpenInPlatform({ profileId, meta }: { profileId: string; meta: ViewMeta }): JSX.Element | null {
  const { t } = useI18n()
  const { tenant } = useShell()
  const href = aepProfileUrl({ tenant, sandbox: meta.sandbox, profileId, mergePolicyId: meta.mergePolicyId })
  if (!href) return null
  return (
    <Link href={href} target="_blank" rel="noopener noreferrer" data-testid="open-in-platform">
      <LinkOut size="XS" aria-hidden="true" /> {t('customer.openInPlatform')}
      <span className="cah-visually-hidden">{t('common.newTab')}</span>
    </Link>
  )
}
