/** One insight tile: a muted title over its value. */
import { View } from '@adobe/react-spectrum'
import type { ReactNode } from 'react'

interface Props {
  title: string
  testId: string
  scoreId?: string
  children: ReactNode
}

export function InsightTile({ title, testId, scoreId, children }: Props): JSX.Element {
  return (
    <li data-testid={testId} data-score-id={scoreId} style={{ flex: '1 1 12rem' }}>
      <View borderWidth="thin" borderColor="gray-300" borderRadius="medium" padding="size-200" height="100%">
        <div className="cah-muted">{title}</div>
        {children}
      </View>
    </li>
  )
}
