import { mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SEED_DIR } from '../../scripts/lib/paths.ts';
import { readSeed } from '../../cms/scripts/seed/read';
import { isValidKrs, isValidNip, isValidRegon } from '../../cms/src/validation/polish-registers';

// cms/seed/org-submissions.json: what editors find in „Zgłoszenia” after `npm run seed`, checked
// before anything is written (cms/scripts/seed/read.ts) — here without a CMS.

const seed = readSeed(SEED_DIR);
const { joinRequests, proposals } = seed.orgSubmissions;
const orgOf = (slug: string) => seed.organizations.find((org) => org.slug === slug)!;

describe('the seed’s submissions of the organisations’ panel', () => {
  it('has a pending join request from an organisation not in the directory, with valid registry numbers and example.pl addresses', () => {
    const pending = joinRequests.filter((request) => request.state === 'pending');
    expect(pending.length).toBeGreaterThanOrEqual(1);
    for (const request of pending) {
      expect(seed.organizations.map((org) => org.name)).not.toContain(request.name);
      if (request.krs) expect(isValidKrs(request.krs)).toBe(true);
      if (request.nip) expect(isValidNip(request.nip)).toBe(true);
      if (request.regon) expect(isValidRegon(request.regon)).toBe(true);
      for (const address of [request.email, request.contactEmail]) expect(address).toMatch(/\.example\.pl$/);
    }
  });

  it('has a pending new event and a pending new offer from two organisations, each sent by one of its panel persons', () => {
    const event = proposals.find((p) => p.kind === 'event' && p.state === 'pending');
    const offer = proposals.find((p) => p.kind === 'volunteer_offer' && p.state === 'pending');
    expect(event).toBeDefined();
    expect(offer).toBeDefined();
    expect(event!.organization).not.toBe(offer!.organization);
    for (const proposal of [event!, offer!]) {
      expect(orgOf(proposal.organization).panelPersons.map((person) => person.email)).toContain(proposal.submittedBy);
    }
  });

  it('has a pending profile change of one of those organisations that differs from its published profile', () => {
    const profile = proposals.find((p) => p.kind === 'profile' && p.state === 'pending');
    expect(profile?.kind).toBe('profile');
    if (profile?.kind !== 'profile') return;
    const org = orgOf(profile.organization);
    const proposing = new Set(proposals.filter((p) => p.kind !== 'profile' && p.state === 'pending').map((p) => p.organization));
    expect(proposing).toContain(profile.organization);
    expect(profile.profile.shortDescription).toBeDefined();
    expect(profile.profile.shortDescription).not.toBe(org.shortDescription);
    expect(profile.profile.areas?.filter((area) => !org.areas.includes(area)).length).toBeGreaterThan(0);
  });

  it('has a rejected proposal with the editors’ reason, text, time and name', () => {
    const rejected = proposals.filter((p) => p.state === 'rejected');
    expect(rejected.length).toBeGreaterThanOrEqual(1);
    for (const item of rejected) {
      expect(['advertisement', 'not_enough_information']).toContain(item.reason);
      expect(item.reasonText?.length).toBeGreaterThan(20);
      expect(item.decided).toBeDefined();
      expect(item.decidedBy).toBe('Redakcja Centrum');
    }
  });
});

describe('reading org-submissions.json', () => {
  const dirs: string[] = [];
  afterAll(() => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  /** The seed folder with org-submissions.json changed by `edit`. */
  function seedWith(edit: (file: { joinRequests: Record<string, unknown>[]; proposals: Record<string, unknown>[] }) => void): string {
    const dir = mkdtempSync(path.join(tmpdir(), 'seed-'));
    dirs.push(dir);
    for (const name of readdirSync(SEED_DIR)) if (name !== 'org-submissions.json') symlinkSync(path.join(SEED_DIR, name), path.join(dir, name));
    const file = JSON.parse(readFileSync(path.join(SEED_DIR, 'org-submissions.json'), 'utf8')) as Parameters<typeof edit>[0];
    edit(file);
    writeFileSync(path.join(dir, 'org-submissions.json'), JSON.stringify(file));
    return dir;
  }
  const byKind = (file: { proposals: Record<string, unknown>[] }, kind: string, state = 'pending') => file.proposals.find((p) => p.kind === kind && p.state === state)!;

  it('refuses a proposal sent by someone who cannot sign in to the organisation’s panel', () => {
    const dir = seedWith((file) => (byKind(file, 'event').submittedBy = 'ktos@obcy.example.pl'));
    expect(() => readSeed(dir)).toThrow(/cannot sign in to the panel/);
  });

  it('refuses a field the panel’s forms do not have, such as a room', () => {
    const dir = seedWith((file) => ((byKind(file, 'event').event as Record<string, unknown>).room = 'sala-konferencyjna'));
    expect(() => readSeed(dir)).toThrow(/org-submissions\.json is invalid/);
  });

  it('refuses a profile change that changes nothing, and a rejection without its reason', () => {
    const same = seedWith((file) => {
      const change = byKind(file, 'profile');
      const org = orgOf(String(change.organization));
      change.profile = { shortDescription: org.shortDescription, areas: org.areas };
    });
    expect(() => readSeed(same)).toThrow(/equals the published profile/);
    const unexplained = seedWith((file) => delete byKind(file, 'event', 'rejected').reason);
    expect(() => readSeed(unexplained)).toThrow(/rejected submission needs reason/);
  });

  it('refuses a join request of an organisation in the directory, or with a broken NIP', () => {
    const known = seedWith((file) => (file.joinRequests[0]!.nip = orgOf('fundacja-zielony-krakow').nip));
    expect(() => readSeed(known)).toThrow(/is in the directory already/);
    const broken = seedWith((file) => (file.joinRequests[0]!.nip = '6772419060'));
    expect(() => readSeed(broken)).toThrow(/NIP/);
  });

  it('refuses an event slug that events.json uses already', () => {
    const dir = seedWith((file) => ((byKind(file, 'event').event as Record<string, unknown>).slug = seed.events[0]!.slug));
    expect(() => readSeed(dir)).toThrow(/duplicate slug/);
  });
});
