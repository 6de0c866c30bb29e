/**
 * Name pools for the synthetic customers. Cultures are mixed per country (see places.ts).
 * Chinese names are in Traditional characters with the romanization Taiwan uses in passports
 * (Wade–Giles-like); the romanization only feeds the e-mail address.
 */

export type Culture =
  | 'anglo'
  | 'hispanic'
  | 'chineseRoman'
  | 'japanese'
  | 'korean'
  | 'vietnamese'
  | 'southAsian'
  | 'african'
  | 'arabic'
  | 'british'
  | 'australian'
  | 'german'
  | 'turkish'
  | 'chinese'

export interface NamePool {
  female: readonly string[]
  male: readonly string[]
  last: readonly string[]
}

/** A name written in Han characters plus its romanization. */
export interface HanName {
  han: string
  roman: string
}

const ANGLO_LAST = [
  'Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Miller', 'Davis', 'Wilson', 'Anderson', 'Taylor',
  'Thomas', 'Moore', 'Martin', 'Jackson', 'Thompson', 'White', 'Harris', 'Clark', 'Lewis', 'Robinson',
  'Walker', 'Young', 'Allen', 'King', 'Wright', 'Scott', 'Hill', 'Green', 'Adams', 'Baker', 'Nelson',
  'Carter', 'Mitchell', 'Roberts', 'Turner', 'Phillips', 'Campbell', 'Parker', 'Evans', 'Edwards',
  'Collins', 'Stewart', 'Morris', 'Murphy', 'Cook', 'Rogers', 'Morgan', 'Cooper', 'Peterson', 'Reed',
  'Bailey', 'Bell', 'Kelly', 'Howard', 'Ward', 'Cox', 'Richardson', 'Wood', 'Watson', 'Brooks',
  'Bennett', 'Gray', 'Hughes', 'Price', 'Sanders', 'Myers', 'Ross', 'Foster', "O'Brien", "O'Connor",
  'McAllister', 'Sullivan', 'Brennan', 'Washington', 'Jefferson', 'Coleman', 'Holloway', 'Fitzgerald',
  'Schultz', 'Kowalski', 'Novak', 'Lindqvist', 'Larsen', 'Russo', 'Romano', 'Esposito', 'Cohen',
  'Goldberg', 'Smith-Jones'
] as const

export const NAME_POOLS: Record<Exclude<Culture, 'chinese'>, NamePool> = {
  anglo: {
    female: [
      'Emily', 'Olivia', 'Emma', 'Ava', 'Sophia', 'Madison', 'Abigail', 'Chloe', 'Grace', 'Hannah',
      'Natalie', 'Samantha', 'Lauren', 'Rachel', 'Megan', 'Jessica', 'Ashley', 'Brittany', 'Katherine',
      'Elizabeth', 'Sarah', 'Jennifer', 'Amanda', 'Nicole', 'Stephanie', 'Heather', 'Rebecca', 'Laura',
      'Allison', 'Morgan', 'Taylor', 'Zoë', 'Renée', 'Imani', 'Keisha', 'Aaliyah', 'Jasmine', 'Ebony'
    ],
    male: [
      'James', 'Michael', 'William', 'David', 'John', 'Robert', 'Daniel', 'Matthew', 'Christopher',
      'Andrew', 'Joshua', 'Ethan', 'Ryan', 'Tyler', 'Brandon', 'Kevin', 'Justin', 'Nathan', 'Benjamin',
      'Samuel', 'Jacob', 'Logan', 'Connor', 'Dylan', 'Austin', 'Marcus', 'Andre', 'DeShawn', 'Jamal',
      'Terrence', 'Malik', 'Darnell', 'Patrick', 'Sean', 'Brian', 'Scott', 'Gregory', 'Timothy'
    ],
    last: ANGLO_LAST
  },
  hispanic: {
    female: [
      'María', 'Lucía', 'Sofía', 'Valentina', 'Camila', 'Isabella', 'Gabriela', 'Daniela', 'Ximena',
      'Paula', 'Mariana', 'Fernanda', 'Adriana', 'Carmen', 'Rosa', 'Alejandra', 'Verónica', 'Inés'
    ],
    male: [
      'José', 'Juan', 'Carlos', 'Alejandro', 'Diego', 'Luis', 'Javier', 'Miguel', 'Andrés', 'Mateo',
      'Santiago', 'Jorge', 'Ricardo', 'Fernando', 'Raúl', 'Héctor', 'Emilio', 'Joaquín'
    ],
    last: [
      'García', 'Rodríguez', 'Martínez', 'Hernández', 'López', 'González', 'Pérez', 'Sánchez', 'Ramírez',
      'Torres', 'Flores', 'Rivera', 'Gómez', 'Díaz', 'Reyes', 'Morales', 'Cruz', 'Ortiz', 'Gutiérrez',
      'Chávez', 'Ramos', 'Vargas', 'Castillo', 'Jiménez', 'Moreno', 'Romero', 'Álvarez', 'Mendoza',
      'Ruiz', 'Núñez', 'Peña', 'Ibáñez'
    ]
  },
  chineseRoman: {
    female: ['Mei', 'Xinyi', 'Jia', 'Lingling', 'Yan', 'Grace', 'Michelle', 'Vivian', 'Christine'],
    male: ['Wei', 'Jun', 'Hao', 'Zhiwei', 'Ming', 'Kevin', 'Eric', 'Jason', 'Brian'],
    last: ['Chen', 'Wang', 'Li', 'Zhang', 'Liu', 'Huang', 'Lin', 'Wong', 'Chan', 'Lee', 'Zhou', 'Wu']
  },
  japanese: {
    female: ['Haruka', 'Yuki', 'Sakura', 'Aiko', 'Emi', 'Naomi', 'Yui', 'Mika'],
    male: ['Kenji', 'Takumi', 'Hiroshi', 'Daisuke', 'Ren', 'Sho', 'Kenta', 'Akira'],
    last: ['Sato', 'Suzuki', 'Takahashi', 'Tanaka', 'Watanabe', 'Yamamoto', 'Nakamura', 'Kobayashi', 'Ito']
  },
  korean: {
    female: ['Ji-woo', 'Seo-yeon', 'Min-ji', 'Soo-ah', 'Ha-eun', 'Yuna', 'Grace', 'Esther'],
    male: ['Min-jun', 'Ji-hoon', 'Seung-ho', 'Do-yoon', 'Hyun-woo', 'Daniel', 'Joseph', 'Paul'],
    last: ['Kim', 'Park', 'Choi', 'Jung', 'Kang', 'Cho', 'Yoon', 'Jang', 'Lim']
  },
  vietnamese: {
    female: ['Linh', 'Thao', 'Ngoc', 'Trang', 'Huong', 'Mai', 'Vy', 'Anh'],
    male: ['Minh', 'Duc', 'Khoa', 'Huy', 'Tuan', 'Long', 'Bao', 'Quang'],
    last: ['Nguyen', 'Tran', 'Le', 'Pham', 'Hoang', 'Vu', 'Phan', 'Dang', 'Bui']
  },
  southAsian: {
    female: [
      'Priya', 'Ananya', 'Kavya', 'Neha', 'Aisha', 'Divya', 'Pooja', 'Shreya', 'Meera', 'Lakshmi',
      'Sana', 'Riya', 'Deepika', 'Nandini'
    ],
    male: [
      'Arjun', 'Rohan', 'Vikram', 'Sanjay', 'Rahul', 'Aditya', 'Karthik', 'Imran', 'Vivek', 'Nikhil',
      'Siddharth', 'Anil', 'Rajesh', 'Farhan'
    ],
    last: [
      'Patel', 'Sharma', 'Iyer', 'Gupta', 'Khan', 'Reddy', 'Singh', 'Mehta', 'Nair', 'Desai', 'Rao',
      'Krishnan', 'Chopra', 'Malhotra', 'Bhatt', 'Chaudhry', 'Kapoor', 'Menon', 'Banerjee', 'Hussain'
    ]
  },
  african: {
    female: ['Amara', 'Nia', 'Zainab', 'Adaeze', 'Chiamaka', 'Ayana', 'Wanjiru', 'Abena', 'Folake', 'Nomvula'],
    male: ['Chinedu', 'Kwame', 'Oluwaseun', 'Tendai', 'Kofi', 'Emeka', 'Yusuf', 'Jabari', 'Tunde', 'Sipho'],
    last: [
      'Okafor', 'Eze', 'Mensah', 'Boateng', 'Bello', 'Abdi', 'Adeyemi', 'Okonkwo', 'Mwangi', 'Osei',
      'Nwosu', 'Diallo', 'Kamara', 'Ndlovu', 'Asante', 'Achebe'
    ]
  },
  arabic: {
    female: ['Fatima', 'Layla', 'Noor', 'Yasmin', 'Mariam', 'Huda', 'Salma', 'Rania', 'Dalia', 'Amira'],
    male: ['Omar', 'Ahmed', 'Khalid', 'Youssef', 'Karim', 'Tariq', 'Hassan', 'Samir', 'Nabil', 'Rami'],
    last: [
      'Al-Sayed', 'Haddad', 'Mansour', 'Nasser', 'Khoury', 'Saleh', 'Hamdan', 'Farah', 'Aziz', 'Darwish',
      'El-Amin', 'Qureshi', 'Rahman', 'Shalhoub'
    ]
  },
  british: {
    female: [
      'Olivia', 'Amelia', 'Isla', 'Ava', 'Emily', 'Freya', 'Poppy', 'Sophie', 'Charlotte', 'Lucy',
      'Siobhan', 'Niamh', 'Eilidh', 'Cerys', 'Harriet', 'Imogen', 'Philippa', 'Zara'
    ],
    male: [
      'Oliver', 'George', 'Harry', 'Jack', 'Charlie', 'Alfie', 'Arthur', 'Thomas', 'William', 'James',
      'Callum', 'Rhys', 'Euan', 'Rory', 'Hamish', 'Ciaran', 'Rupert', 'Nathaniel'
    ],
    last: [
      'Smith', 'Jones', 'Taylor', 'Brown', 'Williams', 'Wilson', 'Johnson', 'Davies', 'Robinson', 'Wright',
      'Thompson', 'Evans', 'Walker', 'White', 'Roberts', 'Green', 'Hall', 'Wood', 'Jackson', 'Clarke',
      'Patel', 'Khan', 'Murray', 'MacDonald', 'Campbell', 'Fraser', 'Lloyd', 'Hughes', 'Morgan',
      'Ahmed', 'Begum', 'Okoro', 'Ffrench', 'Cholmondeley', 'Llewellyn'
    ]
  },
  australian: {
    female: [
      'Charlotte', 'Mia', 'Chloe', 'Matilda', 'Harper', 'Ruby', 'Isla', 'Grace', 'Zoe', 'Sienna',
      'Ella', 'Georgia', 'Indiana', 'Tahlia'
    ],
    male: [
      'Jack', 'Lachlan', 'Cooper', 'Oliver', 'Noah', 'William', 'Liam', 'Hamish', 'Riley', 'Mitchell',
      'Angus', 'Bailey', 'Kai', 'Jarrah'
    ],
    last: [
      'Smith', 'Jones', 'Williams', 'Brown', 'Wilson', 'Taylor', 'Nguyen', 'Kelly', 'Ryan', 'Walsh',
      'Papadopoulos', 'Rossi', 'Anderson', 'Thompson', "O'Neill", 'Murphy', 'Tran', 'Mitchell', 'Campbell',
      'Stewart', 'Kowalczyk', 'Singh'
    ]
  },
  german: {
    female: [
      'Anna', 'Mia', 'Lena', 'Hannah', 'Emma', 'Sophie', 'Lea', 'Marie', 'Laura', 'Julia', 'Katharina',
      'Sabine', 'Ute', 'Jutta', 'Käthe', 'Gisela', 'Franziska', 'Charlotte'
    ],
    male: [
      'Lukas', 'Leon', 'Jonas', 'Felix', 'Paul', 'Maximilian', 'Tobias', 'Jan', 'Niklas', 'Stefan',
      'Jürgen', 'Björn', 'Jörg', 'Matthias', 'Florian', 'Sebastian', 'Dieter', 'Moritz'
    ],
    last: [
      'Müller', 'Schmidt', 'Schneider', 'Fischer', 'Weber', 'Meyer', 'Wagner', 'Becker', 'Schulz',
      'Hoffmann', 'Schäfer', 'Koch', 'Bauer', 'Richter', 'Klein', 'Wolf', 'Schröder', 'Neumann',
      'Schwarz', 'Zimmermann', 'Braun', 'Krüger', 'Hartmann', 'Lange', 'Werner', 'Krause', 'Lehmann',
      'Köhler', 'Weiß', 'Groß', 'von Bülow'
    ]
  },
  turkish: {
    female: ['Ayşe', 'Elif', 'Zeynep', 'Merve', 'Esra', 'Büşra', 'Derya', 'Gül'],
    male: ['Mehmet', 'Emre', 'Murat', 'Can', 'Burak', 'Ömer', 'Serkan', 'Yiğit'],
    last: ['Yılmaz', 'Kaya', 'Demir', 'Şahin', 'Çelik', 'Öztürk', 'Aydın', 'Arslan', 'Doğan', 'Koç']
  }
}

export const CHINESE_SURNAMES: readonly HanName[] = [
  { han: '陳', roman: 'Chen' }, { han: '林', roman: 'Lin' }, { han: '黃', roman: 'Huang' },
  { han: '張', roman: 'Chang' }, { han: '李', roman: 'Lee' }, { han: '王', roman: 'Wang' },
  { han: '吳', roman: 'Wu' }, { han: '劉', roman: 'Liu' }, { han: '蔡', roman: 'Tsai' },
  { han: '楊', roman: 'Yang' }, { han: '許', roman: 'Hsu' }, { han: '鄭', roman: 'Cheng' },
  { han: '謝', roman: 'Hsieh' }, { han: '郭', roman: 'Kuo' }, { han: '洪', roman: 'Hung' },
  { han: '曾', roman: 'Tseng' }, { han: '邱', roman: 'Chiu' }, { han: '廖', roman: 'Liao' },
  { han: '賴', roman: 'Lai' }, { han: '周', roman: 'Chou' }, { han: '蘇', roman: 'Su' },
  { han: '葉', roman: 'Yeh' }, { han: '莊', roman: 'Chuang' }, { han: '呂', roman: 'Lu' },
  { han: '江', roman: 'Chiang' }, { han: '何', roman: 'Ho' }, { han: '蕭', roman: 'Hsiao' },
  { han: '羅', roman: 'Lo' }, { han: '歐陽', roman: 'Ouyang' }
]

export const CHINESE_GIVEN_FEMALE: readonly HanName[] = [
  { han: '美玲', roman: 'Mei-Ling' }, { han: '淑芬', roman: 'Shu-Fen' }, { han: '怡君', roman: 'Yi-Chun' },
  { han: '雅婷', roman: 'Ya-Ting' }, { han: '佳穎', roman: 'Chia-Ying' }, { han: '欣怡', roman: 'Hsin-Yi' },
  { han: '詩涵', roman: 'Shih-Han' }, { han: '宜蓁', roman: 'Yi-Chen' }, { han: '惠雯', roman: 'Hui-Wen' },
  { han: '郁婷', roman: 'Yu-Ting' }, { han: '玉珍', roman: 'Yu-Chen' }, { han: '淑華', roman: 'Shu-Hua' },
  { han: '筱涵', roman: 'Hsiao-Han' }, { han: '靜宜', roman: 'Ching-Yi' }, { han: '雅雯', roman: 'Ya-Wen' },
  { han: '心妤', roman: 'Hsin-Yu' }
]

export const CHINESE_GIVEN_MALE: readonly HanName[] = [
  { han: '志明', roman: 'Chih-Ming' }, { han: '家豪', roman: 'Chia-Hao' }, { han: '冠宇', roman: 'Kuan-Yu' },
  { han: '俊傑', roman: 'Chun-Chieh' }, { han: '宗翰', roman: 'Tsung-Han' }, { han: '承恩', roman: 'Cheng-En' },
  { han: '柏翰', roman: 'Po-Han' }, { han: '建宏', roman: 'Chien-Hung' }, { han: '彥廷', roman: 'Yen-Ting' },
  { han: '志豪', roman: 'Chih-Hao' }, { han: '明哲', roman: 'Ming-Che' }, { han: '偉倫', roman: 'Wei-Lun' },
  { han: '宇軒', roman: 'Yu-Hsuan' }, { han: '文傑', roman: 'Wen-Chieh' }, { han: '國華', roman: 'Kuo-Hua' },
  { han: '子豪', roman: 'Tzu-Hao' }
]

const TRANSLIT: Record<string, string> = {
  ä: 'ae', ö: 'oe', ü: 'ue', ß: 'ss', æ: 'ae', ø: 'o', ı: 'i', ł: 'l', đ: 'd', œ: 'oe', þ: 'th'
}

/**
 * Lower-case ASCII for the local part of an e-mail address: German umlauts transliterated
 * (Müller → mueller), other diacritics stripped (García → garcia), everything but a–z removed
 * (O'Brien → obrien, Mei-Ling → meiling, von Bülow → vonbuelow).
 */
export function emailSafe(name: string): string {
  const cached = EMAIL_SAFE.get(name)
  if (cached !== undefined) return cached
  const lower = name.toLowerCase()
  let out = ''
  for (const ch of lower) out += TRANSLIT[ch] ?? ch
  const safe = out.normalize('NFD').replace(/[^a-z]/g, '')
  EMAIL_SAFE.set(name, safe)
  return safe
}

/** Memo for emailSafe: the name pools are small and fixed. */
const EMAIL_SAFE = new Map<string, string>()
