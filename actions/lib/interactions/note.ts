/**
 * The agent's free-text note, made safe to store in a profile that journeys, audiences and other
 * agents read: control characters go, and the obvious shapes of a payment card number (13–19
 * digits passing the Luhn check, spaces or dashes allowed), a card security code and a password or
 * PIN given in words are replaced by `[removed]`. The form warns first; this is the net.
 */

export const REMOVED = '[removed]'

/** 13–19 digits, each group separated by at most one space or dash. */
const CARD_CANDIDATE = /(?<![\d-])\d(?:[ -]?\d){12,18}(?![\d-])/g
const SECURITY_CODE = /\b(cvv2?|cvc2?|cid|security code)\b(\s*(?:(?:is|was)\b\s*)?(?::|=|-)?\s*)\d{3,4}\b/gi
/** "password is hunter2", "pwd: x", "PIN 1234", "密碼是 abc": the word stays, the secret goes. */
const SECRET =
  /(\b(?:password|passwd|pwd|passcode|passphrase|pin(?: code| number)?)\b|密碼|密码|口令)(\s+-\s+|\s*(?:(?:is|was)\b\s*)?(?::|=|：|是|為|为)?\s*)(\S+)/gi
/** What follows "password was …" in a note about the account rather than the secret itself. */
const NOT_A_SECRET =
  /^(reset|changed|updated|expired|wrong|incorrect|locked|forgotten|forgot|sent|not|never|still|already|being|required|needed|the|a|an|and|or|to|for|of|on|in)\b/i
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u200b-\u200f\u2028\u2029\u202a-\u202e]/g

function luhn(digits: string): boolean {
  let sum = 0
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i])
    if (i % 2 === 1) {
      d *= 2
      if (d > 9) d -= 9
    }
    sum += d
  }
  return sum % 10 === 0
}

export interface CleanNote {
  text: string
  /** Whether anything that looked like a card number, security code or password was removed. */
  redacted: boolean
}

/** The note as stored: trimmed, one kind of line break, no control characters, secrets removed. */
export function cleanNote(raw: string): CleanNote {
  let redacted = false
  const text = raw
    .replace(/\r\n?/g, '\n')
    .replace(CONTROL, '')
    .replace(CARD_CANDIDATE, (m) => {
      if (!luhn(m.replace(/\D/g, ''))) return m
      redacted = true
      return REMOVED
    })
    .replace(SECURITY_CODE, (_m, word: string, sep: string) => {
      redacted = true
      return `${word}${sep}${REMOVED}`
    })
    .replace(SECRET, (m, word: string, sep: string, secret: string) => {
      // "password reset link sent" is a topic, not a secret: without "is" or ":" only a value with a digit counts.
      if (secret === REMOVED || (sep.trim() === '' && !/\d/.test(secret))) return m
      // "password was reset": a separator in words, then a word that describes rather than discloses.
      if (/^(is|was)$/i.test(sep.trim()) && NOT_A_SECRET.test(secret)) return m
      redacted = true
      return `${word}${sep || ' '}${REMOVED}`
    })
    .trim()
  return { text, redacted }
}
