/**
 * Countries, cities, postal codes, phone plans and street names for the synthetic customers.
 * Postal codes are real codes of the city (or built from its real outward code for the UK);
 * US area codes belong to the city, so a caller's number matches where they live.
 */
import type { Culture } from './names'
import type { Weighted } from './prng'

export type CountryCode = 'US' | 'TW' | 'GB' | 'DE' | 'AU'

export interface City {
  city: string
  region?: string
  /** Real postal codes (US, AU, DE, TW 3-digit prefixes) or UK outward codes. */
  postal: readonly string[]
  /** US only: area codes of the city. */
  areaCodes?: readonly string[]
  /** TW only: the district, in characters (part of street1 in Taiwanese addresses). */
  districts?: readonly string[]
  weight: number
}

export interface Country {
  code: CountryCode
  name: string
  currency: 'USD' | 'TWD' | 'GBP' | 'EUR' | 'AUD'
  /** Conversion from USD for prices and CLV. */
  usdRate: number
  weight: number
  cultures: Weighted<Culture>
  cities: readonly City[]
  streets: readonly string[]
  /** Mobile prefixes after the country calling code (non-US). */
  mobilePrefixes?: readonly string[]
  callingCode: string
}

export const COUNTRIES: readonly Country[] = [
  {
    code: 'US',
    name: 'United States',
    currency: 'USD',
    usdRate: 1,
    weight: 62,
    callingCode: '+1',
    cultures: [
      ['anglo', 52],
      ['hispanic', 18],
      ['chineseRoman', 3],
      ['japanese', 2],
      ['korean', 2],
      ['vietnamese', 2],
      ['southAsian', 7],
      ['african', 5],
      ['arabic', 4],
      ['chinese', 5]
    ],
    cities: [
      {
        city: 'San Francisco',
        region: 'CA',
        weight: 14,
        areaCodes: ['415', '628'],
        postal: [
          '94102',
          '94103',
          '94107',
          '94109',
          '94110',
          '94114',
          '94115',
          '94117',
          '94118',
          '94121',
          '94122',
          '94123',
          '94131',
          '94133'
        ]
      },
      {
        city: 'Los Angeles',
        region: 'CA',
        weight: 10,
        areaCodes: ['213', '323', '310'],
        postal: ['90012', '90026', '90027', '90036', '90046', '90049', '90064', '90066']
      },
      {
        city: 'San Jose',
        region: 'CA',
        weight: 4,
        areaCodes: ['408', '669'],
        postal: ['95110', '95112', '95116', '95125', '95126']
      },
      {
        city: 'New York',
        region: 'NY',
        weight: 11,
        areaCodes: ['212', '646', '917'],
        postal: ['10001', '10003', '10011', '10014', '10016', '10023', '10025', '10128']
      },
      {
        city: 'Brooklyn',
        region: 'NY',
        weight: 5,
        areaCodes: ['718', '347', '929'],
        postal: ['11201', '11211', '11215', '11217', '11238']
      },
      {
        city: 'Chicago',
        region: 'IL',
        weight: 7,
        areaCodes: ['312', '773', '872'],
        postal: ['60607', '60610', '60614', '60618', '60622', '60640', '60657']
      },
      {
        city: 'Austin',
        region: 'TX',
        weight: 5,
        areaCodes: ['512', '737'],
        postal: ['78701', '78702', '78703', '78704', '78745', '78751']
      },
      {
        city: 'Houston',
        region: 'TX',
        weight: 5,
        areaCodes: ['713', '832', '281'],
        postal: ['77002', '77006', '77007', '77019', '77098']
      },
      {
        city: 'Seattle',
        region: 'WA',
        weight: 6,
        areaCodes: ['206'],
        postal: ['98101', '98102', '98103', '98105', '98109', '98112', '98115', '98122']
      },
      {
        city: 'Boston',
        region: 'MA',
        weight: 5,
        areaCodes: ['617', '857'],
        postal: ['02108', '02114', '02115', '02116', '02118', '02130']
      },
      {
        city: 'Denver',
        region: 'CO',
        weight: 4,
        areaCodes: ['303', '720'],
        postal: ['80202', '80203', '80205', '80206', '80210', '80218']
      },
      {
        city: 'Atlanta',
        region: 'GA',
        weight: 5,
        areaCodes: ['404', '470', '678'],
        postal: ['30303', '30305', '30306', '30308', '30309', '30318']
      },
      {
        city: 'Miami',
        region: 'FL',
        weight: 5,
        areaCodes: ['305', '786'],
        postal: ['33125', '33129', '33130', '33131', '33133', '33137']
      },
      {
        city: 'Portland',
        region: 'OR',
        weight: 3,
        areaCodes: ['503', '971'],
        postal: ['97201', '97205', '97209', '97210', '97212', '97214']
      },
      {
        city: 'Phoenix',
        region: 'AZ',
        weight: 4,
        areaCodes: ['602', '480'],
        postal: ['85003', '85004', '85006', '85012', '85016', '85018']
      },
      {
        city: 'Minneapolis',
        region: 'MN',
        weight: 3,
        areaCodes: ['612'],
        postal: ['55401', '55403', '55405', '55408', '55414']
      }
    ],
    streets: [
      'Market Street',
      'Valencia Street',
      'Oak Avenue',
      'Maple Avenue',
      'Park Avenue',
      'Pine Street',
      'Cedar Lane',
      'Washington Boulevard',
      'Lincoln Avenue',
      'Sunset Drive',
      'Elm Street',
      'Lakeview Drive',
      'Highland Avenue',
      'Mission Street',
      'Broadway',
      'Franklin Street',
      'Jackson Street',
      'Hillcrest Road',
      'Willow Court',
      'Magnolia Way',
      'Riverside Drive',
      'Church Street',
      'Spring Street',
      'Union Street',
      '5th Avenue',
      '3rd Street',
      'Martin Luther King Jr Way',
      'Chestnut Street'
    ]
  },
  {
    code: 'TW',
    name: 'Taiwan',
    currency: 'TWD',
    usdRate: 32,
    weight: 12,
    callingCode: '+886',
    mobilePrefixes: ['9'],
    cultures: [['chinese', 100]],
    cities: [
      {
        city: '臺北市',
        weight: 40,
        districts: ['大安區', '信義區', '中山區', '松山區', '內湖區', '士林區'],
        postal: ['106', '110', '104', '105', '114', '111']
      },
      { city: '新北市', weight: 16, districts: ['板橋區', '新店區', '永和區'], postal: ['220', '231', '234'] },
      { city: '臺中市', weight: 14, districts: ['西屯區', '北屯區', '南屯區'], postal: ['407', '406', '408'] },
      { city: '高雄市', weight: 12, districts: ['前鎮區', '苓雅區', '左營區'], postal: ['806', '802', '813'] },
      { city: '臺南市', weight: 8, districts: ['東區', '中西區'], postal: ['701', '700'] },
      { city: '桃園市', weight: 6, districts: ['桃園區', '中壢區'], postal: ['330', '320'] },
      { city: '新竹市', weight: 4, districts: ['東區'], postal: ['300'] }
    ],
    streets: [
      // Road names found in most Taiwanese cities, so any district/road pairing is plausible.
      '中正路',
      '中山路',
      '民生路',
      '民族路',
      '成功路',
      '中華路一段',
      '復興路',
      '建國路',
      '光復路',
      '自由路二段',
      '和平路',
      '文化路二段',
      '三民路',
      '四維路',
      '民權路',
      '忠孝路',
      '仁愛路',
      '信義路'
    ]
  },
  {
    code: 'GB',
    name: 'United Kingdom',
    currency: 'GBP',
    usdRate: 0.79,
    weight: 9,
    callingCode: '+44',
    mobilePrefixes: ['74', '75', '77', '78', '79'],
    cultures: [
      ['british', 80],
      ['southAsian', 10],
      ['african', 5],
      ['arabic', 5]
    ],
    cities: [
      {
        city: 'London',
        region: 'England',
        weight: 45,
        postal: ['E1', 'E8', 'EC1V', 'N1', 'N16', 'NW1', 'NW3', 'SE1', 'SE15', 'SW4', 'SW11', 'W1T', 'W11', 'WC2H']
      },
      { city: 'Manchester', region: 'England', weight: 14, postal: ['M1', 'M4', 'M15', 'M20'] },
      { city: 'Birmingham', region: 'England', weight: 10, postal: ['B1', 'B5', 'B15'] },
      { city: 'Leeds', region: 'England', weight: 7, postal: ['LS1', 'LS6'] },
      { city: 'Bristol', region: 'England', weight: 7, postal: ['BS1', 'BS8'] },
      { city: 'Edinburgh', region: 'Scotland', weight: 10, postal: ['EH1', 'EH3', 'EH8'] },
      { city: 'Glasgow', region: 'Scotland', weight: 7, postal: ['G1', 'G12'] }
    ],
    streets: [
      'High Street',
      'Station Road',
      'Church Lane',
      'Victoria Road',
      'Park Road',
      "Queen's Road",
      'Albert Street',
      'Mill Lane',
      'King Street',
      'The Crescent',
      'Green Lane',
      'Manor Road',
      'Grove Terrace',
      'Regent Street'
    ]
  },
  {
    code: 'DE',
    name: 'Germany',
    currency: 'EUR',
    usdRate: 0.92,
    weight: 9,
    callingCode: '+49',
    mobilePrefixes: [
      '151',
      '152',
      '157',
      '159',
      '160',
      '162',
      '170',
      '171',
      '172',
      '173',
      '175',
      '176',
      '177',
      '178',
      '179'
    ],
    cultures: [
      ['german', 85],
      ['turkish', 10],
      ['arabic', 5]
    ],
    cities: [
      {
        city: 'Berlin',
        region: 'Berlin',
        weight: 30,
        postal: ['10115', '10117', '10119', '10178', '10243', '10405', '10435', '10551', '10777', '12043', '13353']
      },
      {
        city: 'München',
        region: 'Bayern',
        weight: 18,
        postal: ['80331', '80333', '80469', '80637', '80799', '81541', '81667']
      },
      {
        city: 'Hamburg',
        region: 'Hamburg',
        weight: 16,
        postal: ['20095', '20144', '20249', '20354', '22765', '22767']
      },
      {
        city: 'Köln',
        region: 'Nordrhein-Westfalen',
        weight: 12,
        postal: ['50667', '50672', '50674', '50733', '50823']
      },
      {
        city: 'Frankfurt am Main',
        region: 'Hessen',
        weight: 10,
        postal: ['60311', '60313', '60316', '60318', '60594']
      },
      { city: 'Stuttgart', region: 'Baden-Württemberg', weight: 8, postal: ['70173', '70176', '70178', '70182'] },
      { city: 'Leipzig', region: 'Sachsen', weight: 6, postal: ['04103', '04107', '04109', '04275'] }
    ],
    streets: [
      'Hauptstraße',
      'Bahnhofstraße',
      'Schillerstraße',
      'Goethestraße',
      'Gartenstraße',
      'Lindenstraße',
      'Bergstraße',
      'Kastanienallee',
      'Friedrichstraße',
      'Schulstraße',
      'Am Markt',
      'Rosenweg',
      'Talstraße',
      'Kirchplatz'
    ]
  },
  {
    code: 'AU',
    name: 'Australia',
    currency: 'AUD',
    usdRate: 1.52,
    weight: 8,
    callingCode: '+61',
    mobilePrefixes: ['4'],
    cultures: [
      ['australian', 75],
      ['chineseRoman', 4],
      ['vietnamese', 4],
      ['korean', 2],
      ['japanese', 2],
      ['southAsian', 8],
      ['arabic', 5]
    ],
    cities: [
      { city: 'Sydney', region: 'NSW', weight: 34, postal: ['2000', '2010', '2016', '2021', '2026', '2037', '2060'] },
      {
        city: 'Melbourne',
        region: 'VIC',
        weight: 30,
        postal: ['3000', '3004', '3051', '3065', '3121', '3141', '3182']
      },
      { city: 'Brisbane', region: 'QLD', weight: 15, postal: ['4000', '4005', '4006', '4064', '4101'] },
      { city: 'Perth', region: 'WA', weight: 9, postal: ['6000', '6003', '6008', '6050'] },
      { city: 'Adelaide', region: 'SA', weight: 7, postal: ['5000', '5006', '5067'] },
      { city: 'Canberra', region: 'ACT', weight: 5, postal: ['2600', '2601', '2612'] }
    ],
    streets: [
      'George Street',
      'Elizabeth Street',
      'Bourke Street',
      'Oxford Street',
      'Chapel Street',
      'Brunswick Street',
      'Beach Road',
      'Victoria Parade',
      'Sydney Road',
      'Queen Street',
      'Hay Street',
      'Rundle Street'
    ]
  }
]

/** UK inward code letters (no C, I, K, M, O, V). */
export const UK_INWARD_LETTERS: readonly string[] = [...'ABDEFGHJLNPQRSTUWXYZ']
