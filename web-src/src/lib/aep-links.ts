/**
 * Links into Adobe's own UIs. The Experience Platform profile page lives in the Experience Cloud
 * shell at `#/@<tenant>/sname:<sandbox>/platform/profile/browse/<profile id>`, with the merge
 * policy as a query parameter (the format the shell itself shows in the address bar; see docs/ui.md).
 */
const EXPERIENCE_CLOUD = 'https://experience.adobe.com/'

export interface ProfileLink {
  /** The shell's tenant (the `@…` part of its URLs); null lets the shell use the agent's current org. */
  tenant: string | null
  sandbox: string
  profileId: string
  /** Empty means the sandbox's default merge policy. */
  mergePolicyId: string
}

/** The profile's page in the Experience Platform UI, or null when the view names no profile. */
export function aepProfileUrl(link: ProfileLink): string | null {
  if (!link.profileId || !link.sandbox) return null
  const tenant = link.tenant ? `@${encodeURIComponent(link.tenant)}/` : ''
  const query = link.mergePolicyId ? `?mergePolicyId=${encodeURIComponent(link.mergePolicyId)}` : ''
  return `${EXPERIENCE_CLOUD}#/${tenant}sname:${encodeURIComponent(link.sandbox)}/platform/profile/browse/${encodeURIComponent(link.profileId)}${query}`
}
