import { moduleRuntimeUrl } from '../../../web-src/src/shell/module-runtime-loader'

function framedWindow(href: string): Window {
  return { self: {}, top: {}, location: { href } } as unknown as Window
}

describe('module runtime URL', () => {
  it('is taken from ?_mr= when framed by the shell', () => {
    const mr = encodeURIComponent('https://experience.adobe.com/solutions/exc-module-runtime/mr.js')
    expect(moduleRuntimeUrl(framedWindow(`https://app.example/index.html?_mr=${mr}`))?.hostname).toBe(
      'experience.adobe.com'
    )
  })

  it('is refused from other hosts, over http or for non-scripts', () => {
    for (const bad of [
      'https://evil.example/mr.js',
      'http://experience.adobe.com/mr.js',
      'https://experience.adobe.com/mr.css'
    ]) {
      expect(moduleRuntimeUrl(framedWindow(`https://app.example/?_mr=${encodeURIComponent(bad)}`))).toBeNull()
    }
  })

  it('is absent when the page is not framed', () => {
    expect(moduleRuntimeUrl(window)).toBeNull()
  })
})
