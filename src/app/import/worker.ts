/**
 * The import worker: builds a reading list's graph off the page's thread. It is the only code
 * that loads compromise and the lexicon, so the page's first load carries neither; the page
 * starts one worker per import and terminates it to cancel.
 */
import lexicon from "virtual:insight-graph/lexicon";
import { runImport } from "./build";
import { isImportRequest, type WorkerMessage } from "./protocol";

/** The little of a dedicated worker's scope used here (the project's types are the page's, not a worker's). */
const scope = self as unknown as {
  addEventListener(type: "message", listener: (event: MessageEvent<unknown>) => void): void;
  postMessage(message: WorkerMessage): void;
};

scope.addEventListener("message", (event) => {
  if (!isImportRequest(event.data)) {
    scope.postMessage({ type: "failed", message: "the import worker was sent something that is not a reading list" });
    return;
  }
  runImport(event.data, lexicon, (message) => scope.postMessage(message));
});
