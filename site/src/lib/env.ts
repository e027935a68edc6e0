/** Build-time settings, read once; see the README's configuration table. */
export const STRAPI_URL = (process.env.STRAPI_URL ?? 'http://127.0.0.1:1337').replace(/\/+$/, '');
export const STRAPI_TOKEN = process.env.STRAPI_TOKEN || undefined;
export const SITE_URL = (process.env.SITE_URL ?? 'https://co.krakow.pl').replace(/\/+$/, '');
/** One "now" for the whole build, so every page agrees on what is upcoming; SITE_NOW pins it (ISO). */
export const NOW = process.env.SITE_NOW ? new Date(process.env.SITE_NOW) : new Date();
if (Number.isNaN(NOW.getTime())) throw new Error(`SITE_NOW is not a valid date: ${process.env.SITE_NOW}`);
