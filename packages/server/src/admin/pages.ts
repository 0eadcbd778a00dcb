import { pageSize } from './input.js';

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
 * How one list action names its page size and token, and the smallest size it takes (service
 * model: ListUsers / AdminListDevices use `Limit` + `PaginationToken`; groups `Limit` +
 * `NextToken`; app clients and identity providers `MaxResults` + `NextToken`).
 */
export interface Paging<S extends string, T extends string> {
  readonly size: S;
  readonly token: T;
  readonly min: 0 | 1;
}

export const LIMIT_PAGINATION_TOKEN: Paging<'Limit', 'PaginationToken'> = {
  size: 'Limit',
  token: 'PaginationToken',
  min: 0,
};
export const LIMIT_NEXT_TOKEN: Paging<'Limit', 'NextToken'> = {
  size: 'Limit',
  token: 'NextToken',
  min: 0,
};
export const MAX_RESULTS_NEXT_TOKEN: Paging<'MaxResults', 'NextToken'> = {
  size: 'MaxResults',
  token: 'NextToken',
  min: 1,
};

/** The paging members of a list request (page size checked, see `pageSize`). */
export function pageRequest<S extends string, T extends string>(
  options: PageOptions,
  paging: Paging<S, T>,
): { [K in S]?: number } & { [K in T]?: string } {
  const size = pageSize(options.limit, paging.min);
  return {
    ...(size !== undefined && { [paging.size]: size }),
    ...(options.nextToken !== undefined && { [paging.token]: options.nextToken }),
  } as { [K in S]?: number } & { [K in T]?: string };
}

/** A page from a list answer: its items converted, and its token. */
export function pageOf<W, T>(
  items: readonly W[] | undefined,
  nextToken: string | undefined,
  convert: (item: W, where: string) => T,
  where: string,
): Page<T> {
  return { items: (items ?? []).map((item, i) => convert(item, `${where}[${i}]`)), nextToken };
}

/**
 * Every item of every page, fetched page by page as the loop asks for them. Only the token's
 * presence means "more": a page may be shorter than the limit while more results exist.
 */
export async function* allPages<T>(
  page: (next: { nextToken?: string }) => Promise<Page<T>>,
): AsyncGenerator<T, void, undefined> {
  let token: string | undefined;
  do {
    const current = await page(token === undefined ? {} : { nextToken: token });
    yield* current.items;
    token = current.nextToken;
  } while (token !== undefined);
}
