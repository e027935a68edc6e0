// One implementation for the site's feeds and the CMS's sign-up mails (which attach an .ics).
export * from '../../../cms/src/shared/calendar';
