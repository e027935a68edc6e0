import { dayRangeIn, relabeled, type EnumLabels } from './labels';
import { AGE_FILTERS, AUDIENCES, COMMITMENT_FILTERS, DISTRICTS, EVENT_TYPES, NO_POLISH_FILTER, REMOTE_FILTERS, SOCIAL_PLATFORMS } from '../../../cms/src/shared/enum-labels';

const WEEKDAY_NAMES: Record<string, string> = {
  monday: 'Monday',
  tuesday: 'Tuesday',
  wednesday: 'Wednesday',
  thursday: 'Thursday',
  friday: 'Friday',
  saturday: 'Saturday',
  sunday: 'Sunday',
};

/** The CMS's codes named in English; URL segments stay the Polish ones. */
export const LABELS_EN: EnumLabels = {
  EVENT_TYPES: relabeled(EVENT_TYPES, {
    seminar: { label: 'seminar', plural: 'Seminars' },
    training: { label: 'training', plural: 'Training' },
    consulting: { label: 'advice', plural: 'Advice' },
    working_group: { label: 'working group', plural: 'Working groups' },
    coaching: { label: 'coaching', plural: 'Coaching' },
    mentoring: { label: 'mentoring', plural: 'Mentoring' },
    meeting: { label: 'meeting', plural: 'Meetings' },
    volunteering: { label: 'volunteering', plural: 'Volunteering' },
    other: { label: 'other', plural: 'Other' },
  }),

  AUDIENCES: relabeled(AUDIENCES, {
    ngo: { label: 'NGOs' },
    informal_group: { label: 'Informal groups' },
    residents: { label: 'Residents' },
  }),

  AUDIENCE_LABEL: {
    everyone: 'everyone',
    ngo: 'NGOs',
    informal_group: 'informal groups',
    residents: 'residents',
  },

  EVENT_FORMATS: {
    on_site: 'in person',
    online: 'online',
    hybrid: 'in person and online',
  },

  LEGAL_FORMS: {
    foundation: 'foundation',
    association: 'association',
    ordinary_association: 'ordinary association (stowarzyszenie zwykłe)',
    informal_group: 'informal group',
    social_cooperative: 'social cooperative',
    other: 'other legal form',
  },

  /** Kraków's districts keep their Polish names (and Roman numerals). */
  DISTRICTS,

  // Brand names stay; only the fallback is words.
  SOCIAL_PLATFORMS: { ...SOCIAL_PLATFORMS, other: 'Social media page' },

  /** "Monday–Friday" from the opening-hours component's day codes (other text passes through). */
  dayRange: dayRangeIn(WEEKDAY_NAMES),

  WHOLE_CITY_LABEL: 'all of Kraków',

  VOLUNTEER_REMOTE: {
    none: 'on site',
    possible: 'partly remote',
    full: 'fully remote',
  },

  VOLUNTEER_COMMITMENTS: {
    one_off: 'one-off',
    regular: 'regular',
  },

  HOURS_PER: {
    week: 'a week',
    month: 'a month',
  },

  WHEN_FILLED: {
    reserve: 'Once as many people as needed have applied, further applications will go on a reserve list.',
    close: 'Once as many people as needed have applied, recruitment will close – even before the application deadline.',
  },

  REMOTE_FILTERS: relabeled(REMOTE_FILTERS, {
    possible: { label: 'Remote possible' },
    full: { label: 'Fully remote' },
  }),

  COMMITMENT_FILTERS: relabeled(COMMITMENT_FILTERS, {
    one_off: { label: 'One-off' },
    regular: { label: 'Regular' },
  }),

  AGE_FILTERS: relabeled(AGE_FILTERS, {
    '13-15': { label: 'I’m 13–15' },
    '16-17': { label: 'I’m 16–17' },
  }),

  NO_POLISH_FILTER: { ...NO_POLISH_FILTER, label: 'No Polish needed' },

  VOLUNTEER_PROVISIONS: {
    offersTraining: 'training before you start',
    offersCertificate: 'a certificate of volunteering',
    offersInsurance: 'accident insurance (NNW)',
    offersCostRefund: 'refund of expenses, e.g. travel',
    offersAgreement: 'a written volunteering agreement',
  },

  VOLUNTEER_LANGUAGES: {
    usesPolish: 'Polish',
    usesUkrainian: 'Ukrainian',
    usesEnglish: 'English',
  },
};
