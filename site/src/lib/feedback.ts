/** "Czy ten poradnik był pomocny?" on the site: the CMS's table of answers and reasons (cms/src/shared). */
export { COMMENT_MAX, DETAILS_ANCHOR, FEEDBACK_REASONS, FEEDBACK_RESULT_PAGES, type FeedbackResultPage } from '../../../cms/src/shared/guide-feedback';
