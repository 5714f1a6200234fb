import type { MembershipType } from '@empiria/shared';

/**
 * The demo data (issue #11, item 7): the eight networks ZMP runs at once (vademecum II.8), each
 * with real Polish member cities, the people who run it, two or three permanent representatives
 * per city, and what its first meeting produced. Pure data and its expansion; the loader
 * (load-demo.ts) writes it through the real services. Every e-mail is on example.pl.
 */

/** Every demo network's description starts with this: the loader recognises its own data by it. */
export const DEMO_MARKER = '[Dane demonstracyjne]';

export interface DemoCity {
  name: string;
  membership: MembershipType;
}

export interface DemoNetwork {
  name: string;
  theme: string;
  description: string;
  cities: DemoCity[];
  /** The first meeting's challenge, facts and barriers: what the board's notes say. */
  challenge: string;
  facts: string[];
  barriers: string[];
}

const L: MembershipType = 'leader-of-change';
const W: MembershipType = 'programme-laureate';
const F: MembershipType = 'programme-finalist';
const O: MembershipType = 'observer';

const city = (name: string, membership: MembershipType): DemoCity => ({ name, membership });

export const DEMO_NETWORKS: readonly DemoNetwork[] = [
  {
    name: 'Miasto cyfrowe',
    theme: 'Cyfryzacja usług miejskich i e-urząd',
    description: 'Sieć miast, które przenoszą usługi urzędu do sieci i uczą się od siebie nawzajem.',
    cities: [
      city('Gdynia', L),
      city('Nowy Sącz', W),
      city('Chełm', W),
      city('Ełk', W),
      city('Przemyśl', F),
      city('Zamość', F),
      city('Piła', W),
      city('Skierniewice', F),
      city('Kutno', W),
      city('Starachowice', F),
      city('Ostrołęka', O),
      city('Płock', O),
    ],
    challenge: 'Jak sprawić, by mieszkańcy załatwiali przez internet więcej spraw w urzędzie?',
    facts: ['Tylko 18% wniosków składanych jest on-line', 'Seniorzy stanowią 27% mieszkańców'],
    barriers: [
      'Skomplikowane formularze',
      'Brak podpisu elektronicznego u seniorów',
      'Systemy dziedzinowe nie rozmawiają ze sobą',
      'Mało szkoleń dla urzędników',
    ],
  },
  {
    name: 'Zasoby miast',
    theme: 'Gospodarowanie mieniem i finansami miasta',
    description: 'Sieć o zarządzaniu nieruchomościami, budżetem i majątkiem komunalnym.',
    cities: [
      city('Bielsko-Biała', L),
      city('Grudziądz', W),
      city('Inowrocław', W),
      city('Łomża', F),
      city('Tarnów', W),
      city('Suwałki', F),
      city('Świdnica', W),
      city('Krosno', F),
      city('Konin', W),
      city('Jarosław', F),
      city('Leszno', O),
    ],
    challenge: 'Jak lepiej wykorzystać pustostany należące do miasta?',
    facts: ['W mieście stoi 240 pustych lokali komunalnych', 'Remont jednego lokalu to średnio 60 tys. zł'],
    barriers: [
      'Brak pieniędzy na remonty',
      'Nieuregulowany stan prawny kamienic',
      'Długie procedury przetargowe',
      'Brak aktualnej inwentaryzacji',
    ],
  },
  {
    name: 'Miasto obywateli',
    theme: 'Partycypacja i współpraca z mieszkańcami',
    description: 'Sieć o budżecie obywatelskim, konsultacjach i radach osiedli.',
    cities: [
      city('Dąbrowa Górnicza', L),
      city('Słupsk', L),
      city('Świnoujście', W),
      city('Bełchatów', W),
      city('Radomsko', F),
      city('Kraśnik', W),
      city('Sanok', F),
      city('Łowicz', W),
      city('Mielec', F),
      city('Gniezno', W),
      city('Oświęcim', F),
      city('Legionowo', O),
      city('Pruszków', O),
    ],
    challenge: 'Jak zachęcić młodych mieszkańców do udziału w konsultacjach?',
    facts: [
      'W ostatnich konsultacjach wzięło udział 2% osób poniżej 30 lat',
      'Młodzi najczęściej korzystają z telefonu',
    ],
    barriers: [
      'Konsultacje w godzinach pracy',
      'Urzędowy język ogłoszeń',
      'Brak informacji, co stało się z uwagami',
      'Brak zaufania do urzędu',
    ],
  },
  {
    name: 'Miasto dostępne i sprawiedliwe',
    theme: 'Dostępność, włączenie społeczne i polityka senioralna',
    description: 'Sieć o mieście bez barier dla osób z niepełnosprawnościami, seniorów i rodzin.',
    cities: [
      city('Lublin', L),
      city('Włocławek', W),
      city('Kalisz', W),
      city('Tczew', F),
      city('Ostrowiec Świętokrzyski', W),
      city('Żyrardów', F),
      city('Biała Podlaska', W),
      city('Puławy', F),
      city('Stargard', W),
      city('Zgierz', F),
      city('Otwock', O),
    ],
    challenge: 'Jak uczynić transport publiczny dostępnym dla osób z niepełnosprawnościami?',
    facts: [
      'Co trzeci przystanek nie ma peronu na wysokości autobusu',
      'Zapowiedzi głosowe są w 40% pojazdów',
    ],
    barriers: [
      'Stary tabor',
      'Brak audytu dostępności przystanków',
      'Rozkłady niedostępne dla czytników ekranu',
      'Mało rozmów z organizacjami osób z niepełnosprawnościami',
    ],
  },
  {
    name: 'Miasto przedsiębiorcze',
    theme: 'Rozwój gospodarczy i obsługa inwestorów',
    description: 'Sieć o współpracy miasta z przedsiębiorcami i przyciąganiu inwestycji.',
    cities: [
      city('Rzeszów', L),
      city('Stalowa Wola', W),
      city('Wałbrzych', W),
      city('Ostrów Wielkopolski', F),
      city('Sieradz', W),
      city('Tomaszów Mazowiecki', F),
      city('Nysa', W),
      city('Kędzierzyn-Koźle', F),
      city('Chojnice', W),
      city('Głogów', F),
      city('Dzierżoniów', O),
      city('Mława', O),
    ],
    challenge: 'Jak zatrzymać w mieście młodych przedsiębiorców?',
    facts: ['Połowa nowych firm zamyka się przed trzecim rokiem', 'Brakuje tanich lokali na start'],
    barriers: [
      'Brak inkubatora przedsiębiorczości',
      'Słaba współpraca z uczelnią',
      'Długie wydawanie decyzji',
      'Odpływ absolwentów do metropolii',
    ],
  },
  {
    name: 'Miasto neutralne klimatycznie',
    theme: 'Klimat, energia i zieleń w mieście',
    description: 'Sieć o adaptacji do zmian klimatu, efektywności energetycznej i zieleni miejskiej.',
    cities: [
      city('Bydgoszcz', L),
      city('Jelenia Góra', W),
      city('Koszalin', W),
      city('Piotrków Trybunalski', F),
      city('Skarżysko-Kamienna', W),
      city('Zawiercie', F),
      city('Żary', W),
      city('Świecie', F),
      city('Brzeg', W),
      city('Wągrowiec', F),
      city('Sopot', O),
    ],
    challenge: 'Jak zatrzymać wodę deszczową w mieście zamiast odprowadzać ją do kanalizacji?',
    facts: ['W ulewę w 2025 r. zalanych było 14 ulic', '70% powierzchni centrum jest uszczelnione'],
    barriers: [
      'Brak planu zagospodarowania wód opadowych',
      'Koszt przebudowy ulic',
      'Opór części mieszkańców wobec zieleni przy domach',
      'Brak wiedzy o ogrodach deszczowych',
    ],
  },
  {
    name: 'Zasoby kadrowe w miastach',
    theme: 'Kadry urzędu: rekrutacja, rozwój i zatrzymanie pracowników',
    description: 'Sieć o tym, jak miasta zdobywają i zatrzymują dobrych pracowników.',
    cities: [
      city('Opole', L),
      city('Radom', W),
      city('Legnica', W),
      city('Gorzów Wielkopolski', F),
      city('Siedlce', W),
      city('Pabianice', F),
      city('Elbląg', W),
      city('Ciechanów', F),
      city('Łuków', W),
      city('Bochnia', F),
      city('Cieszyn', O),
      city('Kołobrzeg', O),
    ],
    challenge: 'Jak przyciągnąć do urzędu młodych specjalistów?',
    facts: [
      'Średni wiek pracownika urzędu to 49 lat',
      'Na ogłoszenie o pracę informatyka zgłosiła się jedna osoba',
    ],
    barriers: [
      'Niskie płace w porównaniu z firmami',
      'Wizerunek nudnej pracy',
      'Długi proces naboru',
      'Mało możliwości pracy zdalnej',
    ],
  },
  {
    name: 'Leadership',
    theme: 'Przywództwo i zarządzanie zmianą w samorządzie',
    description: 'Sieć dla kadry kierowniczej o prowadzeniu zmian w urzędzie i mieście.',
    cities: [
      city('Poznań', L),
      city('Gliwice', L),
      city('Kielce', W),
      city('Toruń', W),
      city('Olsztyn', F),
      city('Zielona Góra', W),
      city('Jaworzno', F),
      city('Tychy', W),
      city('Bolesławiec', F),
      city('Kwidzyn', W),
      city('Łódź', O),
    ],
    challenge: 'Jak prowadzić zmianę w urzędzie, gdy pracownicy boją się nowego?',
    facts: [
      'Dwa ostatnie wdrożenia systemów przesunięto o rok',
      'Kierownicy nie mają czasu na rozmowy z zespołami',
    ],
    barriers: [
      'Brak jasnego celu zmiany',
      'Przeciążenie kierowników',
      'Złe doświadczenia z poprzednich wdrożeń',
      'Komunikacja tylko mailem',
    ],
  },
];

const FIRST_NAMES = [
  'Anna',
  'Piotr',
  'Katarzyna',
  'Tomasz',
  'Małgorzata',
  'Krzysztof',
  'Agnieszka',
  'Paweł',
  'Joanna',
  'Michał',
  'Ewa',
  'Marcin',
  'Magdalena',
  'Łukasz',
  'Barbara',
  'Grzegorz',
  'Dorota',
  'Jakub',
  'Monika',
  'Adam',
  'Beata',
  'Rafał',
  'Aleksandra',
  'Wojciech',
  'Justyna',
  'Dariusz',
  'Iwona',
  'Marek',
  'Zofia',
  'Jan',
];
const SURNAMES = [
  ['Nowak', 'Nowak'],
  ['Kowalski', 'Kowalska'],
  ['Wiśniewski', 'Wiśniewska'],
  ['Wójcik', 'Wójcik'],
  ['Kamiński', 'Kamińska'],
  ['Lewandowski', 'Lewandowska'],
  ['Zieliński', 'Zielińska'],
  ['Szymański', 'Szymańska'],
  ['Woźniak', 'Woźniak'],
  ['Dąbrowski', 'Dąbrowska'],
  ['Kozłowski', 'Kozłowska'],
  ['Jankowski', 'Jankowska'],
  ['Mazur', 'Mazur'],
  ['Krawczyk', 'Krawczyk'],
  ['Piotrowski', 'Piotrowska'],
  ['Grabowski', 'Grabowska'],
  ['Pawłowski', 'Pawłowska'],
  ['Michalski', 'Michalska'],
  ['Król', 'Król'],
  ['Wieczorek', 'Wieczorek'],
  ['Jabłoński', 'Jabłońska'],
  ['Majewski', 'Majewska'],
  ['Olszewski', 'Olszewska'],
  ['Stępień', 'Stępień'],
] as const;

/** Polish first names ending in -a are women's (Kuba aside, none here is not). */
const isWoman = (first: string) => first.endsWith('a');

export interface DemoPerson {
  name: string;
  email: string;
  city: string | null;
  role: 'facilitator' | 'expert' | 'organiser' | 'representative';
}

/** `zofia.wisniewska.3@example.pl`: ASCII, unique within the demo (one human per address). */
export function demoEmail(name: string, serial: number): string {
  const ascii = name
    .toLowerCase()
    .replace(/ł/g, 'l')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z]+/g, '.')
    .replace(/^\.|\.$/g, '');
  return `${ascii}.${serial}@example.pl`;
}

/**
 * The people of network `index`: its facilitator, expert and organiser (ZMP's), and two
 * representatives per member city, three in every third city. Deterministic: the same demo every time.
 */
export function demoPeople(network: DemoNetwork, index: number): DemoPerson[] {
  let serial = index * 100;
  const next = (cityName: string | null, role: DemoPerson['role']): DemoPerson => {
    serial += 1;
    const first = FIRST_NAMES[(serial * 7) % FIRST_NAMES.length] as string;
    const [male, female] = SURNAMES[(serial * 5 + index) % SURNAMES.length] as readonly [string, string];
    const name = `${first} ${isWoman(first) ? female : male}`;
    return { name, email: demoEmail(name, serial), city: cityName, role };
  };
  const people = [next(null, 'facilitator'), next(null, 'expert'), next(null, 'organiser')];
  network.cities.forEach((member, cityIndex) => {
    const count = cityIndex % 3 === 0 ? 3 : 2;
    for (let i = 0; i < count; i++) people.push(next(member.name, 'representative'));
  });
  return people;
}
