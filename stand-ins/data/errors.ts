/**
 * What is wrong with a `--data` folder. Every problem names the file, where in it (the array index
 * of a JSON array, the 1-based line of NDJSON) and the field, so it can be fixed without guessing:
 * `events.json record 3: timestamp: must be an ISO date-time`.
 */

/** A record's place in its file: `record` is the array index, `line` the NDJSON line (from 1). */
export type Where = { record: number } | { line: number }

export interface DataProblem {
  /** File name inside the folder (`events.json`), or the folder itself. */
  file: string
  where?: Where
  /** Dot path of the field at fault; absent when the whole file or record is. */
  field?: string
  message: string
}

/** Problems listed in one message; more than this many are summarised as "and N more". */
const MAX_LISTED = 20

export function describeProblem(p: DataProblem): string {
  const where = p.where === undefined ? '' : 'record' in p.where ? ` record ${p.where.record}` : ` line ${p.where.line}`
  return `${p.file}${where}: ${p.field === undefined ? '' : `${p.field}: `}${p.message}`
}

/** The folder cannot be loaded; nothing of it was installed. */
export class DataLoadError extends Error {
  readonly problems: readonly DataProblem[]

  constructor(problems: readonly DataProblem[], options?: { cause?: unknown }) {
    const listed = problems.slice(0, MAX_LISTED).map(describeProblem)
    if (problems.length > MAX_LISTED) listed.push(`… and ${problems.length - MAX_LISTED} more`)
    super(listed.join('\n'), options)
    this.name = new.target.name
    this.problems = problems
  }

  toJSON(): Record<string, unknown> {
    return { name: this.name, message: this.message, problems: this.problems }
  }
}

/** Collects problems while a whole folder is checked, so one run reports them all. */
export class Problems {
  readonly list: DataProblem[] = []

  add(file: string, where: Where | undefined, field: string | undefined, message: string): void {
    const p: DataProblem = { file, message }
    if (where !== undefined) p.where = where
    if (field !== undefined) p.field = field
    this.list.push(p)
  }

  /** Throws DataLoadError when anything was added. */
  throwIfAny(): void {
    if (this.list.length > 0) throw new DataLoadError(this.list)
  }
}
