import crypto from 'node:crypto';

/** A keyed hash (HMAC-SHA-256, base64url): the only form in which a BSN is ever stored. */
export type Pseudonymizer = (text: string) => string;

export function createPseudonymizer(key: string): Pseudonymizer {
  return (text) => crypto.createHmac('sha256', key).update(text).digest('base64url');
}
