import type { EnumLabels } from './labels';
import { AGE_FILTERS, AUDIENCES, COMMITMENT_FILTERS, DISTRICTS, EVENT_TYPES, NO_POLISH_FILTER, REMOTE_FILTERS } from '../../../cms/src/shared/enum-labels';

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
  EVENT_TYPES: {
    seminar: { label: 'seminar', plural: 'Seminars', segment: EVENT_TYPES.seminar.segment },
    training: { label: 'training', plural: 'Training', segment: EVENT_TYPES.training.segment },
    consulting: { label: 'advice', plural: 'Advice', segment: EVENT_TYPES.consulting.segment },
    working_group: { label: 'working group', plural: 'Working groups', segment: EVENT_TYPES.working_group.segment },
    coaching: { label: 'coaching', plural: 'Coaching', segment: EVENT_TYPES.coaching.segment },
    mentoring: { label: 'mentoring', plural: 'Mentoring', segment: EVENT_TYPES.mentoring.segment },
    meeting: { label: 'meeting', plural: 'Meetings', segment: EVENT_TYPES.meeting.segment },
    volunteering: { label: 'volunteering', plural: 'Volunteering', segment: EVENT_TYPES.volunteering.segment },
    other: { label: 'other', plural: 'Other', segment: EVENT_TYPES.other.segment },
  },

  AUDIENCES: {
    ngo: { label: 'NGOs', segment: AUDIENCES.ngo.segment },
    informal_group: { label: 'Informal groups', segment: AUDIENCES.informal_group.segment },
    residents: { label: 'Residents', segment: AUDIENCES.residents.segment },
  },

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

  SOCIAL_PLATFORMS: {
    facebook: 'Facebook',
    instagram: 'Instagram',
    linkedin: 'LinkedIn',
    youtube: 'YouTube',
    x: 'X (Twitter)',
    tiktok: 'TikTok',
    mastodon: 'Mastodon',
    bluesky: 'Bluesky',
    other: 'Social media page',
  },

  /** "Monday–Friday" from the opening-hours component's day codes (other text passes through). */
  dayRange: (from: string, to?: string | null): string => {
    const name = (day: string) => WEEKDAY_NAMES[day] ?? day;
    return to && to !== from ? `${name(from)}–${name(to)}` : name(from);
  },

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

  REMOTE_FILTERS: {
    possible: { label: 'Remote possible', segment: REMOTE_FILTERS.possible.segment },
    full: { label: 'Fully remote', segment: REMOTE_FILTERS.full.segment },
  },

  COMMITMENT_FILTERS: {
    one_off: { label: 'One-off', segment: COMMITMENT_FILTERS.one_off.segment },
    regular: { label: 'Regular', segment: COMMITMENT_FILTERS.regular.segment },
  },

  AGE_FILTERS: {
    '13-15': { label: 'I’m 13–15', segment: AGE_FILTERS['13-15'].segment, oldestMinimum: AGE_FILTERS['13-15'].oldestMinimum },
    '16-17': { label: 'I’m 16–17', segment: AGE_FILTERS['16-17'].segment, oldestMinimum: AGE_FILTERS['16-17'].oldestMinimum },
  },

  NO_POLISH_FILTER: { label: 'No Polish needed', segment: NO_POLISH_FILTER.segment },

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
