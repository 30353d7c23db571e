import { useCallback, useState } from 'react';
import type { OpName, RequestOf, ResponseOf } from '../../../shared/contract';
import type { ApiErrorBody } from '../../../shared/errors';
import { invoke } from '../api';

/** A form's submit: busy while it runs, the typed API error (with its field) when it fails. */
export function useSubmit<K extends OpName>(op: K) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiErrorBody | null>(null);
  const submit = useCallback(
    async (request: RequestOf<K>): Promise<ResponseOf<K> | null> => {
      setBusy(true);
      setError(null);
      try {
        const result = await invoke(op, request);
        if (result.ok) return result.value;
        setError(result.error);
        return null;
      } finally {
        setBusy(false);
      }
    },
    [op],
  );
  return { busy, error, setError, submit };
}
