import type { DemoCompany } from "./case-types.js";
import { innCode, licenceNumber, ogrnCode, usccCode } from "./identifiers.js";
import type { Random } from "./random.js";

/** Fictional names: syllables that make plausible, invented company names in each script. */
const CN_PLACES: Array<[string, string, string]> = [
  ["Shenzhen", "深圳", "440300"],
  ["Dongguan", "东莞", "441900"],
  ["Ningbo", "宁波", "330200"],
  ["Xiamen", "厦门", "350200"],
  ["Changsha", "长沙", "430100"],
];
const CN_WORDS: Array<[string, string]> = [
  ["Lingyun", "凌云"],
  ["Haoxiang", "浩翔"],
  ["Jinque", "金雀"],
  ["Tianhe", "天禾"],
  ["Ruifeng", "瑞峰"],
  ["Xingchen", "星辰"],
];
const CN_TRADES: Array<[string, string]> = [
  ["Intelligent Technology", "智能科技"],
  ["Electronics", "电子"],
  ["Power Machinery", "动力机械"],
  ["Trading", "贸易"],
];
const RU_WORDS: Array<[string, string]> = [
  ["Prikamye", "Прикамье"],
  ["Severny Luch", "Северный Луч"],
  ["Uralkontur", "Уралконтур"],
  ["Volgazvezda", "Волгазвезда"],
  ["Kama Tekh", "Кама Тех"],
  ["Sibpribor", "Сибприбор"],
];
const RU_TRADES: Array<[string, string]> = [
  ["Aviatech", "Авиатех"],
  ["Komplekt", "Комплект"],
  ["Postavka", "Поставка"],
  ["Systems", "Системы"],
];
const HUB_WORDS = ["Blue Dune", "Silver Caravan", "Falcon Gate", "Oasis Bridge", "Desert Pearl"];
const PEOPLE_RU: Array<[string, string]> = [
  ["Ivan Sergeevich Lebedev", "Иван Сергеевич Лебедев"],
  ["Olga Petrovna Sokolova", "Ольга Петровна Соколова"],
  ["Dmitry Andreevich Orlov", "Дмитрий Андреевич Орлов"],
  ["Elena Viktorovna Kuznetsova", "Елена Викторовна Кузнецова"],
];
const PEOPLE_CN: Array<[string, string]> = [
  ["Wang Jianguo", "王建国"],
  ["Zhao Lihua", "赵丽华"],
  ["Chen Haitao", "陈海涛"],
];

/** Draws names that no other company of the case has, and numbers keys. */
export interface Cast {
  random: Random;
  used: Set<string>;
  count: number;
}

export function createCast(random: Random): Cast {
  return { random, used: new Set(), count: 0 };
}

/** Draw until the Latin name is new to the case; a numbered suffix once the pool runs dry. */
function uniqueName(
  cast: Cast,
  draw: () => [string, string | undefined],
): [string, string | undefined] {
  for (let attempt = 0; attempt < 50; attempt++) {
    const names = draw();
    if (!cast.used.has(names[0])) {
      cast.used.add(names[0]);
      return names;
    }
  }
  const [latin, other] = draw();
  const suffix = ` ${cast.count + 2}`;
  cast.used.add(latin + suffix);
  return [
    latin.replace(/ (Co\., Ltd\.|LLC|General Trading FZE)$/, `${suffix} $1`),
    other?.replace(/(有限公司|»)$/, `${suffix}$1`),
  ];
}

/** A fictional Chinese company (Latin and Chinese names, USCC). */
export function chineseCompany(
  cast: Cast,
  role: DemoCompany["role"],
  trade?: [string, string],
): DemoCompany {
  const { random } = cast;
  const [placeLatin, placeChinese, area] = random.pick(CN_PLACES);
  const [latin, chinese] = uniqueName(cast, () => {
    const [wordLatin, wordChinese] = random.pick(CN_WORDS);
    const [tradeLatin, tradeChinese] = trade ?? random.pick(CN_TRADES);
    return [
      `${placeLatin} ${wordLatin} ${tradeLatin} Co., Ltd.`,
      `${placeChinese}${wordChinese}${tradeChinese}有限公司`,
    ];
  });
  const [director, directorChinese] = random.pick(PEOPLE_CN);
  return {
    key: `cn-${++cast.count}`,
    role,
    country: "cn",
    latin,
    chinese: chinese!,
    identifiers: { uscCode: usccCode(random, area) },
    address: `${placeChinese}市${random.int(1, 99)}号`,
    director: directorChinese ?? director,
    owners: [{ name: directorChinese, share: 100 }],
    founded: `${random.int(2008, 2019)}-0${random.int(1, 9)}-1${random.int(0, 9)}`,
    bank: "Bank of Ningbo",
    account: `CN${random.digits(18)}`,
  };
}

/** A fictional Russian company (Latin and Cyrillic names, INN, OGRN). */
export function russianCompany(cast: Cast, role: DemoCompany["role"]): DemoCompany {
  const { random } = cast;
  const [latin, cyrillic] = uniqueName(cast, () => {
    const [wordLatin, wordCyrillic] = random.pick(RU_WORDS);
    const [tradeLatin, tradeCyrillic] = random.pick(RU_TRADES);
    return [`${wordLatin} ${tradeLatin} LLC`, `ООО «${wordCyrillic} ${tradeCyrillic}»`];
  });
  const [, director] = random.pick(PEOPLE_RU);
  return {
    key: `ru-${++cast.count}`,
    role,
    country: "ru",
    latin,
    cyrillic: cyrillic!,
    identifiers: { innCode: innCode(random), ogrnCode: ogrnCode(random) },
    address: `г. Ижевск, ул. Заводская, д. ${random.int(1, 80)}`,
    director,
    owners: [{ name: director, share: 100 }],
    founded: `${random.int(2012, 2022)}-0${random.int(1, 9)}-2${random.int(0, 8)}`,
    bank: "АО «Банк Прикамья»",
    account: `40702810${random.digits(12)}`,
  };
}

/** A fictional trading company in a transshipment hub (UAE free zone). */
export function hubCompany(cast: Cast, role: DemoCompany["role"]): DemoCompany {
  const { random } = cast;
  const [latin] = uniqueName(cast, () => [
    `${random.pick(HUB_WORDS)} General Trading FZE`,
    undefined,
  ]);
  const [director] = random.pick(PEOPLE_RU);
  return {
    key: `ae-${++cast.count}`,
    role,
    country: "ae",
    latin,
    identifiers: { registrationNumber: licenceNumber(random) },
    address: `Jebel Ali Free Zone, Dubai`,
    director,
    owners: [{ name: director, share: 100 }],
    founded: `${random.int(2019, 2023)}-0${random.int(1, 9)}-0${random.int(1, 9)}`,
    bank: "Gulf Frontier Bank",
    account: `AE${random.digits(21)}`,
  };
}
