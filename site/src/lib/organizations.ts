import { DEFAULT_LANGUAGE, labelsFor, localizedPath, type Language } from './i18n';
import { paths } from './urls';
import { areaName } from './volunteering';

/**
 * The organisations' directory and its filters (area, district) in every language, worked out
 * without Astro so tests run it without a build. Profiles are the organisations' own words, in
 * Polish: a translated directory lists them with its own labels and links to the Polish profiles.
 */

export interface DirectoryArea {
  slug: string;
  name?: string | null;
  nameUk?: string | null;
  nameEn?: string | null;
}

export interface DirectoryOrganization {
  slug: string;
  name: string;
  district?: string | null;
  areas?: { slug: string }[] | null;
}

/** A label in the page's language, or in Polish (`language` says so) where nobody translated it. */
export interface DirectoryLabel {
  label: string;
  language?: Language;
}

export interface DirectoryOption extends DirectoryLabel {
  href: string;
  current: boolean;
}

export interface DirectoryPage<O> {
  /** The unprefixed path, e.g. /organizacje/obszar/kultura/. */
  path: string;
  area: (DirectoryLabel & { slug: string }) | null;
  district: (DirectoryLabel & { code: string }) | null;
  shown: O[];
  areaOptions: (DirectoryOption & { slug: string })[];
  districtOptions: (DirectoryOption & { code: string })[];
  /** Whether the page exists in Ukrainian and English too (they build only what lists someone). */
  translated: boolean;
}

const inArea = (org: DirectoryOrganization, slug: string) => (org.areas ?? []).some((area) => area.slug === slug);
const inDistrict = (org: DirectoryOrganization, code: string) => org.district === code;

/**
 * The directory's pages in `language`. Polish builds every combination, even an empty one, as it
 * always has (its addresses stay); Ukrainian and English build the unfiltered page and only the
 * combinations that list an organisation, and offer only filters that lead to one — so a link is
 * never broken and an empty page is never built three times.
 */
export function directoryPages<O extends DirectoryOrganization>(organizations: readonly O[], areas: readonly DirectoryArea[], districtCodes: readonly string[], language: Language): DirectoryPage<O>[] {
  const { DISTRICTS } = labelsFor(language);
  const collator = new Intl.Collator(language, { sensitivity: 'base', numeric: true });
  const sorted = [...organizations].sort((a, b) => collator.compare(a.name, b.name));
  const areaLabel = (area: DirectoryArea): DirectoryLabel & { slug: string } => {
    const shown = areaName(area, language);
    return { slug: area.slug, label: shown.name, ...(shown.language !== language ? { language: shown.language } : {}) };
  };
  const districtLabel = (code: string): DirectoryLabel & { code: string } => {
    const district = DISTRICTS[code];
    if (!district) throw new Error(`Unknown district code "${code}"; add it to DISTRICTS in site/src/lib/labels.ts.`);
    return { code, label: district.label };
  };
  const areaLabels = areas.map(areaLabel).sort((a, b) => collator.compare(a.label, b.label));
  const listed = (area: string | null, district: string | null) => sorted.filter((org) => (!area || inArea(org, area)) && (!district || inDistrict(org, district)));
  const polish = language === DEFAULT_LANGUAGE;
  const href = (area: string | null, district: string | null) => localizedPath(paths.organizationFilter(area, district), language);

  const combinations: [string | null, string | null][] = [null, ...areas.map((area) => area.slug)].flatMap((area) => [null, ...districtCodes].map((district): [string | null, string | null] => [area, district]));
  return combinations
    .filter(([area, district]) => polish || (area === null && district === null) || listed(area, district).length > 0)
    .map(([area, district]) => {
      const shown = listed(area, district);
      // Polish offers every area and district someone works in (all its pages exist); the other
      // languages only those that list someone together with the other filter.
      const areaInUse = (slug: string) => slug === area || (polish ? sorted.some((org) => inArea(org, slug)) : listed(slug, district).length > 0);
      const districtInUse = (code: string) => code === district || (polish ? sorted.some((org) => inDistrict(org, code)) : listed(area, code).length > 0);
      return {
        path: paths.organizationFilter(area, district),
        area: area ? areaLabels.find((a) => a.slug === area)! : null,
        district: district ? districtLabel(district) : null,
        shown,
        areaOptions: areaLabels.filter((a) => areaInUse(a.slug)).map((a) => ({ ...a, href: href(a.slug, district), current: a.slug === area })),
        districtOptions: districtCodes.filter(districtInUse).map((code) => ({ ...districtLabel(code), href: href(area, code), current: code === district })),
        translated: (area === null && district === null) || shown.length > 0,
      };
    });
}
