#!/usr/bin/env node
// Cold start and peak memory of importing azureml-workspace, beside the generated Azure SDK
// clients a user would otherwise load (@azure/arm-machinelearning + @azure/arm-network), each in
// a fresh node process, ESM and CommonJS, measured in the same run.
//
// Usage: npm run build && node bench/import.mjs [--runs 21]

import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const runsArg = process.argv.indexOf("--runs");
const runs = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 21;
const TARGET = 1 / 3;

const esmEntry = join(root, "dist", "index.js");
const cjsEntry = join(root, "dist", "index.cjs");
if (!existsSync(esmEntry) || !existsSync(cjsEntry)) {
  console.error("dist/ is missing: run `npm run build` first.");
  process.exit(1);
}

// Each child reports its own peak resident set size (KiB on Linux) as its last act.
const reportRss = "process.stdout.write(String(process.resourceUsage().maxRSS));";
const esm = (specifiers) => [
  "--input-type=module",
  "-e",
  `${specifiers.map((s) => `await import(${JSON.stringify(s)});`).join("")}${reportRss}`,
];
const cjs = (specifiers) => [
  "-e",
  `${specifiers.map((s) => `require(${JSON.stringify(s)});`).join("")}${reportRss}`,
];

const theirs = ["@azure/arm-machinelearning", "@azure/arm-network"];
const cases = [
  { key: "bare", label: "bare node -e", args: ["-e", reportRss] },
  {
    key: "oursEsm",
    label: "azureml-workspace (import)",
    args: esm([pathToFileURL(esmEntry).href]),
  },
  { key: "oursCjs", label: "azureml-workspace (require)", args: cjs([cjsEntry]) },
  { key: "theirsEsm", label: "arm-machinelearning + arm-network (import)", args: esm(theirs) },
  { key: "theirsCjs", label: "arm-machinelearning + arm-network (require)", args: cjs(theirs) },
];

function runOnce(args) {
  const started = process.hrtime.bigint();
  const child = spawnSync(process.execPath, args, {
    cwd: root,
    encoding: "utf8",
    env: { ...process.env, AZURE_LOG_LEVEL: "" },
  });
  const elapsedInMs = Number(process.hrtime.bigint() - started) / 1e6;
  if (child.status !== 0) {
    throw new Error(`node ${args.join(" ")} failed:\n${child.stderr}`);
  }
  return { elapsedInMs, maxRssInKiB: Number(child.stdout.trim()) };
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

// One warm-up each (file system cache), then the runs interleaved so that drift in machine load
// affects every case alike.
for (const c of cases) runOnce(c.args);
const samples = Object.fromEntries(cases.map((c) => [c.key, { times: [], rss: [] }]));
for (let i = 0; i < runs; i++) {
  for (const c of cases) {
    const { elapsedInMs, maxRssInKiB } = runOnce(c.args);
    samples[c.key].times.push(elapsedInMs);
    samples[c.key].rss.push(maxRssInKiB);
  }
}

const result = Object.fromEntries(
  cases.map((c) => [
    c.key,
    { time: median(samples[c.key].times), rss: median(samples[c.key].rss) / 1024 },
  ]),
);

console.log(`Node ${process.version}, ${runs} runs per case, medians (fresh process each run)\n`);
console.log(`${"case".padEnd(46)}${"cold start".padStart(12)}${"max RSS".padStart(12)}`);
for (const c of cases) {
  const { time, rss } = result[c.key];
  console.log(
    `${c.label.padEnd(46)}${`${time.toFixed(1)} ms`.padStart(12)}${`${rss.toFixed(1)} MiB`.padStart(12)}`,
  );
}

const bare = result.bare;
const ratio = (ours, theirsValue, base) => (ours - base) / (theirsValue - base);
const rows = [
  ["cold start, import", ratio(result.oursEsm.time, result.theirsEsm.time, bare.time)],
  ["cold start, require", ratio(result.oursCjs.time, result.theirsCjs.time, bare.time)],
  ["max RSS, import", ratio(result.oursEsm.rss, result.theirsEsm.rss, bare.rss)],
  ["max RSS, require", ratio(result.oursCjs.rss, result.theirsCjs.rss, bare.rss)],
];
console.log(
  `\nOur cost above bare node as a share of theirs (target: at most ${TARGET.toFixed(2)})`,
);
for (const [label, value] of rows) {
  const verdict = value <= TARGET ? "ok" : "ABOVE TARGET";
  console.log(`${label.padEnd(24)}${value.toFixed(2).padStart(8)}  ${verdict}`);
}
