import { dayRangeIn, relabeled, type EnumLabels } from './labels';
import { AGE_FILTERS, AUDIENCES, COMMITMENT_FILTERS, DISTRICTS, EVENT_TYPES, NO_POLISH_FILTER, REMOTE_FILTERS, SOCIAL_PLATFORMS } from '../../../cms/src/shared/enum-labels';

const WEEKDAY_NAMES: Record<string, string> = {
  monday: 'понеділок',
  tuesday: 'вівторок',
  wednesday: 'середа',
  thursday: 'четвер',
  friday: 'пʼятниця',
  saturday: 'субота',
  sunday: 'неділя',
};

/** A district's Ukrainian name with the Polish URL segment. */
const district = (code: string, label: string): { label: string; segment: string } => {
  const polish = DISTRICTS[code];
  if (!polish) throw new Error(`Unknown district code "${code}" in labels-uk.ts.`);
  return { label, segment: polish.segment };
};

/** The CMS's codes named in Ukrainian; URL segments stay the Polish ones. */
export const LABELS_UK: EnumLabels = {
  EVENT_TYPES: relabeled(EVENT_TYPES, {
    seminar: { label: 'семінар', plural: 'Семінари' },
    training: { label: 'тренінг', plural: 'Тренінги' },
    consulting: { label: 'консультація', plural: 'Консультації' },
    working_group: { label: 'робоча група', plural: 'Робочі групи' },
    coaching: { label: 'коучинг', plural: 'Коучинг' },
    mentoring: { label: 'менторство', plural: 'Менторство' },
    meeting: { label: 'зустріч', plural: 'Зустрічі' },
    volunteering: { label: 'волонтерство', plural: 'Волонтерство' },
    other: { label: 'інше', plural: 'Інше' },
  }),

  AUDIENCES: relabeled(AUDIENCES, {
    ngo: { label: 'Неурядові організації' },
    informal_group: { label: 'Неформальні групи' },
    residents: { label: 'Мешканці' },
  }),

  AUDIENCE_LABEL: {
    everyone: 'усі',
    ngo: 'неурядові організації',
    informal_group: 'неформальні групи',
    residents: 'мешканці',
  },

  EVENT_FORMATS: {
    on_site: 'очно',
    online: 'онлайн',
    hybrid: 'очно й онлайн',
  },

  LEGAL_FORMS: {
    foundation: 'фонд (fundacja)',
    association: 'товариство (stowarzyszenie)',
    ordinary_association: 'просте товариство (stowarzyszenie zwykłe)',
    informal_group: 'неформальна група',
    social_cooperative: 'соціальний кооператив (spółdzielnia socjalna)',
    other: 'інша форма',
  },

  /** Kraków's districts in the Ukrainian transliteration, with their Roman numerals. */
  DISTRICTS: {
    stare_miasto: district('stare_miasto', 'I Старе Місто'),
    grzegorzki: district('grzegorzki', 'II Гжегужки'),
    pradnik_czerwony: district('pradnik_czerwony', 'III Прондник-Червоний'),
    pradnik_bialy: district('pradnik_bialy', 'IV Прондник-Білий'),
    krowodrza: district('krowodrza', 'V Кроводжа'),
    bronowice: district('bronowice', 'VI Броновиці'),
    zwierzyniec: district('zwierzyniec', 'VII Звежинець'),
    debniki: district('debniki', 'VIII Дембники'),
    lagiewniki_borek_falecki: district('lagiewniki_borek_falecki', 'IX Лагевники-Борек-Фаленцький'),
    swoszowice: district('swoszowice', 'X Свошовиці'),
    podgorze_duchackie: district('podgorze_duchackie', 'XI Подгуже-Духацьке'),
    biezanow_prokocim: district('biezanow_prokocim', 'XII Бежанув-Прокоцим'),
    podgorze: district('podgorze', 'XIII Подгуже'),
    czyzyny: district('czyzyny', 'XIV Чижини'),
    mistrzejowice: district('mistrzejowice', 'XV Містшейовиці'),
    bienczyce: district('bienczyce', 'XVI Бенчиці'),
    wzgorza_krzeslawickie: district('wzgorza_krzeslawickie', 'XVII Взгужа-Кшеславицькі'),
    nowa_huta: district('nowa_huta', 'XVIII Нова Гута'),
  },

  // Brand names stay; only the fallback is words.
  SOCIAL_PLATFORMS: { ...SOCIAL_PLATFORMS, other: 'Сторінка в соціальній мережі' },

  /** "понеділок–пʼятниця" from the opening-hours component's day codes (other text passes through). */
  dayRange: dayRangeIn(WEEKDAY_NAMES),

  WHOLE_CITY_LABEL: 'увесь Краків',

  VOLUNTEER_REMOTE: {
    none: 'на місці',
    possible: 'частково дистанційно',
    full: 'повністю дистанційно',
  },

  VOLUNTEER_COMMITMENTS: {
    one_off: 'одноразово',
    regular: 'регулярно',
  },

  HOURS_PER: {
    week: 'на тиждень',
    month: 'на місяць',
  },

  WHEN_FILLED: {
    reserve: 'Коли набереться потрібна кількість людей, наступні заявки потраплятимуть до резервного списку.',
    close: 'Коли набереться потрібна кількість людей, набір завершиться — навіть раніше, ніж закінчиться строк подання заявок.',
  },

  REMOTE_FILTERS: relabeled(REMOTE_FILTERS, {
    possible: { label: 'Можна дистанційно' },
    full: { label: 'Повністю дистанційно' },
  }),

  COMMITMENT_FILTERS: relabeled(COMMITMENT_FILTERS, {
    one_off: { label: 'Одноразово' },
    regular: { label: 'Регулярно' },
  }),

  AGE_FILTERS: relabeled(AGE_FILTERS, {
    '13-15': { label: 'Мені 13–15 років' },
    '16-17': { label: 'Мені 16–17 років' },
  }),

  NO_POLISH_FILTER: { ...NO_POLISH_FILTER, label: 'Без знання польської' },

  VOLUNTEER_PROVISIONS: {
    offersTraining: 'навчання перед початком',
    offersCertificate: 'довідка про волонтерство',
    offersInsurance: 'страхування від нещасних випадків (NNW)',
    offersCostRefund: 'відшкодування витрат, напр. на проїзд',
    offersAgreement: 'письмова угода про волонтерство',
  },

  VOLUNTEER_LANGUAGES: {
    usesPolish: 'польська',
    usesUkrainian: 'українська',
    usesEnglish: 'англійська',
  },
};
