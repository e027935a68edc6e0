import { describe, expect, it } from 'vitest';
import { STRAPI_URL } from '../../../site/src/lib/env';
import { attachmentPath, cmsImageSource, describeFile, linkedUpload } from '../../../site/src/lib/media';

describe('attachments', () => {
  it('get readable, collision-free paths on the site', () => {
    const a = attachmentPath({ url: '/uploads/wzor_regulaminu_3f2a.docx', name: 'Wzór regulaminu – stowarzyszenie.docx', ext: '.docx' });
    const b = attachmentPath({ url: '/uploads/wzor_regulaminu_9c1d.docx', name: 'Wzór regulaminu – stowarzyszenie.docx', ext: '.docx' });
    expect(a).toMatch(/^\/pliki\/[0-9a-f]{8}\/wzor-regulaminu-stowarzyszenie\.docx$/);
    expect(a).not.toBe(b);
    expect(attachmentPath({ url: '/uploads/x.pdf', name: 'Lista kontrolna', ext: '.PDF' })).toMatch(/\/lista-kontrolna\.pdf$/);
  });

  it('are described by type and size in Polish', () => {
    expect(describeFile({ ext: '.pdf', size: 36.05 })).toBe('PDF, 36 KB');
    expect(describeFile({ ext: '.xlsx', size: 1536 })).toBe('Excel, 1,5 MB');
    expect(describeFile({ ext: '.odt', size: 0.2 })).toBe('OpenDocument tekst, 1 KB');
  });
});

describe('links into the CMS upload folder', () => {
  it('are recognised with a relative or CMS-host URL, and nothing else is', () => {
    expect(linkedUpload('/uploads/wz%C3%B3r_1a2b.pdf?x=1')).toMatchObject({ url: '/uploads/wz%C3%B3r_1a2b.pdf', name: 'wzór_1a2b.pdf', ext: '.pdf' });
    expect(linkedUpload(`${STRAPI_URL}/uploads/plan.odt`)).toMatchObject({ url: '/uploads/plan.odt', ext: '.odt' });
    expect(linkedUpload('https://example.org/uploads/plan.odt')).toBeNull();
    expect(linkedUpload('/baza-wiedzy/')).toBeNull();
  });
});

describe('where the build fetches an image from', () => {
  it('makes an image replaced in the CMS a new source, so no cached copy is reused', () => {
    const before = cmsImageSource({ url: '/uploads/logo_ab12.png', updatedAt: '2026-11-01T10:00:00.000Z' });
    const after = cmsImageSource({ url: '/uploads/logo_ab12.png', updatedAt: '2026-11-24T08:30:00.000Z' });
    expect(before).toBe(`${STRAPI_URL}/uploads/logo_ab12.png?v=2026-11-01T10%3A00%3A00.000Z`);
    expect(after).not.toBe(before);
  });

  it('leaves a file without a change date and an address with a query usable', () => {
    expect(cmsImageSource({ url: '/uploads/a.jpg' })).toBe(`${STRAPI_URL}/uploads/a.jpg`);
    expect(cmsImageSource({ url: 'https://cdn.example.org/a.jpg?w=1', updatedAt: 'x' })).toBe('https://cdn.example.org/a.jpg?w=1&v=x');
  });
});
