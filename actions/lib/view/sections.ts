/** The sections of a customer view a caller can ask for (`fields`, `include`). */
export const SECTIONS = [
  'identities',
  'name',
  'contact',
  'attributes',
  'mappedAttributes',
  'consents',
  'insights',
  'audiences',
  'events',
  'allAttributes'
] as const
export type Section = (typeof SECTIONS)[number]
