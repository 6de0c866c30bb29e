/** Hashes that stand in for identities and tokens wherever they would otherwise be stored or logged. */
import { createHash, createHmac } from 'node:crypto'

/** Salted, keyed hash of a normalised identity: stable per org salt, useless without it. */
export function identityHash(salt: string, namespace: string, id: string): string {
  return createHmac('sha256', salt).update(`${namespace}\u0000${id}`).digest('base64url').slice(0, 32)
}

/** Hash of a bearer token, for in-memory validation caches: the token itself is never a key. */
export function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('base64url')
}
