/**
 * An ARIA 1.2 combobox with a grouped listbox popup: the pattern behind the Search box, "Add
 * concept", and the path's "From" and "To". Keyboard: ArrowDown/ArrowUp move through options,
 * Enter chooses, Escape closes the list (or clears the box when it is already closed).
 */
import { h, uid, type Child } from "../dom";

export interface ComboOption<T> {
  value: T;
  /** Starts with the node label, so the option reads as what it is. */
  label: string;
  /** Extra content after the label (details, snippet). */
  detail?: Child;
}

export interface ComboGroup<T> {
  heading: string;
  count: number;
  options: ComboOption<T>[];
}

export interface ComboboxOptions<T> {
  label: string;
  placeholder?: string;
  source: (query: string) => ComboGroup<T>[];
  onChoose: (option: ComboOption<T>) => void;
  /** Keep the chosen label in the box (path endpoints) or clear it (search). */
  keepChoice?: boolean;
  /** Text announced when a query finds nothing. */
  emptyText?: string;
}

export interface Combobox<T> {
  element: HTMLElement;
  input: HTMLInputElement;
  setValue(text: string): void;
  close(): void;
  /** The option last chosen, while its label is still in the box. */
  readonly chosen: ComboOption<T> | null;
}

export function createCombobox<T>(options: ComboboxOptions<T>): Combobox<T> {
  const listId = uid("listbox");
  const input = h("input", {
    type: "text",
    role: "combobox",
    "aria-label": options.label,
    "aria-controls": listId,
    "aria-expanded": "false",
    "aria-autocomplete": "list",
    autocomplete: "off",
    spellcheck: "false",
    placeholder: options.placeholder,
    class: "combobox-input",
  });
  const listbox = h("div", { role: "listbox", id: listId, "aria-label": `${options.label} results`, class: "listbox" });
  listbox.hidden = true;
  const element = h("div", { class: "combobox" }, input, listbox);

  let flat: { id: string; option: ComboOption<T>; element: HTMLElement }[] = [];
  let active = -1;
  let chosen: ComboOption<T> | null = null;

  function open(): void {
    listbox.hidden = false;
    input.setAttribute("aria-expanded", "true");
  }

  function close(): void {
    listbox.hidden = true;
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
    active = -1;
  }

  function setActive(index: number): void {
    flat[active]?.element.setAttribute("aria-selected", "false");
    active = index;
    const current = flat[active];
    if (!current) {
      input.removeAttribute("aria-activedescendant");
      return;
    }
    current.element.setAttribute("aria-selected", "true");
    input.setAttribute("aria-activedescendant", current.id);
    current.element.scrollIntoView({ block: "nearest" });
  }

  function choose(index: number): void {
    const item = flat[index];
    if (!item) return;
    chosen = item.option;
    input.value = options.keepChoice ? item.option.label : "";
    close();
    options.onChoose(item.option);
  }

  function render(): void {
    const query = input.value;
    chosen = null;
    flat = [];
    active = -1;
    listbox.replaceChildren();
    if (query.trim() === "") {
      close();
      return;
    }
    const groups = options.source(query).filter((g) => g.options.length > 0);
    if (groups.length === 0) {
      listbox.append(h("div", { class: "listbox-empty", role: "presentation" }, options.emptyText ?? "No matches"));
      open();
      return;
    }
    for (const group of groups) {
      const headingId = uid("group");
      const more = group.count > group.options.length ? ` — showing ${group.options.length}` : "";
      const groupElement = h(
        "div",
        { role: "group", "aria-labelledby": headingId, class: "listbox-group" },
        h("div", { id: headingId, role: "presentation", class: "listbox-heading" }, `${group.heading} (${group.count})${more}`),
      );
      for (const option of group.options) {
        const id = uid("option");
        const index = flat.length;
        const optionElement = h(
          "div",
          {
            role: "option",
            id,
            "aria-selected": "false",
            class: "listbox-option",
            // Choosing on mousedown keeps the input from blurring (and closing) first.
            onMousedown: (event: MouseEvent) => {
              event.preventDefault();
              choose(index);
            },
          },
          h("span", { class: "option-label" }, option.label),
          option.detail ? h("span", { class: "option-detail" }, option.detail) : null,
        );
        flat.push({ id, option, element: optionElement });
        groupElement.append(optionElement);
      }
      listbox.append(groupElement);
    }
    open();
  }

  input.addEventListener("input", render);
  input.addEventListener("focus", () => {
    if (input.value.trim() !== "" && !chosen) render();
  });
  input.addEventListener("blur", () => close());
  input.addEventListener("keydown", (event) => {
    switch (event.key) {
      case "ArrowDown":
        event.preventDefault();
        if (listbox.hidden) render();
        if (flat.length) setActive((active + 1) % flat.length);
        break;
      case "ArrowUp":
        event.preventDefault();
        if (listbox.hidden) render();
        if (flat.length) setActive(active <= 0 ? flat.length - 1 : active - 1);
        break;
      case "Enter":
        if (!listbox.hidden && flat.length) {
          event.preventDefault();
          choose(active >= 0 ? active : 0);
        }
        break;
      case "Escape":
        if (!listbox.hidden) {
          event.preventDefault();
          close();
        } else if (input.value) {
          event.preventDefault();
          input.value = "";
          chosen = null;
        }
        break;
    }
  });

  return {
    element,
    input,
    setValue(text) {
      input.value = text;
      close();
    },
    close,
    get chosen() {
      return chosen;
    },
  };
}
