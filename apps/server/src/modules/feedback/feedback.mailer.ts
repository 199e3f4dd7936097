import { newId } from '../../db/ids.ts';
import type { Tx } from '../../db/transaction.ts';
import type { StoredEvent } from '../events/index.ts';
import { outboxRepository } from '../notifications/index.ts';
import { mailRepository } from './mail.repository.ts';
import type { Contact, Keyring } from './personal-data.ts';
import { submitterMail, type SubmitterMailKind } from './submitter-mail.ts';

const MAILED: Record<string, SubmitterMailKind | undefined> = {
  answered: 'answered',
  info_requested: 'info_requested',
};

/**
 * The submitter's e-mails raised by `feedback.changed` events (dispatcher subscriber, ADR 0008): the answer,
 * a request for information, a rejection, closing. The address is opened from the sealed contact only here,
 * in the dispatcher's transaction; followers (merged duplicates) get the same e-mail. Each e-mail has the
 * unique key `<event>:<item>`, so a re-handled event sends nothing twice.
 */
export function feedbackMailer(keyring: Keyring) {
  return async (tx: Tx, events: StoredEvent[], now: Date) => {
    for (const stored of events) {
      const e = stored.event;
      if (e.type !== 'feedback.changed') continue;
      const kind =
        MAILED[e.change] ??
        (e.change === 'status' && (e.status === 'rejected' || e.status === 'closed')
          ? e.status === 'rejected'
            ? 'rejected'
            : 'status'
          : undefined);
      if (!kind) continue;
      const recipients = await mailRepository.recipients(tx, e.itemId);
      const rows = [];
      for (const r of recipients) {
        if (!r.contact_enc || !r.contact_key_id || !r.has_email || !keyring.has(r.contact_key_id)) continue;
        const contact = keyring.open<Contact>(r.contact_enc, r.contact_key_id, r.id);
        if (!contact.email) continue;
        const mail = submitterMail(r.lang, kind, {
          trackingCode: r.tracking_code,
          title: r.title,
          status: e.status,
        });
        rows.push({
          id: newId(),
          dedupe_key: `${stored.id}:${r.id}`,
          event_id: stored.id,
          to_address: contact.email,
          subject: mail.subject,
          body: mail.body,
          created_at: now,
          next_attempt_at: now,
        });
      }
      if (rows.length) await outboxRepository.enqueue(tx, rows);
    }
  };
}
