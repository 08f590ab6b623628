/**
 * npm run graph [-- --input FILE ...] [--out FILE] [--export gexf|graphml|csv|json] [--format text|markdown|html]
 *   [--gexf FILE] [--tours DIR|none] [--stats] [--quiet]
 * Reads one or more reading lists, extracts their entities, checks the tours written for them
 * and writes one graph file, or an export of it (and its GEXF), all or nothing.
 */
import { EXPORT_FORMATS, isExportFormat } from "../src/core/exports/index";
import { buildGraphFile, buildTimeFromEnvironment, type GraphCounts } from "./lib/build";
import { MAX_INPUT_LABEL, readArguments, runMain, UsageError } from "./lib/cli";
import { createProgress } from "./lib/progress";
import { DEFAULT_GRAPH, DEFAULT_INPUT, DEFAULT_TOURS, toursFolderFor } from "./lib/paths";
import { stageTable } from "./lib/stages";
import { TOUR_SCHEMA_FILE } from "./lib/tours";

const HELP = `Usage: npm run graph -- [options]

Reads reading lists, extracts the entities they name and writes one graphology graph (JSON).

Options:
  --input FILE     a reading list (default: ${DEFAULT_INPUT}); repeat it to build one graph
                   from several, of any formats: an article found in more than one (the same
                   page, or without URLs the same title) is one node that lists its inputs
  --out FILE       where to write the graph (default: ${DEFAULT_GRAPH}), or with --export the
                   export's file
  --export FORMAT  write the graph to --out (required) as ${EXPORT_FORMATS.join(" | ")} instead of
                   graph.json, which is then left as it is:
                     gexf     GEXF 1.3 for Gephi, Gephi Lite (labels, types, colours, sizes, places)
                     graphml  GraphML for yEd, Cytoscape, NetworkX, igraph
                     csv      two files named after --out: graph.csv gives graph.nodes.csv and
                              graph.edges.csv (RFC 4180; the README lists the columns)
                     json     graphology's JSON, the very form of graph.json
  --gexf FILE      also write the graph as GEXF 1.3, to open it in Gephi
  --tours DIR      the tours to carry in the graph: every *.json file in DIR but ${TOUR_SCHEMA_FILE},
                   in name order, each checked against ${DEFAULT_TOURS}/${TOUR_SCHEMA_FILE} and
                   against the graph (a step naming a missing node is an error); "none" for none
                   (default: ${DEFAULT_TOURS} when building the default input, else none)
  --format NAME    text | markdown | html, for every input (default: from each file's extension:
                   .md markdown, .html/.htm browser bookmarks, anything else the bookmarks text format)
  --stats          also print the time, CPU time and peak memory of every stage (parse, extract,
                   graph, metrics, layout, write) and what the graph holds: articles by kind, concepts by
                   type, edges by kind, communities
  --quiet          no progress display (a build that runs over two seconds otherwise shows, on
                   stderr, a bar on a terminal, or plain lines when stderr is not a terminal)
  -h, --help       show this help

Inputs must be regular files of at most ${MAX_INPUT_LABEL}; --out and --gexf may not name an input.
The same inputs give the same bytes. SOURCE_DATE_EPOCH (whole seconds since 1970, as
reproducible builds set it) records that time as the graph's builtAt; unset, none is recorded.

Exit codes: 0 written, 1 bad input or output (one line on stderr, after any progress lines;
earlier output untouched), 2 bad arguments.`;

runMain(async () => {
  const { values } = readArguments({
    input: { type: "string", multiple: true, default: [DEFAULT_INPUT] },
    out: { type: "string" },
    export: { type: "string" },
    format: { type: "string" },
    gexf: { type: "string" },
    stats: { type: "boolean", default: false },
    quiet: { type: "boolean", default: false },
    tours: { type: "string" },
  });
  if (values.help) {
    console.log(HELP);
    return;
  }
  const format = values.export;
  if (format !== undefined && !isExportFormat(format)) {
    throw new UsageError(`--export must be one of ${EXPORT_FORMATS.join(", ")}, not "${format}"`);
  }
  // The default --out is the app's graph.json: an export must not land there by accident.
  if (format !== undefined && values.out === undefined) throw new UsageError("--export needs --out FILE, the file to write");
  const progress = values.quiet ? undefined : createProgress({ stream: process.stderr });
  const summary = await buildGraphFile({
    inputs: values.input,
    out: values.out ?? DEFAULT_GRAPH,
    export: format,
    format: values.format,
    gexf: values.gexf,
    tours: toursFolderFor(values.tours, values.input),
    builtAt: buildTimeFromEnvironment(),
    onProgress: progress?.update,
  }).finally(() => progress?.finish());
  console.log(
    `wrote ${summary.out}: ${summary.articles} articles (${summary.withInsights} with insights), ` +
      `${summary.entities} entities, ${summary.mentions} mention edges, ` +
      `${summary.broader.lexicon + summary.broader.head} broader edges (${summary.broader.lexicon} from the lexicon, ${summary.broader.head} from compound heads) ` +
      `in ${(summary.milliseconds / 1000).toFixed(1)} s`,
  );
  if (values.stats) console.log([...stageTable(summary.stages), ...countLines(summary.counts)].join("\n"));
});

/** `articles: 254 (bookmark 250, reference 4)`: each count with its parts, largest first. */
function countLines(counts: GraphCounts): string[] {
  const line = (name: string, parts: Record<string, number>) => {
    const entries = Object.entries(parts).sort(([a, m], [b, n]) => n - m || a.localeCompare(b));
    const total = entries.reduce((sum, [, n]) => sum + n, 0);
    return `${name}: ${total}${entries.length > 0 ? ` (${entries.map(([kind, n]) => `${kind} ${n}`).join(", ")})` : ""}`;
  };
  return [line("articles", counts.articles), line("concepts", counts.concepts), line("edges", counts.edges), `communities: ${counts.communities}`];
}
