import { enUS } from '../../../web-src/src/i18n/en-US'
import { zhHant } from '../../../web-src/src/i18n/zh-Hant'

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '').sort()
}

describe('message catalogues', () => {
  it('have exactly the same keys in en-US and zh-Hant', () => {
    expect(Object.keys(zhHant).sort()).toEqual(Object.keys(enUS).sort())
  })

  it('use the same placeholders for every key in both languages', () => {
    const mismatched = Object.entries(enUS)
      .filter(([key, text]) => placeholders(text).join() !== placeholders(zhHant[key as keyof typeof enUS]).join())
      .map(([key]) => key)
    expect(mismatched).toEqual([])
  })

  it('have no empty message', () => {
    const empty = [...Object.entries(enUS), ...Object.entries(zhHant)]
      .filter(([, text]) => text.trim() === '')
      .map(([key]) => key)
    expect(empty).toEqual([])
  })

  it('translate the zh-Hant messages rather than copying the English', () => {
    // Brand names, identifiers and symbols may stay the same; everything else must differ.
    const sameOnPurpose = new Set([
      'language.en-US',
      'language.zh-Hant',
      'namespace.crmid',
      'namespace.ecid',
      'common.separator',
      'recents.chip'
    ])
    const copied = Object.keys(enUS).filter(
      (k) => !sameOnPurpose.has(k) && enUS[k as keyof typeof enUS] === zhHant[k as keyof typeof enUS]
    )
    expect(copied).toEqual([])
  })
})
