import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { DEFAULT_BOOKING_WINDOW } from '../../cms/src/shared/room-request-results';

type Entry = Record<string, unknown>;

/** Publication timestamps every entry needs. */
export const stamp = { publishedAt: '2026-11-01T10:00:00.000Z', updatedAt: '2026-11-02T10:00:00.000Z', createdAt: '2026-11-01T09:00:00.000Z' };

/** The global settings with only what is required. */
export const minimalGlobal = {
  siteName: 'Centrum Obywatelskie',
  address: { street: 'ul. Reymonta 20' },
  openingHours: [],
  email: 'kontakt@co.example.pl',
  contacts: [],
  socialLinks: [],
  accessibilityStatement: { publishedOn: '2025-03-01', contactPerson: 'Jan Kowalski', contactEmail: 'dostepnosc@co.example.pl' },
  // The CMS always has these (it records a built-in text at start when the settings have none); the
  // offer pages' form, /wolontariat/gotowosc/ and /dla-organizacji/dolacz/ need them.
  volunteerConsentText: 'Zgadzam się na przekazanie mojego zgłoszenia organizacji.',
  volunteerConsentVersion: 'wolontariat-2026-12',
  volunteerInterestConsentText: 'Zgadzam się na wysyłanie mi nowych ofert wolontariatu.',
  volunteerInterestConsentVersion: 'gotowosc-2026-12',
  orgJoinConsentText: 'Zgadzam się na przetwarzanie danych z prośby o dołączenie organizacji do katalogu.',
  orgJoinConsentVersion: 'dolaczenie-2026-12',
};

export interface StandInCmsContent {
  /** The global single type. */
  global: Entry;
  /** Collections by REST name; read at each request, so a test may change them between builds. */
  collections: Record<string, Entry[]>;
  /** Files served as they are, by path (e.g. an upload a text links to). */
  files?: Record<string, { type: string; body: Buffer }>;
  /** The booking window the busy route publishes: the CMS's default unless given; null sends none. */
  bookingWindow?: { minDays: number; maxMonths: number } | null;
}

export interface StandInCms {
  url: string;
  close: () => Promise<void>;
}

/**
 * A stand-in for Strapi's REST API on 127.0.0.1 and a free port, for builds with content the real
 * CMS would refuse or cannot be made to serve (an emptied collection answered with 200). It pages
 * like Strapi (pagination[page], pagination[pageSize], meta.pagination) and answers an unknown
 * collection with 404.
 */
export async function startStandInCms(content: StandInCmsContent): Promise<StandInCms> {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const file = content.files?.[url.pathname];
    if (file) {
      res.setHeader('Content-Type', file.type);
      return res.end(file.body);
    }
    const name = url.pathname.replace(/^\/api\//, '');
    res.setHeader('Content-Type', 'application/json');
    if (name === 'global') return res.end(JSON.stringify({ data: content.global }));
    // The approved room requests' times come from a custom route, with the CMS's booking window; no stand-in build has any.
    if (name === 'room-requests/busy') {
      const bookingWindow = content.bookingWindow === undefined ? DEFAULT_BOOKING_WINDOW : content.bookingWindow;
      return res.end(JSON.stringify({ data: content.collections[name] ?? [], meta: bookingWindow ? { bookingWindow } : {} }));
    }
    // Offers' recruitment: every offer open unless the content says otherwise; no answer times.
    if (name === 'volunteer-applications/recruitment') {
      return res.end(JSON.stringify({ data: content.collections[name] ?? [], meta: { answerTimes: {} } }));
    }
    const all = content.collections[name];
    if (!all) {
      res.statusCode = 404;
      return res.end(JSON.stringify({ error: { message: `no ${name}` } }));
    }
    const page = Number(url.searchParams.get('pagination[page]') ?? 1);
    const pageSize = Number(url.searchParams.get('pagination[pageSize]') ?? 25);
    res.end(JSON.stringify({ data: all.slice((page - 1) * pageSize, page * pageSize), meta: { pagination: { page, pageSize, pageCount: Math.ceil(all.length / pageSize), total: all.length } } }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
