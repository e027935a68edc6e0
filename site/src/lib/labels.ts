// The Polish names of the CMS's codes live with the CMS, whose organisations' panel shows them too.
export * from '../../../cms/src/shared/enum-labels';
