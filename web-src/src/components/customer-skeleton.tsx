/** Placeholder blocks in the shape of the customer view while the lookup runs. */
import { Flex, View } from '@adobe/react-spectrum'
import { useI18n } from '../i18n/i18n-context'

function Block({ width, height }: { width: string; height: string }): JSX.Element {
  return <div className="cah-skeleton" style={{ width, height }} />
}

export function CustomerSkeleton(): JSX.Element {
  const { t } = useI18n()
  return (
    <div aria-busy="true" data-testid="customer-skeleton">
      <span role="status" className="cah-visually-hidden">
        {t('result.loading')}
      </span>
      <div aria-hidden="true">
        <Flex direction="column" gap="size-200">
          <Block width="40%" height="32px" />
          <Block width="60%" height="16px" />
          <Flex gap="size-200" wrap>
            {[0, 1, 2].map((i) => (
              <View key={i} flexGrow={1} minWidth="size-2400">
                <Block width="100%" height="88px" />
              </View>
            ))}
          </Flex>
          {[0, 1, 2, 3].map((i) => (
            <Block key={i} width={`${80 - i * 10}%`} height="20px" />
          ))}
        </Flex>
      </div>
    </div>
  )
}
