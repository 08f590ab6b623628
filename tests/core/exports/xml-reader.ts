/**
 * An XML reader independent of graphology's (xmldom): htmlparser2's tokenizer in XML mode, which
 * decodes entities and character references. It gives each element's name, attributes and
 * text, in document order, and checks that every element closes in order (well-formedness as far
 * as nesting goes).
 */
import { Parser } from "htmlparser2";

export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  text: string;
  children: XmlElement[];
}

export function readXml(xml: string): XmlElement {
  const root: XmlElement = { name: "#document", attributes: {}, text: "", children: [] };
  const open: XmlElement[] = [root];
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        const element: XmlElement = { name, attributes, text: "", children: [] };
        open.at(-1)!.children.push(element);
        open.push(element);
      },
      ontext(text) {
        open.at(-1)!.text += text;
      },
      onclosetag(name) {
        const element = open.pop();
        if (element?.name !== name) throw new Error(`</${name}> closes <${element?.name}>`);
      },
    },
    { xmlMode: true, decodeEntities: true, recognizeSelfClosing: true },
  );
  parser.write(xml);
  parser.end();
  if (open.length !== 1) throw new Error(`<${open.at(-1)!.name}> is never closed`);
  return root;
}

/** Every element named `name` under `element`, depth first, in document order. */
export function elementsNamed(element: XmlElement, name: string): XmlElement[] {
  const found: XmlElement[] = [];
  const visit = (at: XmlElement) => {
    for (const child of at.children) {
      if (child.name === name) found.push(child);
      visit(child);
    }
  };
  visit(element);
  return found;
}
