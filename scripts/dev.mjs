// `npm run dev`: local work on the code. Builds once, then `remix watch` rebuilds on every change
// and `node --watch server.js` restarts the Express server when the build (or server.js)
// changes. NODE_ENV=development: no `Secure` cookie default, React's development build.
// Stop with Ctrl-C; both children stop with it. Build again (`npm run build`) before serving
// production: the watch build is not minified.
import { spawn, spawnSync } from "node:child_process";

const env = { ...process.env, NODE_ENV: "development" };

const build = spawnSync(process.execPath, ["node_modules/@remix-run/dev/dist/cli.js", "build"], { stdio: "inherit", env });
if (build.status !== 0) process.exit(build.status ?? 1);

const children = [
  spawn(process.execPath, ["node_modules/@remix-run/dev/dist/cli.js", "watch"], { stdio: "inherit", env }),
  spawn(process.execPath, ["--watch", "server.js"], { stdio: "inherit", env }),
];

let stopping = false;
function stop(code) {
  if (stopping) return;
  stopping = true;
  for (const child of children) if (child.exitCode === null) child.kill("SIGTERM");
  process.exitCode = code;
}
for (const child of children) child.on("exit", (code) => stop(code ?? 0));
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => stop(0));
