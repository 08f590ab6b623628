/**
 * npm run graph [-- --input FILE] [--out FILE] [--format text|markdown|html]
 * Reads a reading list, extracts its entities and writes the graph file (atomically).
 */
import { buildGraphFile } from "./lib/build";
import { readArguments, runMain } from "./lib/cli";
import { DEFAULT_GRAPH, DEFAULT_INPUT } from "./lib/paths";

const HELP = `Usage: npm run graph -- [options]

Reads a reading list, extracts the entities it names and writes a graphology graph (JSON).

Options:
  --input FILE     the reading list (default: ${DEFAULT_INPUT})
  --out FILE       where to write the graph (default: ${DEFAULT_GRAPH})
  --gexf FILE      also write the graph as GEXF 1.3, to open it in Gephi
  --format NAME    text | markdown | html (default: from the extension: .md markdown,
                   .html/.htm browser bookmarks, anything else the bookmarks text format)
  -h, --help       show this help

Exit codes: 0 written, 1 bad input or output (one line on stderr, earlier output untouched),
2 bad arguments.`;

runMain(async () => {
  const { values } = readArguments({
    input: { type: "string", default: DEFAULT_INPUT },
    out: { type: "string", default: DEFAULT_GRAPH },
    format: { type: "string" },
    gexf: { type: "string" },
  });
  if (values.help) {
    console.log(HELP);
    return;
  }
  const summary = await buildGraphFile({ input: values.input, out: values.out, format: values.format, gexf: values.gexf });
  console.log(
    `wrote ${summary.out}: ${summary.articles} articles (${summary.withInsights} with insights), ` +
      `${summary.entities} entities, ${summary.mentions} mention edges in ${(summary.milliseconds / 1000).toFixed(1)} s`,
  );
});
