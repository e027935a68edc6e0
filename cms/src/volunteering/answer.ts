/**
 * The organisation's answer to an application — accept, or decline with a stock reason — wherever
 * it is given: from the mailed answer link, or from the organisations' panel (which derives the
 * same link token from the application it shows). One path, so both send the same mail and move
 * the application only from "submitted".
 */
import type { Core } from '@strapi/strapi';
import { ANSWERABLE, type Answer } from './rules';
import { loadOffer, moveByToken, OFFER } from './service';
import { mailApplicant, tellAfterChange } from './mail';

export type AnswerOutcome = 'unknown_link' | 'already_answered' | 'accepted' | 'declined';

/** The offer's page on the site may change (recruitment state, answer time): tell the rebuild service, with ids only. */
export const offerChanged = (strapi: Core.Strapi, offerDocumentId: string): Promise<void> =>
  strapi.eventHub.emit('entry.update', { model: 'volunteer-offer', uid: OFFER, entry: { documentId: offerDocumentId, publishedAt: new Date().toISOString() } });

export async function answerApplication(strapi: Core.Strapi, token: string, decision: Answer): Promise<AnswerOutcome> {
  const data = decision.decision === 'accept' ? { answeredAt: new Date(), answerNote: decision.note } : { answeredAt: new Date(), answerNote: decision.note, declineReason: decision.reason };
  const result = await moveByToken(strapi, token, 'organization', ANSWERABLE, decision.decision === 'accept' ? 'accepted' : 'declined', data);
  if (result.kind === 'unknown') return 'unknown_link';
  if (result.kind === 'refused') return 'already_answered';
  const { application } = result;
  const offer = await loadOffer(strapi, application.offerDocumentId);
  if (offer) await tellAfterChange(strapi, application.state, application, () => mailApplicant(strapi, application.state === 'accepted' ? 'accepted' : 'declined', application, offer));
  await offerChanged(strapi, application.offerDocumentId);
  return application.state === 'accepted' ? 'accepted' : 'declined';
}
