// A small static file server for dist/: used by `npm start` and by the browser tests.
// It understands Framework's clean URLs (/vergelijken serves vergelijken.html) and only listens on 127.0.0.1.
import {createReadStream, existsSync, statSync} from "node:fs";
import {createServer, type Server} from "node:http";
import type {AddressInfo} from "node:net";
import {extname, join, normalize, resolve, sep} from "node:path";
import {fileURLToPath} from "node:url";

const MIME_TYPES: Readonly<Record<string, string>> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".csv": "text/csv; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".txt": "text/plain; charset=utf-8",
  ".wasm": "application/wasm",
  ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
};

export interface StaticServer {
  /** Base URL without trailing slash, e.g. "http://127.0.0.1:3000". */
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
}

/**
 * Resolves a URL path to a file in `root`, or undefined. `/` gives index.html, `/a` gives a.html or a/index.html.
 * Paths that would leave `root` give undefined.
 *
 * @example
 * resolveStaticPath("dist", "/vergelijken"); // ".../dist/vergelijken.html"
 */
export function resolveStaticPath(root: string, urlPath: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath.split("?")[0]!.split("#")[0]!);
  } catch {
    return undefined;
  }
  const base = resolve(root);
  const path = normalize(join(base, decoded));
  if (path !== base && !path.startsWith(base + sep)) return undefined;
  const candidates = decoded.endsWith("/")
    ? [join(path, "index.html")]
    : [path, `${path}.html`, join(path, "index.html")];
  return candidates.find((file) => existsSync(file) && statSync(file).isFile());
}

/**
 * Serves the files under `root` on 127.0.0.1. Port 0 picks a free port.
 *
 * @example
 * const server = await serveStatic("dist", 0);
 * console.log(server.url); // http://127.0.0.1:43127
 * await server.close();
 */
export function serveStatic(root: string, port = 3000): Promise<StaticServer> {
  const server: Server = createServer((request, response) => {
    if (request.method !== "GET" && request.method !== "HEAD") {
      response.writeHead(405, {Allow: "GET, HEAD"}).end();
      return;
    }
    const file = resolveStaticPath(root, request.url ?? "/");
    if (file === undefined) {
      const notFound = resolveStaticPath(root, "/404");
      response.writeHead(404, {"Content-Type": "text/html; charset=utf-8"});
      if (notFound && request.method === "GET") createReadStream(notFound).pipe(response);
      else response.end("<!doctype html><title>Niet gevonden</title><p>Deze pagina bestaat niet.</p>");
      return;
    }
    response.writeHead(200, {
      "Content-Type": MIME_TYPES[extname(file)] ?? "application/octet-stream",
      "Content-Length": statSync(file).size,
      "Cache-Control": "no-cache"
    });
    if (request.method === "HEAD") response.end();
    else createReadStream(file).pipe(response);
  });
  return new Promise((resolvePromise, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => {
      const {port: actual} = server.address() as AddressInfo;
      resolvePromise({
        url: `http://127.0.0.1:${actual}`,
        port: actual,
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          })
      });
    });
  });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = process.argv[2] ?? "dist";
  if (!existsSync(join(root, "index.html"))) {
    console.error(`No built site in ${resolve(root)}: run \`npm run build\` first.`);
    process.exit(1);
  }
  serveStatic(root, Number(process.env.PORT ?? 3000)).then(
    ({url}) => console.log(`fairshare: ${url}/ (stop with Ctrl+C)`),
    (error: Error) => {
      console.error(`Cannot serve ${root}: ${error.message}`);
      process.exit(1);
    }
  );
}
