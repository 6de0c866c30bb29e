/**
 * HS256 JWTs with node:crypto only. Real IMS signs RS256 with a published certificate; a shared
 * dev secret keeps the stand-ins dependency-free while clients still decode the payload as usual.
 */
import { createHmac, timingSafeEqual } from 'node:crypto'

const HEADER = { alg: 'HS256', typ: 'JWT', kid: 'ims_na1-stand-in', x5u: 'ims_na1-stand-in.cer' }

export function signJwt(claims: Record<string, unknown>, secret: string): string {
  const head = b64url(JSON.stringify(HEADER))
  const body = b64url(JSON.stringify(claims))
  return `${head}.${body}.${signature(`${head}.${body}`, secret)}`
}

/** The payload if the signature matches, else null. Says nothing about expiry. */
export function verifyJwt(token: string, secret: string): Record<string, unknown> | null {
  const parts = token.split('.')
  if (parts.length !== 3) return null
  const [head, body, sig] = parts as [string, string, string]
  const expected = Buffer.from(signature(`${head}.${body}`, secret))
  const given = Buffer.from(sig)
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null
  try {
    const payload: unknown = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'))
    return typeof payload === 'object' && payload !== null && !Array.isArray(payload)
      ? (payload as Record<string, unknown>)
      : null
  } catch {
    return null
  }
}

function signature(input: string, secret: string): string {
  return createHmac('sha256', secret).update(input).digest('base64url')
}

function b64url(text: string): string {
  return Buffer.from(text).toString('base64url')
}
