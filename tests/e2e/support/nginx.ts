import { spawn, type ChildProcess } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";

// Debian's nginx as a throwaway load balancer in front of several app
// servers: its own config, logs and temporary files in one folder, in the
// foreground, so the process that starts it can stop it. The config is the
// one docs/hosting.md gives, plus a header naming the server that answered
// (X-Upstream), which the Postgres run reads to prove the round-robin.

export const NGINX = process.env.E2E_NGINX ?? "/usr/sbin/nginx";

/** The http block docs/hosting.md shows: round-robin over the servers (no sticky routing), streaming passed through unbuffered. */
export function shortlistHttpBlock(listen: string, servers: string[], extra = ""): string {
  return `upstream shortlist {
    ${servers.map((s) => `server ${s};`).join("\n    ")}
    keepalive 16;
    # Shorter than Node's own 5 s: nginx must never reuse a connection the server is closing.
    keepalive_timeout 4s;
  }
  server {
    listen ${listen};
    # Uploads (documents, imports) up to the app's own limit.
    client_max_body_size 60m;
    location / {
      proxy_pass http://shortlist;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      # With its port: server actions compare the Origin header with it.
      proxy_set_header Host $http_host;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto $scheme;
      # Pages stream (React Suspense): pass each part on as it comes.
      proxy_buffering off;
      proxy_read_timeout 120s;${extra}
    }
  }`;
}

export type Nginx = { url: string; accessLog: string; stop: () => Promise<void> };

/** Starts nginx on 127.0.0.1:`port` in front of `servers` ("127.0.0.1:3401", …), its files in `dir`. */
export async function startNginx(dir: string, port: number, servers: string[]): Promise<Nginx> {
  if (!existsSync(NGINX)) throw new Error(`no nginx at ${NGINX}: install Debian's (apt-get install nginx), or set E2E_NGINX`);
  const home = path.join(dir, "nginx");
  const temp = path.join(home, "temp");
  mkdirSync(temp, { recursive: true });
  // Run as root, nginx's workers drop to "nobody", who must reach and write its temporary files
  // (request bodies past 16 kB: uploads, imports).
  chmodSync(dir, 0o755);
  chmodSync(home, 0o777);
  chmodSync(temp, 0o777);
  const accessLog = path.join(home, "access.log");
  const errorLog = path.join(home, "error.log");
  const config = `daemon off;
worker_processes 1;
pid ${home}/nginx.pid;
error_log ${errorLog} warn;
events { worker_connections 1024; }
http {
  log_format upstream '$remote_addr "$request" $status -> $upstream_addr';
  access_log ${accessLog} upstream;
  client_body_temp_path ${temp}/body;
  proxy_temp_path ${temp}/proxy;
  fastcgi_temp_path ${temp}/fastcgi;
  uwsgi_temp_path ${temp}/uwsgi;
  scgi_temp_path ${temp}/scgi;
  ${shortlistHttpBlock(`127.0.0.1:${port}`, servers, "\n      add_header X-Upstream $upstream_addr always;")}
}
`;
  const file = path.join(home, "nginx.conf");
  writeFileSync(file, config);
  const child: ChildProcess = spawn(NGINX, ["-p", home, "-c", file, "-e", errorLog], { stdio: ["ignore", "inherit", "inherit"] });
  let exited = false;
  const exit = new Promise<void>((resolve) => child.once("exit", () => ((exited = true), resolve())));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 10_000;
  for (;;) {
    if (exited) throw new Error(`nginx exited at start; see ${errorLog}`);
    try {
      await fetch(`${url}/health`).then((r) => r.text());
      break;
    } catch {
      if (Date.now() > deadline) throw new Error(`nginx did not answer on ${url}; see ${errorLog}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  return {
    url,
    accessLog,
    stop: async () => {
      if (!exited) child.kill("SIGTERM");
      await exit;
    },
  };
}
