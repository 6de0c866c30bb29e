/** One icon per family of event kinds, so the timeline can be scanned by shape as well as by text. */
import AdDisplay from '@spectrum-icons/workflow/AdDisplay'
import AppRefresh from '@spectrum-icons/workflow/AppRefresh'
import BookmarkSingleOutline from '@spectrum-icons/workflow/BookmarkSingleOutline'
import Box from '@spectrum-icons/workflow/Box'
import Bug from '@spectrum-icons/workflow/Bug'
import CallCenter from '@spectrum-icons/workflow/CallCenter'
import Chat from '@spectrum-icons/workflow/Chat'
import CreditCard from '@spectrum-icons/workflow/CreditCard'
import DevicePhone from '@spectrum-icons/workflow/DevicePhone'
import Download from '@spectrum-icons/workflow/Download'
import Email from '@spectrum-icons/workflow/Email'
import EmailExclude from '@spectrum-icons/workflow/EmailExclude'
import EmailOutline from '@spectrum-icons/workflow/EmailOutline'
import Event from '@spectrum-icons/workflow/Event'
import Location from '@spectrum-icons/workflow/Location'
import Login from '@spectrum-icons/workflow/Login'
import LogOut from '@spectrum-icons/workflow/LogOut'
import Messenger from '@spectrum-icons/workflow/Messenger'
import Offer from '@spectrum-icons/workflow/Offer'
import PlayCircle from '@spectrum-icons/workflow/PlayCircle'
import PushNotification from '@spectrum-icons/workflow/PushNotification'
import Search from '@spectrum-icons/workflow/Search'
import Select from '@spectrum-icons/workflow/Select'
import ShoppingCart from '@spectrum-icons/workflow/ShoppingCart'
import UserAdd from '@spectrum-icons/workflow/UserAdd'
import WebPage from '@spectrum-icons/workflow/WebPage'
import type { EventKind } from '../../../actions/lib/view/view-types'

const ICONS: Record<EventKind, typeof Event> = {
  purchase: ShoppingCart,
  checkout: CreditCard,
  'cart-add': ShoppingCart,
  'cart-remove': ShoppingCart,
  'cart-view': ShoppingCart,
  'product-view': Box,
  'save-for-later': BookmarkSingleOutline,
  'web-visit': WebPage,
  'web-click': Select,
  search: Search,
  'app-launch': DevicePhone,
  'app-close': DevicePhone,
  'app-login': Login,
  'app-logout': LogOut,
  'app-install': Download,
  'app-upgrade': AppRefresh,
  'app-crash': Bug,
  'email-send': Email,
  'email-open': EmailOutline,
  'email-click': EmailOutline,
  'email-bounce': EmailExclude,
  'email-unsubscribe': EmailExclude,
  'message-send': Chat,
  'message-open': Chat,
  'message-click': Chat,
  'message-bounce': Chat,
  'message-unsubscribe': Chat,
  'push-open': PushNotification,
  'push-action': PushNotification,
  'in-app-display': Messenger,
  'in-app-interact': Messenger,
  'in-app-dismiss': Messenger,
  'offer-display': Offer,
  'offer-interact': Offer,
  'offer-dismiss': Offer,
  lead: UserAdd,
  media: PlayCircle,
  'location-entry': Location,
  'location-exit': Location,
  'ad-impression': AdDisplay,
  'ad-click': AdDisplay,
  'support-call': CallCenter,
  activity: Event
}

/** Decorative: the kind is also said in words next to it. */
export function EventIcon({ kind }: { kind: EventKind }): JSX.Element {
  const Icon = ICONS[kind]
  return <Icon size="S" aria-hidden="true" />
}
