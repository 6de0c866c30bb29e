/** What one doctor check found. Details and hints never carry a secret, a token or a customer's identity. */
export type Status = 'pass' | 'fail' | 'warn' | 'skip'

export interface CheckResult {
  /** The section it is printed under ("Configuration", "Adobe IMS", …). */
  group: string
  status: Status
  /** One line: what was checked and what was found. */
  title: string
  /** One line: what to do about it (failures, warnings and skips). */
  hint?: string
}

export const check = {
  pass: (group: string, title: string): CheckResult => ({ group, status: 'pass', title }),
  fail: (group: string, title: string, hint: string): CheckResult => ({ group, status: 'fail', title, hint }),
  warn: (group: string, title: string, hint: string): CheckResult => ({ group, status: 'warn', title, hint }),
  skip: (group: string, title: string, hint: string): CheckResult => ({ group, status: 'skip', title, hint })
}

export function failed(results: CheckResult[]): boolean {
  return results.some((r) => r.status === 'fail')
}

/** Rejects with `message` when `work` takes longer than `ms`: no check may hang the doctor. */
export function within<T>(work: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(message)), ms)
  })
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer))
}
