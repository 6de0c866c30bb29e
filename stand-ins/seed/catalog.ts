/**
 * Fixed catalogues of the demo org: audiences, identity namespaces, products, web pages, support
 * reasons, e-mail campaigns and the mobile app. Audience ids are constants (they do not depend on
 * the PRNG seed), so docs, tests and the stand-in can refer to them.
 */
import type { AudienceDefinition, NamespaceDefinition } from './types'

export const AUDIENCE = {
  highValueLoyalists: '50052637-d7ec-4510-a6ec-15036a302aeb',
  atRiskOfChurn: 'bfa9915e-9e20-4f93-93b4-46f5b560936b',
  cartAbandoners: 'dc33d019-691a-4ff9-a55b-c6ebc07dd742',
  newsletterEngaged: 'b9832616-fd66-4c55-a200-906593a537af',
  recentStoreVisitors: '0e49f3df-f766-4196-97b5-4fb8f851bb4b',
  zhHantTaipei: 'f9003a98-a7ba-4912-a338-07b7313c4872',
  newCustomers: 'bffabb3d-0d5d-45be-b5b6-93428c83d645',
  lapsedPurchasers: '980cbb27-cc95-4cae-817e-09323647784b',
  mobileAppUsers: '2029a5fe-c0de-49c0-84c4-dccc08419498',
  supportEscalations: '689ea0a3-4667-4476-8998-b06f909fcb6c',
  platinumConcierge: '4bdea404-f3f5-4c99-9add-39f206378f10',
  emailPromoResponders: '67529703-3565-4fbe-ad6b-2f4d3eebaaca'
} as const

export type AudienceKey = keyof typeof AUDIENCE

export const AUDIENCES: readonly AudienceDefinition[] = [
  {
    id: AUDIENCE.highValueLoyalists,
    name: 'High-value loyalists',
    description: 'Gold and platinum loyalty members with a lifetime value above USD 2,500 (or the local equivalent).'
  },
  {
    id: AUDIENCE.atRiskOfChurn,
    name: 'At risk of churn',
    description: 'Churn propensity score of 0.70 or more.'
  },
  {
    id: AUDIENCE.cartAbandoners,
    name: 'Cart abandoners – 7 days',
    description: 'Viewed the cart in the last 7 days without purchasing afterwards.'
  },
  {
    id: AUDIENCE.newsletterEngaged,
    name: 'Newsletter engaged',
    description: 'Opened or clicked a marketing e-mail in the last 30 days.'
  },
  {
    id: AUDIENCE.recentStoreVisitors,
    name: 'Recent store visitors',
    description: 'Made an in-store purchase in the last 30 days.'
  },
  {
    id: AUDIENCE.zhHantTaipei,
    name: 'zh-Hant speakers — Taipei',
    description: '偏好繁體中文、居住於臺北市的顧客 (prefers Traditional Chinese and lives in Taipei City).'
  },
  {
    id: AUDIENCE.newCustomers,
    name: 'New customers – first 90 days',
    description: 'Became a customer in the last 90 days.'
  },
  {
    id: AUDIENCE.lapsedPurchasers,
    name: 'Lapsed purchasers – 180 days',
    description: 'Customers for more than 180 days with no purchase in the last 180 days.'
  },
  {
    id: AUDIENCE.mobileAppUsers,
    name: 'Mobile app users',
    description: 'Made a purchase in the mobile app in the last 12 months.'
  },
  {
    id: AUDIENCE.supportEscalations,
    name: 'Support escalations – 30 days',
    description: 'A support call in the last 30 days ended unresolved.'
  },
  {
    id: AUDIENCE.platinumConcierge,
    name: 'Platinum concierge',
    description: 'Platinum loyalty members routed to the concierge desk.'
  },
  {
    id: AUDIENCE.emailPromoResponders,
    name: 'Email promo responders',
    description: 'Clicked through a marketing e-mail in the last 90 days.'
  }
]

/** Namespace ids/codes as AEP Identity Service lists them (standard ones use Adobe's fixed ids). */
export const NAMESPACES: readonly NamespaceDefinition[] = [
  { id: 4, code: 'ECID', name: 'ECID', description: 'Adobe Experience Cloud ID', idType: 'COOKIE', custom: false },
  { id: 6, code: 'Email', name: 'Email', description: 'Email', idType: 'EMAIL', custom: false },
  { id: 7, code: 'Phone', name: 'Phone', description: 'Phone', idType: 'PHONE', custom: false },
  {
    id: 0,
    code: 'CORE',
    name: 'Adobe Audience Manager',
    description: 'Adobe Audience Manager UUID',
    idType: 'COOKIE',
    custom: false
  },
  { id: 8, code: 'WAID', name: 'Windows AID', description: 'Windows Advertising ID', idType: 'DEVICE', custom: false },
  { id: 9, code: 'TNTID', name: 'Adobe Target', description: 'Adobe Target ID', idType: 'CROSS_DEVICE', custom: false },
  {
    id: 411,
    code: 'AdCloud',
    name: 'Adobe Advertising Cloud',
    description: 'Adobe Advertising Cloud ID',
    idType: 'COOKIE',
    custom: false
  },
  {
    id: 20914,
    code: 'GAID',
    name: 'Google Ad ID (GAID)',
    description: 'Google Advertising ID',
    idType: 'DEVICE',
    custom: false
  },
  {
    id: 20915,
    code: 'IDFA',
    name: 'Apple IDFA (ID for Advertisers)',
    description: 'Apple ID for Advertisers',
    idType: 'DEVICE',
    custom: false
  },
  {
    id: 10018776,
    code: 'CRMID',
    name: 'CRM ID',
    description: 'Customer id from the CRM system (CRM-nnnnnn)',
    idType: 'CROSS_DEVICE',
    custom: true
  },
  {
    id: 10018777,
    code: 'LoyaltyID',
    name: 'Loyalty ID',
    description: 'Rewards Club membership number',
    idType: 'CROSS_DEVICE',
    custom: true
  }
]

/** identityMap key (AEP namespace code) for each lower-case seed namespace. */
export const NS_CODE = {
  email: 'Email',
  phone: 'Phone',
  ecid: 'ECID',
  crmid: 'CRMID',
  loyaltyid: 'LoyaltyID'
} as const

export type SeedNamespace = keyof typeof NS_CODE

export const LOYALTY_PROGRAM = 'Rewards Club'

export interface Product {
  sku: string
  name: string
  usd: number
  /** Relative popularity. */
  weight: number
}

export const PRODUCTS: readonly Product[] = [
  { sku: 'APP-SWT-1042', name: 'Merino Crewneck Sweater', usd: 98, weight: 6 },
  { sku: 'APP-TEE-2210', name: 'Organic Cotton Tee', usd: 28, weight: 12 },
  { sku: 'APP-SHT-3318', name: 'Linen Button-Down Shirt', usd: 64, weight: 7 },
  { sku: 'APP-JKT-4120', name: 'Down Puffer Jacket', usd: 229, weight: 3 },
  { sku: 'FTW-RUN-5501', name: 'Trail Running Shoes', usd: 139.95, weight: 6 },
  { sku: 'FTW-BOT-5620', name: 'Leather Chelsea Boots', usd: 189, weight: 3 },
  { sku: 'SPT-YOG-6021', name: 'Yoga Mat 6 mm', usd: 78, weight: 5 },
  { sku: 'SPT-BAG-6108', name: 'Hiking Backpack 28 L', usd: 165, weight: 3 },
  { sku: 'ACC-BTL-7005', name: 'Stainless Water Bottle 750 ml', usd: 32, weight: 10 },
  { sku: 'ACC-SCF-7210', name: 'Cashmere Scarf', usd: 120, weight: 4 },
  { sku: 'ACC-BAG-7402', name: 'Leather Weekender Bag', usd: 295, weight: 2 },
  { sku: 'ELE-AUD-8101', name: 'Noise-Cancelling Headphones', usd: 349, weight: 2 },
  { sku: 'ELE-CHG-8230', name: 'Wireless Charging Pad', usd: 39.99, weight: 6 },
  { sku: 'ELE-WCH-8315', name: 'Smartwatch Sport Band', usd: 49, weight: 5 },
  { sku: 'HOM-KIT-9012', name: 'Ceramic Pour-Over Coffee Set', usd: 58, weight: 5 },
  { sku: 'HOM-KIT-9035', name: 'Insulated Travel Mug', usd: 29.5, weight: 8 },
  { sku: 'HOM-BED-9140', name: 'Bamboo Bed Sheet Set (Queen)', usd: 149, weight: 3 },
  { sku: 'GFT-CRD-0050', name: 'Gift Card', usd: 50, weight: 3 }
]

export const PRODUCT_TABLE: readonly (readonly [Product, number])[] = PRODUCTS.map((p) => [p, p.weight] as const)
const BY_SKU = new Map(PRODUCTS.map((p) => [p.sku, p]))

export function productBySku(sku: string): Product {
  const p = BY_SKU.get(sku)
  if (!p) throw new Error(`unknown SKU ${sku}`)
  return p
}

/** Shelf price of a product in a currency: whole TWD, .99 endings for GBP/EUR/AUD, list price in USD. */
export function localPrice(usd: number, currency: string, usdRate: number): number {
  if (currency === 'USD') return usd
  if (currency === 'TWD') return Math.round((usd * usdRate) / 10) * 10
  return Math.max(1, Math.round(usd * usdRate)) - 0.01
}

export interface WebPage {
  name: string
  /** Traditional Chinese page title (the zh-Hant site). */
  zh: string
  path: string
  weight: number
}

export const WEB_ORIGIN = 'https://www.example.com'

export const PAGES: readonly WebPage[] = [
  { name: 'Home', zh: '首頁', path: '/', weight: 18 },
  { name: 'New arrivals', zh: '新品上市', path: '/new-arrivals', weight: 8 },
  { name: "Women's clothing", zh: '女裝', path: '/women', weight: 7 },
  { name: "Men's clothing", zh: '男裝', path: '/men', weight: 7 },
  { name: 'Sale', zh: '特價商品', path: '/sale', weight: 6 },
  { name: 'Search results', zh: '搜尋結果', path: '/search', weight: 6 },
  { name: 'Cart', zh: '購物車', path: '/cart', weight: 6 },
  { name: 'Checkout', zh: '結帳', path: '/checkout', weight: 2 },
  { name: 'Order status', zh: '訂單查詢', path: '/account/orders', weight: 4 },
  { name: 'Rewards Club', zh: '會員專區', path: '/rewards', weight: 3 },
  { name: 'Store locator', zh: '門市據點', path: '/stores', weight: 3 },
  { name: 'Help – Returns and exchanges', zh: '客服中心 – 退換貨', path: '/help/returns', weight: 3 },
  { name: 'Help – Shipping', zh: '客服中心 – 運送說明', path: '/help/shipping', weight: 2 }
]

export const PAGE_TABLE: readonly (readonly [WebPage, number])[] = PAGES.map((p) => [p, p.weight] as const)

/** Share of page views that are product detail pages (built from PRODUCTS). */
export const PRODUCT_PAGE_SHARE = 0.35

export function productPagePath(p: Product): string {
  return (
    '/products/' +
    p.name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
  )
}

export const SUPPORT_REASONS: readonly (readonly [string, number])[] = [
  ['Order status', 20],
  ['Delivery delay', 14],
  ['Return or exchange', 16],
  ['Refund status', 10],
  ['Loyalty points question', 9],
  ['Billing question', 8],
  ['Product defect', 7],
  ['Account access', 6],
  ['Change delivery address', 5],
  ['Cancel order', 5]
]

/**
 * XDM channel types of the events. XDM has no telephone channel type: the call-centre record
 * carries none, as in Adobe's callcenter.json sample, and the admin's mapping names its channel.
 */
export const CHANNEL = {
  web: 'https://ns.adobe.com/xdm/channel-types/web',
  mobile: 'https://ns.adobe.com/xdm/channel-types/mobile',
  email: 'https://ns.adobe.com/xdm/channel-types/email',
  store: 'https://ns.adobe.com/xdm/channel-types/instore'
} as const

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December'
] as const

function monthName(m: number): string {
  return MONTHS[m] ?? 'January'
}

/** The seasonal promotional campaign running at `date` (UTC), e.g. "Spring Sale 2026". */
export function seasonalCampaign(date: Date, taiwan: boolean): string {
  const y = date.getUTCFullYear()
  const m = date.getUTCMonth()
  const d = date.getUTCDate()
  switch (m) {
    case 0:
      return taiwan ? `Lunar New Year ${y}` : `New Year Reset ${y}`
    case 1:
      return d <= 14 ? (taiwan ? `Lunar New Year ${y}` : `Valentine's Day Picks ${y}`) : `Spring Preview ${y}`
    case 2:
    case 3:
      return `Spring Sale ${y}`
    case 4:
      return d <= 12 ? `Mother's Day Gifts ${y}` : `Spring Sale ${y}`
    case 5:
    case 6:
      return `Summer Essentials ${y}`
    case 7:
      return d <= 14 ? `Summer Essentials ${y}` : `Back to School ${y}`
    case 8:
      return d <= 10 ? `Back to School ${y}` : `Fall Layers ${y}`
    case 9:
      return `Fall Layers ${y}`
    case 10:
      return d <= 11 && taiwan ? `Singles' Day ${y}` : d >= 20 ? `Black Friday ${y}` : `Early Holiday Deals ${y}`
    default:
      return d <= 1 ? `Cyber Monday ${y}` : `Holiday Gift Guide ${y}`
  }
}

export function newsletterCampaign(date: Date): string {
  return `Monthly Newsletter – ${monthName(date.getUTCMonth())} ${date.getUTCFullYear()}`
}

export function loyaltyCampaign(date: Date): string {
  return `${LOYALTY_PROGRAM} Points Update – ${monthName(date.getUTCMonth())} ${date.getUTCFullYear()}`
}

/** The demo org's mobile app, as its AEP Mobile Lifecycle Details name it. */
export const MOBILE_APP = { id: 'com.example.store', name: 'Example Store', version: '5.4.1' } as const

/** How an unresolved call ended (a resolved one is "Resolved"). */
export const UNRESOLVED_OUTCOMES: readonly (readonly [string, number])[] = [
  ['Escalated', 70],
  ['Callback scheduled', 30]
]

/** The tenant's service level, shown to agents: it follows the loyalty tier. */
export function serviceLevelOf(tier: string | undefined): 'standard' | 'priority' | 'concierge' {
  return tier === 'platinum' ? 'concierge' : tier === 'gold' ? 'priority' : 'standard'
}
