import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

// Debian's nginx as the reverse proxy in front of several app processes, as in production:
// round-robin (nginx's default) over the upstreams, appending the client to X-Forwarded-For.
// It runs in the foreground as our child, with its config, logs and temp files in `directory`.
// proxy_bind 127.0.0.2 makes the app see the proxy at another address than the client
// (127.0.0.1), so a test can tell which of the two the app counted. X-Upstream names the app
// process that answered.

export type TNginx = { origin: string; stop: () => Promise<void>; errorLog: () => string };

function config(directory: string, port: number, upstreams: readonly number[]): string {
  return `worker_processes 1;
daemon off;
pid ${directory}/nginx.pid;
error_log ${directory}/error.log warn;
events { worker_connections 256; }
http {
  access_log ${directory}/access.log;
  client_body_temp_path ${directory}/client-body;
  proxy_temp_path ${directory}/proxy;
  fastcgi_temp_path ${directory}/fastcgi;
  uwsgi_temp_path ${directory}/uwsgi;
  scgi_temp_path ${directory}/scgi;
  upstream pactwatch {
${upstreams.map((upstream) => `    server 127.0.0.1:${upstream};`).join("\n")}
    keepalive 8;
  }
  server {
    listen 127.0.0.1:${port};
    location / {
      proxy_pass http://pactwatch;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $http_host;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto $scheme;
      proxy_bind 127.0.0.2;
      # A request that failed on one process must not be replayed on the other unseen.
      proxy_next_upstream off;
      add_header X-Upstream $upstream_addr always;
    }
  }
}
`;
}

export async function startNginx(directory: string, port: number, upstreams: readonly number[]): Promise<TNginx> {
  fs.mkdirSync(directory, { recursive: true });
  // The worker runs as nobody and must reach its temp directories.
  fs.chmodSync(directory, 0o755);
  const file = path.join(directory, "nginx.conf");
  fs.writeFileSync(file, config(directory, port, upstreams));
  const binary = fs.existsSync("/usr/sbin/nginx") ? "/usr/sbin/nginx" : "nginx";
  const child: ChildProcess = spawn(binary, ["-p", directory, "-c", file, "-e", path.join(directory, "error.log")], { stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const origin = `http://127.0.0.1:${port}`;
  const errorLog = () => stderr + (fs.existsSync(path.join(directory, "error.log")) ? fs.readFileSync(path.join(directory, "error.log"), "utf8") : "");
  for (let attempt = 0; attempt < 100; attempt++) {
    if (child.exitCode !== null) throw new Error(`nginx exited (${child.exitCode}): ${errorLog()}`);
    if (await fetch(`${origin}/api/health`).then((response) => response.ok, () => false)) {
      return {
        origin,
        errorLog,
        stop: async () => {
          if (child.exitCode !== null) return;
          const exited = new Promise((resolve) => child.once("exit", resolve));
          child.kill("SIGQUIT");
          await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5_000))]);
        },
      };
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  child.kill("SIGKILL");
  throw new Error(`nginx did not answer at ${origin}: ${errorLog()}`);
}
