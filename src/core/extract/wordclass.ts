/**
 * What compromise says a short text is ("#Person", "(#Verb|#Adjective)"), asked once per text
 * and question: the rules ask it of every source, title head and credited name, and the same
 * names come back across a document (or thousands of times in one hostile field).
 */
import { tag } from "./tagging";

const answers = new Map<string, boolean>();
/** Bound on the memory the answers take; past it they are forgotten and asked again. */
const MAX_ANSWERS = 20_000;

export function tagged(text: string, match: string): boolean {
  const key = `${match}\u0000${text}`;
  let answer = answers.get(key);
  if (answer === undefined) {
    if (answers.size >= MAX_ANSWERS) answers.clear();
    answer = tag(text).has(match);
    answers.set(key, answer);
  }
  return answer;
}
