// The bench's browser steps: first-load JS, then Lighthouse, over the same pages.
import os from "node:os";
import { firstLoadJs, type PageToMeasure } from "./first-load-js";
import { lighthouseScores } from "./lighthouse";
import { FLOOR_PAGE, type ClientResult } from "./report";

export async function clientSteps(baseUrl: string, cookie: string, pages: PageToMeasure[], say: (line: string) => void): Promise<ClientResult> {
  const loadAverageStart = os.loadavg();
  say("first-load JS per page, in Chromium");
  // What Next and React alone cost: a page that renders none of our client components.
  const firstLoad = await firstLoadJs(baseUrl, cookie, [...pages, { page: FLOOR_PAGE, path: "/no-such-page", status: 404 }]);
  say("Lighthouse per page (mobile, default throttling; about 20 s a page)");
  // Chromium's debugging port sits just above the server's, inside the range the run was given.
  const lighthouse = await lighthouseScores(baseUrl, cookie, pages, Number(new URL(baseUrl).port) + 1);
  return { firstLoad, lighthouse, loadAverageStart, loadAverageEnd: os.loadavg() };
}
