/**
 * Build speed as a user meets it: `npm run graph` on the bundled document, the whole process
 * (npm, start-up, the build, the write), against a process that only runs compromise over the
 * same text, the floor any build that tags text with compromise stands on. Target: at most 1.5×.
 * Beside them, the build started as it used to be (`tsx scripts/build-graph.ts`, transpiling
 * every module at start-up), so the start-up saving shows.
 *
 * On a shared machine a burst of load can land on one side: the processes run in alternating
 * rounds, and each is judged by its fastest run (interference only adds time), in CPU time (the
 * process and its children, as bash's `times` reports it) as well as wall-clock time.
 */
import { spawn } from "node:child_process";
import { rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DEFAULT_INPUT, PROJECT_ROOT } from "../lib/paths";

/**
 * compromise over every non-empty line of the document, and nothing else (an ES module for
 * `node --eval`): what a plain user of compromise writes for a line-oriented list, and how the
 * build feeds it too (one call per title, description or insight, 991 calls here against 1,036
 * lines). `nlp()` tags eagerly, so nothing needs reading back. One call over the whole text would
 * cost about a fifth less, but it runs titles, bullets and entries together into run-on
 * sentences that no extractor could use: a cheaper floor, not an honest one.
 */
const COMPROMISE_ONLY = `
import { readFileSync } from "node:fs";
import nlp from "compromise";
for (const line of readFileSync(process.argv[1], "utf8").split("\\n")) if (line.trim() !== "") nlp(line);
`;

/** One run of a process: wall-clock time from spawn to exit, and the CPU time of it and its children. */
interface ProcessTime {
  ms: number;
  cpuMs: number;
}

/**
 * Runs `command` under bash, whose `times` then prints the CPU time its children used (npm and
 * the node it starts included): CPU time is what a busy shared machine does not inflate.
 */
function timeProcess(command: string, args: readonly string[]): Promise<ProcessTime> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    // The command's output is dropped (its errors kept for the message); `times` writes to stdout.
    const script = '"$@" >/dev/null; status=$?; times; exit $status';
    const child = spawn("bash", ["-c", script, "bash", command, ...args], {
      cwd: PROJECT_ROOT,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", reject);
    child.on("exit", (code) => {
      const ms = performance.now() - started;
      if (code !== 0) return reject(new Error(`${command} ${args.join(" ")} exited with ${code}: ${stderr.trim().split("\n").at(-1)}`));
      // `times`: the shell's user and system time, then its children's ("0m1.234s 0m0.056s").
      const seconds = (text: string) => text.split(/\s+/).reduce((sum, part) => {
        const [, minutes, secs] = /^(\d+)m([\d.]+)s$/.exec(part) ?? [];
        return minutes === undefined ? sum : sum + Number(minutes) * 60 + Number(secs);
      }, 0);
      resolve({ ms, cpuMs: seconds(stdout.trim().split("\n").at(-1) ?? "") * 1000 });
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
  const times: Record<keyof typeof sides, ProcessTime[]> = { "compromise only": [], "npm run graph": [], "tsx scripts/build-graph.ts": [] };
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
  const fastest = (name: keyof typeof sides, key: keyof ProcessTime) => Math.min(...times[name].map((time) => time[key]));
  const side = (name: keyof typeof sides) => {
    const ratio = (key: keyof ProcessTime) => (fastest(name, key) / fastest("compromise only", key)).toFixed(2);
    return `${(fastest(name, "cpuMs") / 1000).toFixed(2)} s CPU (${(fastest(name, "ms") / 1000).toFixed(2)} s wall), ratio ${ratio("cpuMs")} CPU, ${ratio("ms")} wall`;
  };
  const baseline = `${(fastest("compromise only", "cpuMs") / 1000).toFixed(2)} s CPU (${(fastest("compromise only", "ms") / 1000).toFixed(2)} s wall)`;
  console.log(
    `build speed (${DEFAULT_INPUT}, whole processes, fastest of ${rounds} alternating rounds): compromise only ${baseline}; ` +
      `npm run graph ${side("npm run graph")} (target ≤ 1.5; was about 4); started through tsx as before ${side("tsx scripts/build-graph.ts")}`,
  );
}
