/** An HTTP response as data: what a server writes, whatever its framework. */
export interface HttpResponse<B> {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: B;
}

/** The `Content-Type` of every response body. */
export const JSON_TYPE = { "content-type": "application/json; charset=utf-8" } as const;
