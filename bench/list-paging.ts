// Issue 29's list paging: the list's first page at 25 rows (what a page of
// the list cost before cursors, an offset of 0 being its cheapest) beside
// walking pages 2..N by their Next links' cursors, in the same run: as a
// browser pages (Next is a client navigation: Next.js asks for the page's
// segment alone, in its RSC format, the layout staying on screen), and as
// whole documents (a reload or a shared link to page N).
import { createHash } from "node:crypto";
import { getText } from "./http";
import type { Load, Meter } from "./load";
import type { Verdict } from "./report";

export const PAGE_SIZE = 25;
export const FIRST_PAGE = `/applications?size=${PAGE_SIZE}`;
/** The target: paging at least this many times the list page's req/s. */
export const TIMES_LIST_PAGE = 1.5;

export type ListPaging = { firstPage: Load; firstPageNavigation: Load; paging: Load; pagingDocuments: Load; pages: number; rowsPerPage: number[] };

/**
 * The headers Chromium sends when Next is clicked on the list (captured from
 * Next 16's router): only the page segment is to be rendered again. The
 * router refuses (307) a request whose _rsc does not hash these headers.
 */
const ROUTER_STATE_TREE = encodeURIComponent(
  JSON.stringify(["", { children: ["(app)", { children: ["applications", { children: ["__PAGE__", {}, null, "refetch", 0] }, null, null, 0] }, null, null, 0] }, null, null, 16]),
);
const NEXT_URL = "/applications";
const ROUTER_HEADERS = { rsc: "1", "next-router-state-tree": ROUTER_STATE_TREE, "next-url": NEXT_URL };
const CACHE_BUST = createHash("sha256").update(["0", "0", ROUTER_STATE_TREE, NEXT_URL].join(",")).digest().subarray(0, 12).toString("base64url");
const asNavigation = (path: string) => `${path}&_rsc=${CACHE_BUST}`;

/** One page fetched as the router fetches it; a refusal or a document instead says the capture above is out of date. */
async function checkNavigation(baseUrl: string, cookie: string, path: string): Promise<void> {
  const res = await fetch(`${baseUrl}${asNavigation(path)}`, { headers: { cookie, ...ROUTER_HEADERS }, redirect: "manual" });
  const type = res.headers.get("content-type") ?? "";
  const body = await res.text();
  if (res.status !== 200 || !type.startsWith("text/x-component") || !body.includes("application-row")) {
    throw new Error(`a Next click's request for ${path} answered ${res.status} ${type}: update ROUTER_STATE_TREE in bench/list-paging.ts from a real click`);
  }
}

const nextHref = (html: string): string | null => {
  const link = /<a\b[^>]*\brel="next"[^>]*>/.exec(html)?.[0];
  const href = link && /\bhref="([^"]+)"/.exec(link)?.[1];
  return href ? href.replaceAll("&amp;", "&") : null;
};
const rowCount = (html: string) => html.match(/data-testid="application-row"/g)?.length ?? 0;

/** Pages 2..N, found as a reader finds them: each from the Next link of the page before. */
export async function cursorPaths(baseUrl: string, cookie: string): Promise<{ paths: string[]; rowsPerPage: number[] }> {
  const paths: string[] = [];
  const rowsPerPage: number[] = [];
  let page = await getText(`${baseUrl}${FIRST_PAGE}`, cookie);
  rowsPerPage.push(rowCount(page.body));
  for (let next = nextHref(page.body); next; next = nextHref(page.body)) {
    paths.push(next);
    page = await getText(`${baseUrl}${next}`, cookie);
    if (page.status !== 200) throw new Error(`${next} answered ${page.status}`);
    rowsPerPage.push(rowCount(page.body));
    if (paths.length > 10_000) throw new Error("the list's Next links do not end");
  }
  return { paths, rowsPerPage };
}

export async function measureListPaging(meter: Meter, baseUrl: string, cookie: string, load: { connections: number; seconds: number; warmUpSeconds: number }): Promise<ListPaging> {
  const { paths, rowsPerPage } = await cursorPaths(baseUrl, cookie);
  if (paths.length === 0) throw new Error("the list has one page: nothing to walk");
  await checkNavigation(baseUrl, cookie, paths[0]);
  const firstPage = await meter.measure(FIRST_PAGE, cookie, load);
  const navigation = { headers: { cookie, ...ROUTER_HEADERS } };
  // Like for like with the click: what the same request for the first page costs (an offset of 0, the old paging's best case).
  const firstPageNavigation = await meter.measure(asNavigation(FIRST_PAGE), navigation, load);
  const paging = await meter.measure(paths.map(asNavigation), navigation, load);
  const pagingDocuments = await meter.measure(paths, cookie, load);
  return { firstPage, firstPageNavigation, paging, pagingDocuments, pages: paths.length + 1, rowsPerPage };
}

export function listPagingVerdict(p: ListPaging): Verdict {
  const times = p.paging.requestsPerSecond / p.firstPage.requestsPerSecond;
  const broken = [p.firstPage, p.firstPageNavigation, p.paging, p.pagingDocuments].some((l) => l.requests === 0 || l.non2xx > 0);
  return {
    target: `list paging by Next ≥ ${TIMES_LIST_PAGE}× the list page's req/s (${PAGE_SIZE} a page)`,
    measured: `${p.paging.requestsPerSecond.toFixed(1)} against ${p.firstPage.requestsPerSecond.toFixed(1)} req/s, ${times.toFixed(2)}×`,
    met: !broken && times >= TIMES_LIST_PAGE,
    by: broken ? "a page did not answer 2xx" : `${(times / TIMES_LIST_PAGE).toFixed(2)}× the target`,
  };
}

export function listPagingMarkdown(p: ListPaging, account: string): string {
  const full = p.rowsPerPage.filter((n) => n === PAGE_SIZE).length;
  const row = (what: string, l: Load) => `| ${what} | \`${l.path}\` | ${l.requestsPerSecond.toFixed(1)} | ${l.p50Ms} | ${l.p99Ms} | ${l.requests.toLocaleString("en-US")} | ${l.non2xx} |`;
  return [
    `### List paging, ${account}: ${p.pages} pages of ${PAGE_SIZE} (${full} full), 10 connections`,
    "",
    "| request | path | req/s | p50 ms | p99 ms | requests | non-2xx |",
    "| --- | --- | ---: | ---: | ---: | ---: | ---: |",
    row("the list page (first page, a document)", p.firstPage),
    row("the first page, as a Next click asks (page segment, RSC)", p.firstPageNavigation),
    row(`pages 2–${p.pages} by cursor, as a Next click asks (page segment, RSC)`, p.paging),
    row(`pages 2–${p.pages} by cursor, as documents (reload, shared link)`, p.pagingDocuments),
    "",
    `Paging ÷ list page: ${(p.paging.requestsPerSecond / p.firstPage.requestsPerSecond).toFixed(2)}× by Next click (target ≥ ${TIMES_LIST_PAGE}×), ${(p.pagingDocuments.requestsPerSecond / p.firstPage.requestsPerSecond).toFixed(2)}× as documents; ` +
      `by Next click against the first page asked the same way: ${(p.paging.requestsPerSecond / p.firstPageNavigation.requestsPerSecond).toFixed(2)}×`,
  ].join("\n");
}
