/**
 * How an import names what it made: the graph (its lists' names joined, as the command line
 * joins its inputs'), the lists in a sentence, and the files a download saves.
 */

/** What joins the names of several lists into the graph's name, as on the command line (scripts/lib/build.ts). */
export const NAME_JOINER = " + ";

/**
 * A download's file name: each list's name without its extension (joined by "+"), never a path
 * or a reserved character: "awesome-scalability.graph.json", "reading+bookmarks.graph.gexf".
 */
export function downloadName(graphName: string, extension: string): string {
  const stems = graphName.split(NAME_JOINER).map((name) => name.replace(/\.[^.]*$/, "").replace(/[\\/:*?"<>|\u0000-\u001f]+/g, "-").trim());
  return `${stems.filter(Boolean).join("+") || "graph"}.graph.${extension}`;
}

/** Lists named in a sentence: "a.md", "a.md and b.html", "a.md, b.html and c.txt". */
export function listNames(names: readonly string[]): string {
  return names.length < 2 ? (names[0] ?? "") : `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;
}
