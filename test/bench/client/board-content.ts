/**
 * What the client benchmark's boards hold: sticky notes a workshop of Polish cities writes, by
 * named people of those cities, in the zones of a format's sheets. Deterministic (a seeded
 * generator), so every run and both pages get the same board; every note's text is different,
 * as on a real board, so a cache keyed by text gains nothing the real board would not give it.
 */
import { NOTE_SIZE, layoutFormat, getFormat, tidyZone, type Rect } from '@empiria/formats';
import { cityNoteColor, metaWith, type NoteAuthor } from '@empiria/shared';
import type { CanvasRecord } from '../../support/canvas-records';

const CITIES = [
  'Gdynia',
  'Nowy Sącz',
  'Chełm',
  'Ełk',
  'Przemyśl',
  'Zamość',
  'Piła',
  'Skierniewice',
  'Kutno',
  'Starachowice',
  'Ostrołęka',
  'Płock',
  'Łomża',
  'Świdnik',
  'Żyrardów',
  'Gorzów Wielkopolski',
];

const FIRST_NAMES = [
  'Agnieszka',
  'Łukasz',
  'Małgorzata',
  'Paweł',
  'Katarzyna',
  'Grzegorz',
  'Joanna',
  'Michał',
  'Ewa',
  'Tomasz',
  'Żaneta',
  'Krzysztof',
  'Dorota',
  'Wojciech',
  'Beata',
  'Jędrzej',
];

const LAST_NAMES = [
  'Nowak',
  'Kowalska',
  'Wiśniewski',
  'Wójcik',
  'Kamińska',
  'Lewandowski',
  'Zielińska',
  'Szymański',
  'Woźniak',
  'Dąbrowska',
  'Kozłowski',
  'Jankowska',
  'Mazur',
  'Krawczyk',
  'Piotrowska',
  'Grabowski',
];

/** What a note is about: the openings of the sentences people write in a workshop. */
const SUBJECTS = [
  'Mieszkańcy nie wiedzą',
  'Seniorzy rzadko korzystają z e-usług, bo',
  'Urzędnicy w wydziale komunikacji mówią, że',
  'Brakuje pieniędzy na',
  'Rada osiedla zgłasza, że',
  'W budżecie obywatelskim wygrał projekt:',
  'Przedsiębiorcy skarżą się, że',
  'Młodzież chce',
  'Dyrektorzy szkół proponują',
  'Spółdzielnie mieszkaniowe nie zgadzają się, by',
  'Miejski ośrodek pomocy społecznej widzi, że',
  'Zarząd dróg planuje',
  'Straż miejska notuje coraz więcej zgłoszeń, że',
  'W konsultacjach społecznych padło pytanie, czy',
  'Pilotaż w dzielnicy pokazał, że',
  'Marszałek województwa ogłosił nabór na',
];

const MATTERS = [
  'gdzie złożyć wniosek o dofinansowanie wymiany pieca',
  'formularze są za długie i pełne żargonu urzędniczego',
  'ścieżki rowerowe kończą się w połowie drogi do szkoły',
  'rewitalizację podwórek w śródmieściu',
  'autobusy nocne kursują za rzadko, zwłaszcza w weekendy',
  'zieleń przy ulicach usycha każdego lata',
  'parkingi przy dworcu są pełne już o siódmej rano',
  'miejsca do spotkań bez konieczności kupowania kawy',
  'wspólne zamówienia energii dla szkół i przedszkoli',
  'lokale użytkowe na parterach stoją puste od lat',
  'osoby starsze czują się samotne po śmierci współmałżonka',
  'remont mostu przesunie się o dwa lata',
  'hałas z budowy obwodnicy przeszkadza w nocy',
  'dane o jakości powietrza trafiały na stronę miasta na bieżąco',
  'punkt konsultacyjny w bibliotece przyciąga więcej osób niż urząd',
  'zielone przystanki z ogrodami deszczowymi',
  'mapę pustostanów udostępnioną organizacjom pozarządowym',
  'dotacje na panele fotowoltaiczne dla wspólnot',
  'szkolenia cyfrowe dla seniorów w domach kultury',
  'wspólny kalendarz wydarzeń wszystkich instytucji miejskich',
];

const ENDINGS = [
  '',
  '',
  '',
  ' Trzeba to sprawdzić przed następnym spotkaniem.',
  ' Dane z 2025 r.: spadek o 12%.',
  ' Warto zapytać Gdynię, jak to rozwiązali.',
  ' Koszt szacunkowy: 450 tys. zł.',
  ' To samo mówiły dwie inne gminy.',
  ' Pomysł zgłoszony przez radnego dzielnicy.',
  ' Do omówienia z wydziałem finansów.',
];

/** A small, fast, seeded generator (mulberry32): the same board on every run. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)] as T;
}

/** The people of the workshop: two or three per city, with stable ids. */
export function workshopPeople(): NoteAuthor[] {
  const random = seeded(7);
  return CITIES.flatMap((city, c) =>
    Array.from({ length: 2 + (c % 2) }, (_, i) => ({
      id: `bench-person-${c}-${i}`,
      name: `${pick(random, FIRST_NAMES)} ${pick(random, LAST_NAMES)}`,
      city,
    })),
  );
}

/** The note texts: each different (a running number where the words repeat). */
export function noteTexts(count: number): string[] {
  const random = seeded(11);
  const seen = new Set<string>();
  return Array.from({ length: count }, () => {
    let text = `${pick(random, SUBJECTS)} ${pick(random, MATTERS)}.${pick(random, ENDINGS)}`;
    for (let n = 2; seen.has(text); n++) text = `${text.replace(/ \(\d+\)$/, '')} (${n})`;
    seen.add(text);
    return text;
  });
}

interface ZoneSlot {
  stepId: string;
  zoneId: string;
  body: Rect;
}

/**
 * `count` notes spread evenly over every zone of the format's sheets, each zone's share laid out
 * in a tidy grid (the zone's own tidy, formats/src/layout/tidy.ts) at the scale at which they fit,
 * as a facilitator's "tidy zone" leaves a crowded zone. Stamped with their author and zone, in the
 * author's city colour, z-ordered above the template (`indexAbove`).
 */
export function benchNotes(
  formatId: string,
  count: number,
  indexAbove: (n: number) => string[],
): CanvasRecord[] {
  const format = getFormat(formatId);
  if (!format) throw new Error(`unknown format ${formatId}`);
  const zones: ZoneSlot[] = layoutFormat(format).sheets.flatMap((sheet) =>
    sheet.zones
      .filter((zone) => zone.body.w >= NOTE_SIZE / 2 && zone.body.h >= NOTE_SIZE / 2)
      .map((zone) => ({ stepId: sheet.stepId, zoneId: zone.zoneId, body: zone.body })),
  );
  if (zones.length === 0) throw new Error(`format ${formatId} has no zone to put notes in`);
  const people = workshopPeople();
  const texts = noteTexts(count);
  const indices = indexAbove(count);
  const records: CanvasRecord[] = [];
  zones.forEach((zone, z) => {
    const share = Math.floor(count / zones.length) + (z < count % zones.length ? 1 : 0);
    const ids = Array.from({ length: share }, (_, i) => `shape:bench-${z}-${i}`);
    const full = ids.map((id) => ({ id, x: zone.body.x, y: zone.body.y, w: NOTE_SIZE, h: NOTE_SIZE }));
    const scale = Math.min(1, tidyZone(zone.body, full).fitScale);
    const size = NOTE_SIZE * scale;
    const laid = tidyZone(
      zone.body,
      // Given in reading order already: the tidy keeps it.
      ids.map((id, i) => ({ id, x: zone.body.x + i * 0.001, y: zone.body.y, w: size, h: size })),
    );
    for (const { id, x, y } of laid.placed) {
      const n = records.length;
      const author = people[n % people.length] as NoteAuthor;
      records.push({
        id,
        typeName: 'shape',
        type: 'note',
        x,
        y,
        rotation: 0,
        index: indices[n] as string,
        parentId: 'page:page',
        isLocked: false,
        opacity: 1,
        meta: metaWith({}, { author, zone: { stepId: zone.stepId, zoneId: zone.zoneId } }),
        props: {
          color: cityNoteColor(author.city),
          labelColor: 'black',
          size: 'm',
          font: 'draw',
          fontSizeAdjustment: 1,
          align: 'middle',
          verticalAlign: 'middle',
          growY: 0,
          url: '',
          richText: {
            type: 'doc',
            content: [{ type: 'paragraph', content: [{ type: 'text', text: texts[n] as string }] }],
          },
          scale,
          textLastEditedBy: null,
        },
      });
    }
    if (laid.overflow.length > 0) throw new Error(`zone ${zone.stepId}/${zone.zoneId}: notes did not fit`);
  });
  return records;
}
