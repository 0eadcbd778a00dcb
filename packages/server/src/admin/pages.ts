/** One page of a list and how to get the next one. */
export interface Page<T> {
  readonly items: readonly T[];
  /** Pass back as `nextToken` for the next page; absent on the last page. */
  readonly nextToken: string | undefined;
}

/** Paging options every list takes. */
export interface PageOptions {
  /** Page size (Cognito caps it at 60). */
  limit?: number;
  /** The `nextToken` of the previous page. */
  nextToken?: string;
}

/**
 * Every item of every page, fetched page by page as the loop asks for them. Only the token's
 * presence means "more": a page may be shorter than the limit while more results exist.
 */
export async function* allPages<T>(
  page: (nextToken: string | undefined) => Promise<Page<T>>,
): AsyncGenerator<T, void, undefined> {
  let token: string | undefined;
  do {
    const current = await page(token);
    yield* current.items;
    token = current.nextToken;
  } while (token !== undefined);
}
