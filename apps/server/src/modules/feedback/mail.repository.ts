import type { Executor } from '../../db/transaction.ts';

/** The submitters to e-mail about an item: its own and those of the duplicates merged into it. */
export const mailRepository = {
  recipients(db: Executor, itemId: string) {
    return db
      .selectFrom('feedback_item')
      .select(['id', 'tracking_code', 'title', 'lang', 'contact_enc', 'contact_key_id', 'has_email'])
      .where((eb) =>
        eb.or([
          eb('id', '=', itemId),
          eb(
            'id',
            'in',
            eb.selectFrom('feedback_follower').select('follower_item_id').where('item_id', '=', itemId),
          ),
        ]),
      )
      .execute();
  },
};
