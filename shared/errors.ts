/** An error as it crosses the API boundary: never a stack trace. */
export interface ApiErrorBody {
  key: string;
  params: Record<string, string | number>;
  field?: string;
}

export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiErrorBody };
