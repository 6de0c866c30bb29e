/**
 * Identical work in flight in this container, done once: a caller asking for work that is already
 * running under the same key joins it (100 concurrent identical lookups make one AEP call).
 *
 * A caller may join before it knows whether it needs the result — when the State read runs beside
 * the AEP call — and then either uses the result or leaves. Work that every caller left is
 * abandoned: no later caller joins it (so work outliving its activations, perhaps across a freeze
 * of the container, is never handed to a new request), and it can tell, to skip its writes.
 */

/** What the work sees of its callers. */
export interface FlightControl {
  /** Settles once one caller has used the result (true) or every caller so far has left (false). */
  wanted(): Promise<boolean>
  /** True once every caller so far has left: nobody waits for this work any more. */
  readonly abandoned: boolean
}

/** One caller's part in a flight: it calls `use` or `leave`, once. */
export interface Ticket<T> {
  /** This caller needs the result. */
  use(): Promise<T>
  /** This caller does not need the result after all. */
  leave(): void
}

class Flight<T> implements FlightControl {
  readonly result: Promise<T>
  abandoned = false
  private undecided = 1
  private used = false
  private readonly waiting: Array<(used: boolean) => void> = []

  /** Starts `work` for its first caller; `settled` runs once it has settled. */
  constructor(work: (flight: FlightControl) => Promise<T>, settled: () => void) {
    this.result = work(this).finally(settled)
    // A result nobody uses may fail with nobody listening: that is not an unhandled rejection.
    this.result.catch(() => undefined)
  }

  enter(): void {
    this.undecided++
  }

  /** Records one caller's decision; true when that made the flight abandoned. */
  decide(use: boolean): boolean {
    this.undecided--
    if (use) this.used = true
    if (!this.used && this.undecided > 0) return false
    if (!this.used) this.abandoned = true
    for (const settle of this.waiting.splice(0)) settle(this.used)
    return this.abandoned
  }

  wanted(): Promise<boolean> {
    if (this.used || this.undecided === 0) return Promise.resolve(this.used)
    return new Promise((settle) => this.waiting.push(settle))
  }
}

export class Coalescer<T> {
  private readonly flights = new Map<string, Flight<T>>()

  /** Joins the work running under `key`, or starts `work` under it. */
  join(key: string, work: (flight: FlightControl) => Promise<T>): Ticket<T> {
    let flight = this.flights.get(key)
    if (flight) flight.enter()
    else {
      const started: Flight<T> = new Flight(work, () => this.forget(key, started))
      this.flights.set(key, started)
      flight = started
    }
    const joined = flight
    let decided = false
    const decide = (use: boolean): void => {
      if (decided) return
      decided = true
      if (joined.decide(use)) this.forget(key, joined)
    }
    return {
      use: () => {
        decide(true)
        return joined.result
      },
      leave: () => decide(false)
    }
  }

  /** Flights running now (for tests). */
  get size(): number {
    return this.flights.size
  }

  private forget(key: string, flight: Flight<T>): void {
    if (this.flights.get(key) === flight) this.flights.delete(key)
  }
}
