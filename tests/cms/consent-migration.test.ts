import { afterAll, describe, expect, it } from 'vitest';
import { runCmsScript } from '../../scripts/lib/cms.ts';
import { createDatabase } from '../../scripts/lib/temp-database.ts';
import { tempResources } from '../support/temp-resources.ts';
import { cms } from './client.ts';
import { sql } from './database.ts';

// A database from before the consent history, on its own throwaway database: the first start of the
// new CMS records the settings' texts as their forms' first versions, and later starts add nothing.

const { dir, add, cleanup } = tempResources('co-consent-migration-');
afterAll(cleanup);


/** Boots the CMS once against the database (its bootstrap runs) through a script that does nothing else of note. */
const bootOnce = (env: Record<string, string>) => runCmsScript('registrations-tick', ['--now', new Date().toISOString()], { env, capture: true });

describe('a database from before the consent history', () => {
  it('gets its consent texts as first versions at the next start, once', async () => {
    const database = await createDatabase(dir);
    add(database.drop);
    const env = { ...cms().env, ...database.env };
    // The first start makes the tables; with no settings yet there is nothing to record.
    await bootOnce(env);
    expect(await sql(env, 'select * from consent_versions')).toEqual([]);

    // The settings as an older CMS left them: the sign-ups' text with the version an editor typed, no room text.
    const made = new Date('2026-09-01T08:00:00Z');
    const at = (date: Date) => (env.DATABASE_CLIENT === 'postgres' ? date : date.getTime());
    // (In Polish: the settings became translated later, and their rows were labelled Polish then, see languages/setup.ts.)
    await sql(env, 'insert into globals (document_id, site_name, email, registration_consent_text, registration_consent_version, created_at, updated_at, published_at, locale) values (?, ?, ?, ?, ?, ?, ?, ?, ?)', [
      'ustawieniasprzedhistorii01', 'Centrum Obywatelskie', 'kontakt@co.example.pl', 'Zgadzam się na przetwarzanie danych w celu zapisu.', '2026-12', at(made), at(new Date()), at(new Date()), 'pl',
    ]);

    await bootOnce(env);
    const versions = await sql(env, 'select form, version, text, valid_to from consent_versions order by form');
    expect(versions).toEqual([
      // The join form came after such databases were made too.
      { form: 'org-join', version: 'dolaczenie-2026-12', text: expect.stringContaining('dołączenia organizacji do katalogu'), valid_to: null },
      { form: 'registration', version: '2026-12', text: 'Zgadzam się na przetwarzanie danych w celu zapisu.', valid_to: null },
      { form: 'room-request', version: 'sale-2026-12', text: expect.stringContaining('w celu jego rozpatrzenia i udostępnienia sali'), valid_to: null },
      // The volunteering forms came after such databases were made: they get their built-in texts.
      { form: 'volunteer-application', version: 'wolontariat-2026-12', text: expect.stringContaining('organizacji, która prowadzi ofertę'), valid_to: null },
      { form: 'volunteer-interest', version: 'gotowosc-2026-12', text: expect.stringContaining('raz w tygodniu nowych ofert'), valid_to: null },
    ]);
    const [settings] = await sql(env, 'select room_request_consent_text, room_request_consent_version from globals');
    expect(settings).toEqual({ room_request_consent_text: versions[2]!.text, room_request_consent_version: 'sale-2026-12' });
    // Dated from when the settings were made: sign-ups recorded under "2026-12" before today are covered.
    const [first] = await sql(env, "select valid_from from consent_versions where form = 'registration'");
    expect(new Date(first!.valid_from as string | number | Date).getTime()).toBe(made.getTime());

    await bootOnce(env);
    expect(await sql(env, 'select version from consent_versions order by version')).toEqual([{ version: '2026-12' }, { version: 'dolaczenie-2026-12' }, { version: 'gotowosc-2026-12' }, { version: 'sale-2026-12' }, { version: 'wolontariat-2026-12' }]);
  }, 180_000);
});
