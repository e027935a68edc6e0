import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { CMS_DIR } from '../../scripts/lib/paths.ts';

/*
 * Each public form lives in a feature folder of cms/src and takes what the forms share from the
 * shared folders (public-forms/, mail/, validation/, shared/). A feature that reached into a
 * sibling's folder would tie the two together, so that changing one form breaks another; these
 * tests read the imports and name every such crossing.
 */

const SRC = path.join(CMS_DIR, 'src');

/** The feature folders under cms/src; volunteering joins once its folder exists. */
const FEATURES = ['registrations', 'room-requests', 'feedback', 'volunteering', 'org-panel'];

/**
 * The feature folder each API's controllers belong to, by the API's folder name; a name ending in
 * '-' covers every API it begins (volunteering brings several). An API not named here may import
 * no feature folder.
 */
const CONTROLLER_FEATURE: [api: string, feature: string][] = [
  ['registration', 'registrations'],
  ['room-request', 'room-requests'],
  ['guide-feedback', 'feedback'],
  ['volunteer-', 'volunteering'],
  ['org-join-request', 'org-panel'],
];

const featureOfApi = (api: string): string | undefined => CONTROLLER_FEATURE.find(([name]) => (name.endsWith('-') ? api.startsWith(name) : api === name))?.[1];

/**
 * The crossings a feature declares, each with its reason. The organisations' panel answers an
 * offer's applications through volunteering's own answer path (the one the mailed link uses),
 * rather than a copy of it.
 */
const DECLARED_DEPENDENCIES: Record<string, readonly string[]> = { 'org-panel': ['volunteering'] };

/** Shared code every form uses: it must not depend on any one form. */
const SHARED_FORM_MACHINERY = ['public-forms', 'mail'];

const toPosix = (file: string): string => file.split(path.sep).join('/');

/** The .ts files under a folder of cms/src, as paths relative to cms/src. */
function tsFiles(folder: string): string[] {
  const dir = path.join(SRC, folder);
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.ts'))
    .map((name) => toPosix(path.join(folder, name)))
    .sort();
}

/** Which feature folders a file of cms/src may not import, and how to say why. */
function rulesFor(file: string): { forbidden: string[]; because: string } {
  const [top, api] = file.split('/');
  if (top === 'api') {
    const feature = featureOfApi(api ?? '');
    return feature
      ? { forbidden: FEATURES.filter((name) => name !== feature), because: `api/${api} may import only its own feature folder, ${feature}/` }
      : { forbidden: FEATURES, because: `api/${api} has no feature in CONTROLLER_FEATURE, so it may import none` };
  }
  if (top && FEATURES.includes(top)) {
    const allowed = [top, ...(DECLARED_DEPENDENCIES[top] ?? [])];
    return { forbidden: FEATURES.filter((name) => !allowed.includes(name)), because: `${top}/ may import only its own folder${allowed.length > 1 ? `, ${allowed.slice(1).join(', ')}/` : ''} and shared code` };
  }
  return { forbidden: FEATURES, because: 'shared code may import no feature folder' };
}

/**
 * The imports of `source` (in every form: import, import type, export … from, import(), require())
 * that lead into a feature folder `file` may not use, each naming the file and the import. `file`
 * is relative to cms/src.
 */
function crossingImports(file: string, source: string): string[] {
  const { forbidden, because } = rulesFor(file);
  const { importedFiles } = ts.preProcessFile(source, true, true);
  return importedFiles
    .map(({ fileName }) => fileName)
    .filter((specifier) => specifier.startsWith('.'))
    .flatMap((specifier) => {
      const folder = path.posix.normalize(path.posix.join(path.posix.dirname(file), specifier)).split('/')[0] ?? '';
      return forbidden.includes(folder) ? [`cms/src/${file} imports '${specifier}' from ${folder}/: ${because}`] : [];
    });
}

const crossingsIn = (files: string[]): string[] => files.flatMap((file) => crossingImports(file, readFileSync(path.join(SRC, file), 'utf8')));

const controllerFiles = (): string[] =>
  readdirSync(path.join(SRC, 'api'))
    .flatMap((api) => tsFiles(`api/${api}/controllers`))
    .sort();

describe('feature boundaries', () => {
  it('reads the feature folders and the controllers of the public forms', () => {
    for (const feature of ['registrations', 'room-requests', 'feedback']) expect(tsFiles(feature), feature).not.toEqual([]);
    expect(controllerFiles()).toEqual(expect.arrayContaining(['api/registration/controllers/registration.ts', 'api/room-request/controllers/room-request.ts', 'api/guide-feedback/controllers/guide-feedback.ts']));
    expect(SHARED_FORM_MACHINERY.flatMap(tsFiles)).toContain('public-forms/form-fields.ts');
  });

  it('keeps every feature folder from importing a sibling feature folder', () => {
    expect(crossingsIn(FEATURES.flatMap(tsFiles))).toEqual([]);
  });

  it('lets a controller import its own feature folder and no other', () => {
    expect(crossingsIn(controllerFiles())).toEqual([]);
  });

  it('keeps the shared form machinery free of any feature folder', () => {
    expect(crossingsIn(SHARED_FORM_MACHINERY.flatMap(tsFiles))).toEqual([]);
  });

  describe('the check itself', () => {
    it('names the file and the import when a feature reaches into a sibling', () => {
      expect(crossingImports('room-requests/mail.ts', "import { linkToken } from '../registrations/service';\n")).toEqual([
        "cms/src/room-requests/mail.ts imports '../registrations/service' from registrations/: room-requests/ may import only its own folder and shared code",
      ]);
    });

    it('finds crossings in type-only, multi-line, re-exporting, dynamic and require imports', () => {
      const source = [
        "import type { Registration } from '../registrations/service';",
        'import {',
        '  tellApplicant,',
        "} from '../room-requests/mail';",
        "export { record } from '../feedback/service';",
        "const later = () => import('../volunteering/offer-rules');",
        "const old = require('../registrations/lock');",
      ].join('\n');
      expect(crossingImports('volunteering/applications.ts', source)).toHaveLength(4);
      expect(crossingImports('public-forms/anything.ts', source)).toHaveLength(5);
    });

    it('allows a feature its own folder, the shared folders and packages', () => {
      const source = [
        "import { meetings } from './rules';",
        "import { withKeyLock } from '../public-forms/lock';",
        "import { isRecord } from '../validation/write-shapes';",
        "import { TIME_ZONE } from '../shared/recurrence';",
        "import { DateTime } from 'luxon';",
        "import { asRoomRequest } from '../room-requests/service';",
      ].join('\n');
      expect(crossingImports('room-requests/editor.ts', source)).toEqual([]);
    });

    it('holds a controller to its own feature, and an unmapped one to none', () => {
      const source = "import { parseSignUp } from '../../../registrations/input';\nimport { submit } from '../../../room-requests/service';\n";
      expect(crossingImports('api/registration/controllers/registration.ts', source)).toEqual([
        "cms/src/api/registration/controllers/registration.ts imports '../../../room-requests/service' from room-requests/: api/registration may import only its own feature folder, registrations/",
      ]);
      expect(crossingImports('api/event/controllers/event.ts', source)).toHaveLength(2);
      expect(crossingImports('api/volunteer-interest/controllers/volunteer-interest.ts', "import { x } from '../../../volunteering/mail';")).toEqual([]);
      expect(crossingImports('api/volunteer-interest/controllers/volunteer-interest.ts', source)).toHaveLength(2);
    });

    it('catches a path that climbs out and back into a sibling folder', () => {
      expect(crossingImports('feedback/service.ts', "import { x } from './../feedback/../registrations/rules';")).toHaveLength(1);
    });
  });
});
