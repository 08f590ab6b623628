/**
 * Build speed as a user meets it: `npm run graph` on the bundled document, the whole process
 * (npm, start-up, the build, the write), against a process that only runs compromise over the
 * same text, the floor any build that tags text with compromise stands on. Target: at most 1.5×.
 * Beside them, the build started as it used to be (`tsx scripts/build-graph.ts`, transpiling
 * every module at start-up), so the start-up saving shows.
 *
 * On a shared machine a burst of load can land on one side: the processes run in alternating
 * rounds, and each is judged by its fastest run (interference only adds time).
 */
import { spawn } from "node:child_process";
import { rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DEFAULT_INPUT, PROJECT_ROOT } from "../lib/paths";

/** compromise over every non-empty line of the document, and nothing else (an ES module for `node --eval`). */
const COMPROMISE_ONLY = `
import { readFileSync } from "node:fs";
import nlp from "compromise";
for (const line of readFileSync(process.argv[1], "utf8").split("\\n")) if (line.trim() !== "") nlp(line);
`;

/** Wall-clock milliseconds from spawning `command` to its exit; a failure is an error. */
function timeProcess(command: string, args: readonly string[]): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, { cwd: PROJECT_ROOT, stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", reject);
    child.on("exit", (code) => {
      if (code === 0) resolve(performance.now() - started);
      else reject(new Error(`${command} ${args.join(" ")} exited with ${code}: ${stderr.trim().split("\n").at(-1)}`));
    });
  });
}

export async function benchBuildSpeed(rounds = 5): Promise<void> {
  const out = join(tmpdir(), `insight-graph-buildspeed-${process.pid}.json`);
  const sides = {
    "compromise only": [process.execPath, ["--input-type=module", "--eval", COMPROMISE_ONLY, DEFAULT_INPUT]],
    "npm run graph": ["npm", ["run", "--silent", "graph", "--", "--out", out]],
    "tsx scripts/build-graph.ts": [process.execPath, ["--import", "tsx", "scripts/build-graph.ts", "--out", out]],
  } as const;
  const times: Record<keyof typeof sides, number[]> = { "compromise only": [], "npm run graph": [], "tsx scripts/build-graph.ts": [] };
  try {
    // A first run each, untimed: it builds the bundle if sources changed, and warms the file cache.
    for (const [command, args] of Object.values(sides)) await timeProcess(command, args);
    for (let round = 0; round < rounds; round++) {
      for (const [name, [command, args]] of Object.entries(sides) as [keyof typeof sides, (typeof sides)[keyof typeof sides]][]) {
        times[name].push(await timeProcess(command, args));
      }
    }
  } finally {
    await rm(out, { force: true });
  }
  const fastest = (name: keyof typeof sides) => Math.min(...times[name]);
  const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
  const baseline = fastest("compromise only");
  console.log(
    `build speed (${DEFAULT_INPUT}, whole processes, fastest of ${rounds} alternating rounds): compromise only ${seconds(baseline)}, ` +
      `npm run graph ${seconds(fastest("npm run graph"))}, ratio ${(fastest("npm run graph") / baseline).toFixed(2)} (target ≤ 1.5; was about 4); ` +
      `started through tsx as before ${seconds(fastest("tsx scripts/build-graph.ts"))}, ratio ${(fastest("tsx scripts/build-graph.ts") / baseline).toFixed(2)}`,
  );
}
