/**
 * The heading of a lookup result. It takes focus when it appears after a search, so keyboard and
 * screen-reader users land on the result without hunting for it.
 */
import { type ReactNode, useEffect, useRef } from 'react'

interface Props {
  id?: string
  autoFocus: boolean
  children: ReactNode
  testId?: string
}

export function FocusHeading({ id, autoFocus, children, testId }: Props): JSX.Element {
  const ref = useRef<HTMLHeadingElement>(null)
  useEffect(() => {
    if (autoFocus) ref.current?.focus()
  }, [autoFocus])
  return (
    <h2 id={id} ref={ref} tabIndex={-1} className="cah-heading" data-testid={testId}>
      {children}
    </h2>
  )
}
