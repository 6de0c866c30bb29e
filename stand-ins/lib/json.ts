/** Parsed JSON whose shape is not known yet (requests, data files): checked before it is read. */
export type Obj = Record<string, unknown>

/** A JSON object: not null, not an array. */
export const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v)
