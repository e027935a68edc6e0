/**
 * Generated content for the scale benchmark (npm run bench:scale): events, news, guides and
 * organizations in the shape the document service takes (relations as documentIds), with
 * Polish-looking titles and Markdown bodies of realistic length composed from word lists.
 * Deterministic: the same seed, day and count give the same entries, so runs are comparable.
 */
import type { DateTime } from 'luxon';
import { nipControlDigit, regon9ControlDigit } from '../../src/validation/polish-registers';
import { slugify } from '../../src/validation/slug';
import { toDateString, toInstant } from '../seed/relative-dates';

export type Data = Record<string, unknown>;

/** One document to create, published: its content-type data and a documentId chosen up front. */
export interface BenchDocument {
  documentId: string;
  data: Data;
}

export interface BenchContent {
  organizations: BenchDocument[];
  guides: BenchDocument[];
  articles: BenchDocument[];
  events: BenchDocument[];
}

/** What the generated entries link to: documentIds of the seeded areas, categories, rooms and organizations. */
export interface ExistingRefs {
  areas: string[];
  categories: string[];
  rooms: string[];
  organizations: string[];
  /** Slugs already taken per collection (the seed's), which generated slugs avoid. */
  slugs: Record<'events' | 'articles' | 'guides' | 'organizations', Set<string>>;
}

/** The issue's mix: 40 % events, 30 % news, 20 % guides, 10 % organizations. */
export function splitCounts(total: number): Record<keyof BenchContent, number> {
  const events = Math.round(total * 0.4);
  const articles = Math.round(total * 0.3);
  const guides = Math.round(total * 0.2);
  return { events, articles, guides, organizations: Math.max(0, total - events - articles - guides) };
}

/** sfc32: small, fast and good enough; seeded through splitmix32 so that nearby seeds differ. */
export function createRandom(seed: number): Random {
  let s = seed >>> 0;
  const split = () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
  let a = split();
  let b = split();
  let c = split();
  let d = split();
  const next = (): number => {
    const t = (((a + b) >>> 0) + d) >>> 0;
    d = (d + 1) >>> 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) >>> 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) >>> 0;
    return t / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  return {
    next,
    int,
    pick,
    chance: (p) => next() < p,
    some: (items, min, max) => {
      const pool = [...items];
      const count = Math.min(pool.length, int(min, max));
      const chosen = [];
      for (let i = 0; i < count; i += 1) chosen.push(pool.splice(Math.floor(next() * pool.length), 1)[0]!);
      return chosen;
    },
  };
}

export interface Random {
  /** [0, 1) */
  next(): number;
  /** An integer in [min, max]. */
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  chance(probability: number): boolean;
  /** Between min and max distinct items, in random order. */
  some<T>(items: readonly T[], min: number, max: number): T[];
}


/** An event's link to an external sign-up form comes with the mode that shows it. */
const externalSignUp = (url: string | null) => ({ registrationUrl: url, registrationMode: url ? 'external' : 'none' });
const ID_CHARS = 'abcdefghijklmnopqrstuvwxyz0123456789';

/** A 24-character id in the form Strapi gives documents (lowercase letters and digits). */
const documentId = (random: Random): string => {
  let id = ID_CHARS[random.int(0, 25)]!;
  while (id.length < 24) id += ID_CHARS[random.int(0, ID_CHARS.length - 1)]!;
  return id;
};

// --- Words ---------------------------------------------------------------------------------

// Subjects with the number their verb takes: [name, plural?].
const SUBJECTS: readonly (readonly [string, boolean])[] = [
  ['Organizacje pozarządowe', true], ['Mieszkańcy Krakowa', true], ['Wolontariusze', true], ['Rada dzielnicy', false], ['Nasz zespół', false],
  ['Zarząd stowarzyszenia', false], ['Fundacja', false], ['Grupa nieformalna', false], ['Uczestnicy spotkania', true], ['Koordynatorka projektu', false],
  ['Księgowa organizacji', false], ['Sąsiedzi z osiedla', true], ['Seniorzy z klubu', true], ['Młodzieżowa rada', false], ['Urząd Miasta', false],
  ['Lokalni liderzy', true], ['Centrum Obywatelskie', false], ['Doradca prawny', false], ['Animatorki kultury', true],
  ['Członkowie spółdzielni socjalnej', true], ['Trenerzy', true], ['Partnerzy projektu', true],
];
// [singular, plural]
const VERBS: readonly (readonly [string, string])[] = [
  ['przygotowuje', 'przygotowują'], ['omawia', 'omawiają'], ['planuje', 'planują'], ['wspiera', 'wspierają'], ['prowadzi', 'prowadzą'],
  ['organizuje', 'organizują'], ['sprawdza', 'sprawdzają'], ['rozwija', 'rozwijają'], ['opisuje', 'opisują'], ['zgłasza', 'zgłaszają'],
  ['rozlicza', 'rozliczają'], ['konsultuje', 'konsultują'], ['promuje', 'promują'], ['dokumentuje', 'dokumentują'], ['współtworzy', 'współtworzą'],
  ['ułatwia', 'ułatwiają'], ['zbiera', 'zbierają'], ['porządkuje', 'porządkują'],
];
const OBJECTS = [
  'wniosek o dotację', 'projekt do budżetu obywatelskiego', 'sprawozdanie finansowe', 'akcję sąsiedzką', 'warsztaty dla seniorów',
  'regulamin wolontariatu', 'plan działań na kolejny rok', 'zbiórkę publiczną', 'umowy z wolontariuszami', 'politykę ochrony danych',
  'kampanię informacyjną', 'spotkanie z radnymi', 'harmonogram zajęć', 'budżet projektu', 'listę uczestników', 'ankietę dla mieszkańców',
  'festyn na podwórku', 'statut organizacji', 'ofertę w otwartym konkursie', 'partnerstwo z biblioteką', 'zajęcia dla dzieci',
  'inicjatywę lokalną', 'sprawozdanie merytoryczne', 'stronę internetową', 'materiały dla mediów',
];
const TAILS = [
  'w Nowej Hucie', 'przed końcem roku', 'we współpracy z miastem', 'krok po kroku', 'bez zbędnych formalności', 'na Kazimierzu',
  'w małych grupach', 'z pomocą mentorów', 'zgodnie z przepisami', 'w każdą środę', 'na Podgórzu', 'dla całej dzielnicy',
  'z udziałem mieszkańców', 'jeszcze w tym kwartale', 'w siedzibie Centrum', 'online i na miejscu', 'od pierwszego dnia',
  'przy niewielkim budżecie', 'w Bronowicach', 'na Krowodrzy', 'z myślą o osobach z niepełnosprawnościami',
];
const CONNECTORS = ['Dlatego', 'Co ważne,', 'Warto pamiętać, że', 'W praktyce', 'Najczęściej', 'Z doświadczenia wiemy, że', 'Przy okazji', 'Zwykle', 'Jednocześnie'];
const HEADINGS = [
  'Dla kogo', 'Co trzeba przygotować', 'Jak się zgłosić', 'Najważniejsze terminy', 'Krok po kroku', 'Najczęstsze błędy', 'Koszty i finansowanie',
  'Przydatne dokumenty', 'Jak pracujemy', 'Co robimy', 'Program', 'Czego się nauczysz', 'Kontakt i pytania', 'Podstawa prawna',
  'Dobre praktyki', 'Co dalej', 'Dostępność', 'Wolontariat', 'Nasze projekty', 'Podsumowanie',
];
const LIST_ITEMS = [
  'aktualny odpis z KRS lub wyciąg z ewidencji', 'statut organizacji', 'budżet z podziałem na źródła finansowania', 'harmonogram działań',
  'oświadczenie o niekaralności', 'zgoda na przetwarzanie danych osobowych', 'pełnomocnictwo dla osoby podpisującej', 'opis grupy odbiorców',
  'lista wolontariuszy z zakresem zadań', 'potwierdzenie wkładu własnego', 'sprawozdanie z poprzedniego roku', 'umowa partnerska',
  'zdjęcia z wcześniejszych działań', 'kosztorys zakupów', 'plan promocji', 'regulamin uczestnictwa', 'karta zgłoszenia', 'mapa dojazdu',
];
// Link texts in the accusative: "Zobacz też [listę wydarzeń](…)".
const LINKS: readonly (readonly [string, string])[] = [
  ['portal Miasta Krakowa', 'https://www.krakow.pl/'],
  ['generator wniosków', 'https://witkac.pl/'],
  ['wyszukiwarkę KRS', 'https://ekrs.ms.gov.pl/'],
  ['serwis ngo.pl', 'https://www.ngo.pl/'],
  ['ustawę o działalności pożytku publicznego', 'https://isap.sejm.gov.pl/'],
  ['poradnik na gov.pl', 'https://www.gov.pl/web/gov/'],
  ['stronę budżetu obywatelskiego', 'https://budzet.krakow.pl/'],
  ['stronę Urzędu Ochrony Danych Osobowych', 'https://uodo.gov.pl/'],
  ['listę wydarzeń', '/wydarzenia/'],
  ['bazę wiedzy', '/baza-wiedzy/'],
  ['katalog organizacji', '/organizacje/'],
  ['aktualności Centrum', '/aktualnosci/'],
];

const TOPICS = [
  'sprawozdanie finansowe', 'budżet obywatelski', 'wolontariat pracowniczy', 'mikrogranty', 'ochrona danych osobowych', 'zbiórki publiczne',
  'otwarty konkurs ofert', 'inicjatywa lokalna', 'fundraising', 'komunikacja w mediach społecznościowych', 'prawo pracy w NGO',
  'działalność odpłatna', 'partnerstwa lokalne', 'dostępność wydarzeń', 'rozliczanie dotacji', 'zakładanie stowarzyszenia',
  'współpraca z radą dzielnicy', 'praca z młodzieżą', 'aktywizacja seniorów', 'ekologia na osiedlu', 'kultura sąsiedzka',
  'sprawozdawczość merytoryczna', 'zarządzanie zespołem wolontariuszy', 'pisanie projektów', 'crowdfunding',
];
const PLACES = ['na Podgórzu', 'w Nowej Hucie', 'na Kazimierzu', 'w Bronowicach', 'na Krowodrzy', 'w Dębnikach', 'na Zwierzyńcu', 'w Czyżynach', 'w Prokocimiu', 'w Łagiewnikach', 'na Woli Justowskiej', 'w Mistrzejowicach'];
const EVENT_KINDS: Record<string, readonly string[]> = {
  seminar: ['Seminarium', 'Wykład otwarty'],
  training: ['Szkolenie', 'Warsztaty'],
  consulting: ['Dyżur doradczy', 'Konsultacje'],
  working_group: ['Grupa robocza', 'Spotkanie zespołu'],
  coaching: ['Coaching', 'Sesja rozwojowa'],
  mentoring: ['Mentoring', 'Spotkanie mentorskie'],
  meeting: ['Spotkanie sieciujące', 'Spotkanie informacyjne'],
  volunteering: ['Akcja wolontariacka', 'Dzień wolontariusza'],
  other: ['Wydarzenie', 'Piknik'],
};
const NEWS_OPENERS = ['Nabór', 'Wyniki naboru', 'Podsumowanie', 'Zaproszenie', 'Nowy program', 'Zmiany w zasadach', 'Rusza kolejna edycja', 'Relacja', 'Komunikat'];
const GUIDE_OPENERS = ['Jak przygotować', 'Jak rozliczyć', 'Krok po kroku:', 'Poradnik:', 'Co warto wiedzieć:', 'Najczęstsze pytania:', 'Jak zaplanować', 'Jak zorganizować'];
const ORG_WORDS = ['Zielony', 'Sąsiedzki', 'Otwarty', 'Wspólny', 'Aktywny', 'Kulturalny', 'Młody', 'Przyjazny', 'Solidarny', 'Twórczy', 'Obywatelski', 'Dobry'];
const ORG_NOUNS = ['Kraków', 'Krąg', 'Dom', 'Horyzont', 'Most', 'Ogród', 'Warsztat', 'Klub', 'Port', 'Rynek', 'Zakątek', 'Głos'];
const LEGAL_FORMS = [
  ['foundation', 'Fundacja'], ['association', 'Stowarzyszenie'], ['ordinary_association', 'Stowarzyszenie zwykłe'],
  ['informal_group', 'Grupa nieformalna'], ['social_cooperative', 'Spółdzielnia socjalna'], ['other', 'Inicjatywa'],
] as const;
const DISTRICTS = [
  'stare_miasto', 'grzegorzki', 'pradnik_czerwony', 'pradnik_bialy', 'krowodrza', 'bronowice', 'zwierzyniec', 'debniki', 'lagiewniki_borek_falecki',
  'swoszowice', 'podgorze_duchackie', 'biezanow_prokocim', 'podgorze', 'czyzyny', 'mistrzejowice', 'bienczyce', 'wzgorza_krzeslawickie', 'nowa_huta',
];
const STREETS = ['ul. Długa', 'ul. Krowoderska', 'ul. Grzegórzecka', 'os. Centrum E', 'ul. Kalwaryjska', 'ul. Zamoyskiego', 'ul. Bronowicka', 'al. Pokoju', 'ul. Mogilska', 'ul. Wielicka', 'ul. Limanowskiego', 'os. Złotego Wieku'];
const FIRST_NAMES = ['Anna', 'Piotr', 'Katarzyna', 'Tomasz', 'Magdalena', 'Paweł', 'Agnieszka', 'Michał', 'Joanna', 'Krzysztof', 'Ewa', 'Marcin'];
const LAST_NAMES = ['Nowak', 'Kowalska', 'Wiśniewski', 'Wójcik', 'Kamińska', 'Lewandowski', 'Zielińska', 'Szymański', 'Woźniak', 'Dąbrowska', 'Kozłowski', 'Mazur'];
const ROLES = ['doradczyni ds. finansów', 'prawnik Centrum', 'koordynator wolontariatu', 'specjalistka ds. grantów', 'trener organizacji pozarządowych'];
const AUDIENCES = ['everyone', 'ngo', 'informal_group', 'residents'] as const;
const EVENT_TYPES = Object.keys(EVENT_KINDS);
const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;

const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
/**
 * Words in the reader's sense, for the texts made here: space-separated tokens, less the
 * Markdown marks that start headings and list items.
 */
function words(text: string): number {
  let count = 1;
  for (let i = 0; i < text.length; i += 1) if (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 10) count += 1;
  const marks = text.startsWith('## ') ? 1 : text.startsWith('- ') || /^\d+\. /.test(text) ? text.split('\n').length : 0;
  return count - marks;
}

// --- Text ----------------------------------------------------------------------------------

/** "Subject verb object": the verb agrees with the subject's number. */
function clause(random: Random, object = random.pick(OBJECTS)): string {
  const [subject, plural] = random.pick(SUBJECTS);
  return `${subject} ${random.pick(VERBS)[plural ? 1 : 0]} ${object}`;
}

function sentence(random: Random): string {
  const roll = random.next();
  if (roll < 0.15) {
    const core = clause(random);
    return `${random.pick(CONNECTORS)} ${core.charAt(0).toLowerCase()}${core.slice(1)} ${random.pick(TAILS)}.`;
  }
  if (roll < 0.25) {
    const other = clause(random);
    return `${clause(random)} ${random.pick(TAILS)}, a ${other.charAt(0).toLowerCase()}${other.slice(1)}.`;
  }
  if (roll < 0.32) return `${clause(random, `**${random.pick(OBJECTS)}**`)} ${random.pick(TAILS)}.`;
  return `${clause(random)} ${random.pick(TAILS)}.`;
}

function paragraph(random: Random, links: { left: number }): string {
  const parts: string[] = [];
  const count = random.int(2, 5);
  for (let i = 0; i < count; i += 1) parts.push(sentence(random));
  if (links.left > 0 && random.chance(0.45)) {
    const [label, href] = random.pick(LINKS);
    parts.push(`${random.pick(['Zobacz też', 'Sprawdź', 'Warto przejrzeć'])} [${label}](${href}).`);
    links.left -= 1;
  }
  return parts.join(' ');
}

function list(random: Random): string {
  const ordered = random.chance(0.3);
  return random.some(LIST_ITEMS, 3, 6).map((item, i) => `${ordered ? `${i + 1}.` : '-'} ${capitalize(item)}${ordered ? '.' : ','}`).join('\n').replace(/,$/, '.');
}

/** Markdown of `target` words or a little more: paragraphs under ## headings, lists and links. */
export function markdownBody(random: Random, target: number): string {
  const blocks: string[] = [];
  const links = { left: random.int(1, 4) };
  let count = 0;
  const add = (block: string) => {
    blocks.push(block);
    count += words(block);
  };
  add(paragraph(random, links));
  const headings = random.some(HEADINGS, HEADINGS.length, HEADINGS.length);
  let section = 0;
  while (count < target) {
    add(`## ${headings[section % headings.length]}${section >= headings.length ? ` (${Math.floor(section / headings.length) + 1})` : ''}`);
    section += 1;
    add(paragraph(random, links));
    if (random.chance(0.45)) add(list(random));
    if (count < target && random.chance(0.6)) add(paragraph(random, links));
  }
  if (links.left > 0) {
    const [label, href] = random.pick(LINKS);
    add(`Zobacz też [${label}](${href}).`);
  }
  return blocks.join('\n\n');
}

/** A body length in words: mostly 300–900, a tail up to 1,500 (long guides and reports). */
const bodyLength = (random: Random) => (random.chance(0.8) ? random.int(300, 900) : random.int(900, 1400));

/** Plain text cut to `max` characters at a word boundary. */
function summary(random: Random, max: number): string {
  let text = '';
  for (;;) {
    const next = `${text} ${sentence(random).replace(/\*\*/g, '')}`.trim();
    if (next.length > max) return text || next.slice(0, max - 1).replace(/\s+\S*$/, '') + '.';
    text = next;
    if (text.length > max * 0.6) return text;
  }
}

// --- Registers -----------------------------------------------------------------------------

function digits(random: Random, count: number): string {
  let text = String(random.int(1, 9));
  while (text.length < count) text += String(random.int(0, 9));
  return text;
}

function nip(random: Random): string {
  for (;;) {
    const first9 = digits(random, 9);
    const control = nipControlDigit(first9);
    if (control !== null) return `${first9}${control}`;
  }
}

const regon = (random: Random): string => {
  const first8 = digits(random, 8);
  return `${first8}${regon9ControlDigit(first8)}`;
};

// --- Entries -------------------------------------------------------------------------------

const slugs = new Map<string, string>();
/**
 * A unique slug for a title made of `parts`: the CMS's slugify of each part (titles are made of a
 * few word lists, and slugify is slow: once per part), the entry's number at the end.
 */
function uniqueSlugFor(parts: string[], n: number, taken: Set<string>): string {
  const slugOf = (part: string) => {
    let slug = slugs.get(part);
    if (slug === undefined) slugs.set(part, (slug = slugify(part)));
    return slug;
  };
  let slug = `${parts.map(slugOf).filter(Boolean).join('-').slice(0, 60).replace(/-+$/, '')}-${n}`;
  while (taken.has(slug)) slug = `${slug}-b`;
  taken.add(slug);
  return slug;
}

export interface GenerateOptions {
  total: number;
  /** Kraków midnight of the day dates are counted from. */
  base: DateTime;
  seed: number;
  refs: ExistingRefs;
}

export function generateContent({ total, base, seed, refs }: GenerateOptions): BenchContent {
  const random = createRandom(seed);
  const counts = splitCounts(total);
  const content: BenchContent = { organizations: [], guides: [], articles: [], events: [] };

  for (let i = 1; i <= counts.organizations; i += 1) {
    const [legalForm, label] = random.pick(LEGAL_FORMS);
    const parts = [label, random.pick(ORG_WORDS), random.pick(ORG_NOUNS), random.pick(PLACES)];
    const name = parts.join(' ');
    const slug = uniqueSlugFor(parts, i, refs.slugs.organizations);
    const short = slug.slice(0, 20).replace(/-+$/, '');
    const volunteers = random.chance(0.4);
    const registered = legalForm === 'foundation' || legalForm === 'association' || legalForm === 'social_cooperative';
    content.organizations.push({
      documentId: documentId(random),
      data: {
        name,
        slug,
        legalForm,
        krs: registered ? `0000${digits(random, 6)}` : null,
        nip: registered && random.chance(0.7) ? nip(random) : null,
        regon: registered && random.chance(0.6) ? regon(random) : null,
        shortDescription: summary(random, 280),
        description: markdownBody(random, bodyLength(random)),
        areas: random.some(refs.areas, 1, 3),
        district: random.pick(DISTRICTS),
        website: random.chance(0.7) ? `https://${short}.example.org/` : null,
        email: `kontakt@${short}.example.org`,
        phone: random.chance(0.6) ? `+48 12 ${random.int(200, 699)} ${random.int(10, 99)} ${random.int(10, 99)}` : null,
        address: random.chance(0.7) ? { street: `${random.pick(STREETS)} ${random.int(1, 120)}`, postalCode: `3${random.int(0, 1)}-${String(random.int(0, 999)).padStart(3, '0')}`, city: 'Kraków' } : null,
        socialLinks: random.chance(0.5) ? [{ platform: 'facebook', url: `https://www.facebook.com/${short}` }, ...(random.chance(0.4) ? [{ platform: 'instagram', url: `https://www.instagram.com/${short.replace(/-/g, '_')}` }] : [])] : [],
        acceptsVolunteers: volunteers,
        volunteering: volunteers ? `Szukamy wolontariuszy, którzy pomogą przygotować ${random.pick(OBJECTS)}. ${sentence(random)}` : null,
      },
    });
  }
  const organizations = [...refs.organizations, ...content.organizations.map((org) => org.documentId)];

  for (let i = 1; i <= counts.guides; i += 1) {
    const parts = [random.pick(GUIDE_OPENERS), random.pick(TOPICS), random.pick(TAILS)];
    const title = parts.join(' ');
    const earlier = content.guides.length;
    const related = earlier > 0 && random.chance(0.5) ? Array.from(new Set(Array.from({ length: random.int(1, 3) }, () => content.guides[random.int(0, earlier - 1)]!.documentId))) : [];
    content.guides.push({
      documentId: documentId(random),
      data: {
        title: capitalize(title),
        slug: uniqueSlugFor(parts, i, refs.slugs.guides),
        summary: summary(random, 380),
        body: markdownBody(random, bodyLength(random)),
        category: random.chance(0.95) ? random.pick(refs.categories) : null,
        audience: random.pick(AUDIENCES),
        author: random.chance(0.6) ? `${random.pick(FIRST_NAMES)} ${random.pick(LAST_NAMES)}` : null,
        authorRole: random.chance(0.4) ? random.pick(ROLES) : null,
        reviewedAt: random.chance(0.7) ? toDateString(base, -random.int(0, 700)) : null,
        relatedGuides: related,
      },
    });
  }

  for (let i = 1; i <= counts.articles; i += 1) {
    const parts = [random.pick(NEWS_OPENERS), random.pick(TOPICS), random.pick(PLACES)];
    const title = `${parts[0]}: ${parts[1]} ${parts[2]}`;
    content.articles.push({
      documentId: documentId(random),
      data: {
        title,
        slug: uniqueSlugFor(parts, i, refs.slugs.articles),
        excerpt: summary(random, 280),
        body: markdownBody(random, bodyLength(random)),
        author: random.chance(0.7) ? `${random.pick(FIRST_NAMES)} ${random.pick(LAST_NAMES)}` : null,
        // News reach back four years; the newest is today.
        publicationDate: toDateString(base, -Math.floor(random.next() ** 1.5 * 1460)),
      },
    });
  }

  for (let i = 1; i <= counts.events; i += 1) {
    const type = random.pick(EVENT_TYPES);
    const parts = [random.pick(EVENT_KINDS[type]!), random.pick(TOPICS), random.pick(PLACES)];
    const title = `${parts[0]}: ${parts[1]} ${parts[2]}`;
    const day = random.int(-182, 365);
    const hour = random.int(9, 18);
    const start = { day, time: `${hour}:${random.pick(['00', '30'])}` };
    const allDay = random.chance(0.05);
    const end = { day, time: `${Math.min(hour + random.int(1, 4), 23)}:00` };
    const format = random.pick(['on_site', 'on_site', 'on_site', 'online', 'hybrid'] as const);
    const inRoom = format !== 'online' && random.chance(0.6);
    const isFree = random.chance(0.85);
    const startsAt = toInstant(base, start);
    const weekday = WEEKDAYS[base.plus({ days: day }).weekday - 1]!;
    const recurrence = random.chance(0.04)
      ? random.chance(0.75)
        ? { frequency: 'weekly', interval: random.int(1, 2), until: toDateString(base, day + random.int(4, 12) * 7), monthlyBy: 'day_of_month', ...Object.fromEntries(WEEKDAYS.map((name) => [name, name === weekday])) }
        : { frequency: 'monthly', interval: 1, until: toDateString(base, day + random.int(3, 6) * 30), monthlyBy: 'day_of_month', ...Object.fromEntries(WEEKDAYS.map((name) => [name, false])) }
      : null;
    content.events.push({
      documentId: documentId(random),
      data: {
        title,
        slug: uniqueSlugFor(parts, i, refs.slugs.events),
        description: markdownBody(random, bodyLength(random)),
        startsAt,
        endsAt: allDay ? null : toInstant(base, end),
        allDay,
        type,
        format,
        room: inRoom ? random.pick(refs.rooms) : null,
        venue: format !== 'online' && !inRoom ? { name: `Klub ${random.pick(ORG_WORDS)} ${random.pick(ORG_NOUNS)}`, address: { street: `${random.pick(STREETS)} ${random.int(1, 120)}`, postalCode: `3${random.int(0, 1)}-${String(random.int(0, 999)).padStart(3, '0')}`, city: 'Kraków' } } : null,
        onlineUrl: format !== 'on_site' ? `https://meet.example.org/co-${i}` : null,
        organizer: random.chance(0.6) ? random.pick(organizations) : null,
        ...externalSignUp(random.chance(0.5) ? `https://co.krakow.example.pl/zapisy/${i}` : null),
        registrationDeadline: random.chance(0.2) ? toInstant(base, { day: day - random.int(1, 7), time: '23:59' }) : null,
        capacity: random.chance(0.6) ? random.int(5, 120) : null,
        isFree,
        price: isFree ? null : random.int(2, 40) * 5,
        priceNote: isFree ? null : 'Zniżka dla członków organizacji partnerskich.',
        eventStatus: random.chance(0.92) ? 'scheduled' : random.pick(['cancelled', 'postponed']),
        accessibility: random.chance(0.5) ? { stepFreeAccess: random.chance(0.8), inductionLoop: random.chance(0.3), signLanguageInterpreter: random.chance(0.1), notes: random.chance(0.3) ? 'Wejście od podwórza, winda do sali.' : null } : null,
        recurrence,
        audience: random.pick(AUDIENCES),
      },
    });
  }
  return content;
}
