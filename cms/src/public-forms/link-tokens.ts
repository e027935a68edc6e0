/**
 * The links a form's mails carry (confirm, cancel, withdraw). A link's token is derived from the
 * entry's random `linkId` and the server's secret (REGISTRATION_SECRET), so every mail about one
 * entry — confirmation, reminder, "you moved up" — can carry the same working link, while the
 * database holds only the token's SHA-256: neither a copy of the database nor the secret alone
 * makes a usable link.
 */
import { createHash, createHmac, randomBytes } from 'node:crypto';

export function linkToken(secret: string, linkId: string): string {
  if (secret.length < 16) throw new Error('REGISTRATION_SECRET is missing or shorter than 16 characters; `npm start` generates one in cms/.env.');
  return createHmac('sha256', secret).update(linkId).digest('base64url');
}
export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');
export const newLinkId = (): string => randomBytes(16).toString('hex');

/** A new entry's link id, its token for the mail and the hash to store; the seed writes entries with it as the forms do. */
export const newLink = (secret: string): { linkId: string; token: string; tokenHash: string } => {
  const linkId = newLinkId();
  const token = linkToken(secret, linkId);
  return { linkId, token, tokenHash: hashToken(token) };
};
