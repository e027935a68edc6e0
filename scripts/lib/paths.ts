import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const CMS_DIR = path.join(ROOT_DIR, 'cms');
export const CMS_ENV_FILE = path.join(CMS_DIR, '.env');
export const SEED_DIR = path.join(CMS_DIR, 'seed');
export const SITE_DIR = path.join(ROOT_DIR, 'site');
