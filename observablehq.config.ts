// Observable Framework configuration for the fairshare notebook.
// The site must work offline: no Google Fonts (globalStylesheets: []), no search index fetches, no telemetry
// (scripts/build.ts sets OBSERVABLE_TELEMETRY_DISABLE), and every library is imported from node_modules.
import {existsSync} from "node:fs";
import {loadDatasets} from "./loaders/datasets.ts";
import {slugify, type MunicipalitySlug} from "./src/components/municipalities.ts";

/** A page or section as Framework's `pages` option expects it. */
interface PageLink {
  name: string;
  path: string;
}

const root = "src";

/** Whether a page's Markdown file exists (the monitoring page is written by someone else and may not yet). */
const exists = (path: string): boolean => existsSync(`${root}${path === "/" ? "/index" : path}.md`);

const pages: PageLink[] = [
  {name: "Overzicht", path: "/"},
  {name: "Scenario's vergelijken", path: "/vergelijken"},
  {name: "Verdeelsleutels", path: "/verdeelsleutels"},
  {name: "Onderhandelingstafel", path: "/onderhandelen"},
  {name: "Prognoses toetsen", path: "/prognoses"},
  {name: "Monitoring", path: "/monitoring"},
  {name: "Methode en bronnen", path: "/methode"}
].filter((page) => exists(page.path));

// One page per municipality in the agreement, as data/ lists them (the same folder the datasets loader reads), so a
// route can never point at a municipality the data does not know. Bad data stops the build here with its message.
const dataDir = process.env.FAIRSHARE_DATA_DIR ?? "data";
const municipalityPages: MunicipalitySlug[] = exists("/gemeente/[gemeente]")
  ? loadDatasets(dataDir)
      .municipalities.filter((m) => m.inAgreement)
      .map((m) => ({slug: slugify(m.name), name: m.name}))
      .sort((a, b) => a.name.localeCompare(b.name, "nl"))
  : [];

/**
 * A script for every page's head: the document is Dutch, the sidebar toggle gets a Dutch name, and a skip link to
 * the content goes first (Framework writes "Toggle sidebar" and has no skip link). It also formats one Dutch number
 * while the page's modules download: the browser loads its locale data on the first Dutch number (60-100 ms on a
 * busy 2-core machine), which would otherwise fall on the first chart's path.
 */
const DUTCH_CHROME = `document.documentElement.lang = "nl";
setTimeout(() => new Intl.NumberFormat("nl-NL", {maximumFractionDigits: 1}).format(9.5), 0);
document.addEventListener("DOMContentLoaded", () => {
  // The toggle, and the labels for it (the close button and the backdrop), which Framework titles too.
  for (const toggle of document.querySelectorAll("#observablehq-sidebar-toggle, label[for='observablehq-sidebar-toggle']")) {
    toggle.title = "Zijbalk tonen of verbergen";
    toggle.setAttribute("aria-label", "Zijbalk tonen of verbergen");
  }
  const skip = document.createElement("a");
  skip.className = "fs-skip";
  skip.href = "#observablehq-main";
  skip.textContent = "Naar de inhoud";
  document.body.prepend(skip);
});`;

export default {
  root,
  // FAIRSHARE_OUTPUT lets tests build into a temporary folder without touching dist/.
  output: process.env.FAIRSHARE_OUTPUT ?? "dist",
  title: "fairshare",
  home: "fairshare · Regio Amersfoort",
  lang: "nl",
  pages: [
    ...pages.filter((page) => page.path !== "/methode"),
    ...(municipalityPages.length > 0
      ? [
          {
            name: "Per gemeente",
            collapsible: true,
            open: true,
            pages: municipalityPages.map(({slug, name}) => ({name, path: `/gemeente/${slug}`}))
          }
        ]
      : []),
    ...pages.filter((page) => page.path === "/methode")
  ],
  dynamicPaths: municipalityPages.map(({slug}) => `/gemeente/${slug}`),
  // A custom stylesheet that imports the default theme but uses system fonts (no third-party font host).
  style: "style.css",
  globalStylesheets: [],
  search: false,
  // Framework's chrome speaks English by default: the table of contents gets a Dutch label here, the sidebar toggle
  // a Dutch name in the head script below, and a skip link goes first in the page.
  toc: {show: true, label: "Op deze pagina"},
  pager: false,
  header: "",
  // Framework has no language option; the pages are Dutch, which matters for screen readers and hyphenation.
  // An empty icon spares the browser a request for /favicon.ico (which would 404).
  head: `<link rel="icon" href="data:,"><script>${DUTCH_CHROME}</script>`,
  footer:
    "fairshare: scenario's voor de fair share-afspraken over wettelijk urgent woningzoekenden in Regio Amersfoort. " +
    "Alle berekeningen draaien in uw browser; er gaat geen gegeven naar buiten."
};
