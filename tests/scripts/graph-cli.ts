/**
 * `npm run graph` as the tests run it: the build script through tsx, from the project's root,
 * with its exit code and both outputs whatever happens. A run that blocks is killed after three
 * minutes (CI shares two cores between test files).
 */
import { execFile } from "node:child_process";
import { promisify } from "node:util";

const run = promisify(execFile);
export const ROOT = new URL("../../", import.meta.url).pathname;

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export async function graphCli(...args: string[]): Promise<CliRun> {
  return graphCliWith({}, ...args);
}

/** The CLI with extra environment variables (no DEBUG, no SOURCE_DATE_EPOCH unless given). */
export async function graphCliWith(env: Record<string, string>, ...args: string[]): Promise<CliRun> {
  try {
    const { stdout, stderr } = await run(process.execPath, ["--import", "tsx", "scripts/build-graph.ts", ...args], {
      cwd: ROOT,
      env: { ...process.env, DEBUG: "", SOURCE_DATE_EPOCH: "", ...env },
      timeout: 180_000,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as CliRun;
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}
