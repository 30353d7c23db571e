/** Handler of global search; the request arrives validated by dispatch. */
import type { searchOps } from '../../../shared/api/search';
import { requireLedger } from '../../app/context';
import { searchGlobal } from '../../search/global';
import type { Handler } from '../dispatch';

export const searchHandlers: { [K in keyof typeof searchOps]: Handler<K> } = {
  async 'search-global'(ctx, req) {
    return searchGlobal(requireLedger(ctx).db, req.q);
  },
};
