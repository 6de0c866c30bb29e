import { resolveLocale, toAppLocale } from '../../../web-src/src/i18n/locale'

describe('choosing the console language', () => {
  it('maps the shell locale forms of Traditional Chinese to zh-Hant', () => {
    expect(toAppLocale('zh_TW')).toBe('zh-Hant')
    expect(toAppLocale('zh-Hant-HK')).toBe('zh-Hant')
  })

  it('maps any English to en-US and ignores languages it does not speak', () => {
    expect(toAppLocale('en_GB')).toBe('en-US')
    expect(toAppLocale('fr-FR')).toBeNull()
  })

  it('takes the first language it speaks, else English', () => {
    expect(resolveLocale([null, 'de-DE', 'zh-TW', 'en-US'])).toBe('zh-Hant')
    expect(resolveLocale(['ja-JP'])).toBe('en-US')
  })
})
