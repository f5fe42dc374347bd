/**
 * Markup compatibility processing (ECMA-376 Part 3), as a consumer that understands only the namespaces
 * it has schemas for: what a part looks like to such a consumer before it validates it.
 *
 *   - an element or attribute in a namespace named by mc:Ignorable (in scope) that the consumer does not
 *     understand is removed; one named by mc:ProcessContent too, its children kept in its place;
 *   - mc:AlternateContent is replaced by the children of its first mc:Choice whose Requires prefixes
 *     all name understood namespaces, else of its mc:Fallback, else by nothing;
 *   - mc:MustUnderstand naming a namespace not understood is an error (Excel refuses the part);
 *   - the mc attributes themselves are removed.
 *
 * Excel understands more namespaces than the ECMA schemas cover (x14, x14ac, xr…); for those it takes
 * the Choice where this takes the Fallback, so the Fallback is what gets validated here: the content a
 * consumer of the standard sees, which is what a package must keep valid.
 */
import { JSDOM } from 'jsdom';

export const MC_NS = 'http://schemas.openxmlformats.org/markup-compatibility/2006';
const XMLNS_NS = 'http://www.w3.org/2000/xmlns/';

export interface CompatibilityResult {
  /** The processed part, serialised. */
  readonly xml: string;
  /** mc:MustUnderstand of a namespace not understood, and similar. */
  readonly problems: string[];
}

let dom: JSDOM | undefined;
function window(): JSDOM['window'] {
  dom ??= new JSDOM('');
  return dom.window;
}

/** Parses XML namespace-aware; throws with the parser's message when it is not well-formed. */
export function parseXml(xml: string, label = 'part'): Document {
  const doc = new (window().DOMParser)().parseFromString(xml, 'application/xml');
  const error = doc.getElementsByTagName('parsererror')[0];
  if (error) throw new Error(`${label} is not well-formed XML: ${error.textContent?.slice(0, 300)}`);
  return doc;
}

export function serializeXml(doc: Document): string {
  return new (window().XMLSerializer)().serializeToString(doc);
}

function prefixesToNamespaces(element: Element, value: string | null, problems: string[], what: string): string[] {
  if (!value) return [];
  return value
    .trim()
    .split(/\s+/)
    .filter(Boolean)
    .map((prefix) => {
      const ns = element.lookupNamespaceURI(prefix);
      if (!ns) problems.push(`${what} names prefix "${prefix}" with no namespace declared`);
      return ns ?? `urn:undeclared:${prefix}`;
    });
}

/** ProcessContent takes qualified names ("w:elem" or "w:*"); kept as namespace + local ("*" for any). */
function processContentNames(element: Element, value: string | null, problems: string[]): { ns: string; local: string }[] {
  if (!value) return [];
  return value
    .trim()
    .split(/\s+/)
    .filter(Boolean)
    .map((qname) => {
      const [prefix, local] = qname.split(':');
      const ns = element.lookupNamespaceURI(prefix);
      if (!ns) problems.push(`mc:ProcessContent names prefix "${prefix}" with no namespace declared`);
      return { ns: ns ?? `urn:undeclared:${prefix}`, local: local ?? '*' };
    });
}

interface Scope {
  readonly ignorable: ReadonlySet<string>;
  readonly processContent: readonly { ns: string; local: string }[];
}

/** Applies markup compatibility to `doc` in place for a consumer understanding `understood`. */
export function processCompatibility(doc: Document, understood: ReadonlySet<string>): string[] {
  const problems: string[] = [];
  const root = doc.documentElement;
  visit(root, { ignorable: new Set(), processContent: [] });
  return problems;

  function scopeOf(element: Element, outer: Scope): Scope {
    const ignorable = new Set(outer.ignorable);
    for (const ns of prefixesToNamespaces(element, element.getAttributeNS(MC_NS, 'Ignorable'), problems, 'mc:Ignorable')) {
      if (!understood.has(ns)) ignorable.add(ns);
    }
    for (const ns of prefixesToNamespaces(element, element.getAttributeNS(MC_NS, 'MustUnderstand'), problems, 'mc:MustUnderstand')) {
      if (!understood.has(ns)) problems.push(`<${element.tagName}> must be understood in namespace ${ns}, which is not`);
    }
    const processContent = [...outer.processContent, ...processContentNames(element, element.getAttributeNS(MC_NS, 'ProcessContent'), problems)];
    return { ignorable, processContent };
  }

  function visit(element: Element, outer: Scope): void {
    const scope = scopeOf(element, outer);
    for (const attribute of [...element.attributes]) {
      if (attribute.namespaceURI === XMLNS_NS || attribute.namespaceURI === null) continue;
      if (attribute.namespaceURI === MC_NS || scope.ignorable.has(attribute.namespaceURI)) {
        element.removeAttributeNS(attribute.namespaceURI, attribute.localName);
      }
    }
    let child = element.firstElementChild;
    while (child) {
      const next = child.nextElementSibling;
      handleChild(child, scope);
      child = next;
    }
  }

  function replaceWithChildren(element: Element, scope: Scope): void {
    const parent = element.parentNode!;
    const moved = [...element.childNodes];
    for (const node of moved) parent.insertBefore(node, element);
    parent.removeChild(element);
    for (const node of moved) if (node.nodeType === 1) handleChild(node as Element, scope);
  }

  function handleChild(child: Element, scope: Scope): void {
    const ns = child.namespaceURI ?? '';
    if (ns === MC_NS && child.localName === 'AlternateContent') {
      const inner = scopeOf(child, scope);
      const branches = [...child.children].filter((c) => c.namespaceURI === MC_NS);
      const chosen =
        branches.find(
          (b) =>
            b.localName === 'Choice' && prefixesToNamespaces(b, b.getAttribute('Requires'), problems, 'mc:Choice Requires').every((n) => understood.has(n)),
        ) ?? branches.find((b) => b.localName === 'Fallback');
      if (!chosen) {
        child.parentNode!.removeChild(child);
        return;
      }
      // The chosen branch's content takes the AlternateContent's place; its namespace declarations
      // were on the removed elements, so copy them to the moved children.
      const moved = [...chosen.childNodes];
      for (const node of moved) {
        if (node.nodeType === 1) copyDeclarations([child, chosen], node as Element);
        child.parentNode!.insertBefore(node, child);
      }
      child.parentNode!.removeChild(child);
      for (const node of moved) if (node.nodeType === 1) handleChild(node as Element, scopeOf(chosen, inner));
      return;
    }
    if (ns === MC_NS) {
      problems.push(`stray mc:${child.localName} outside mc:AlternateContent`);
      child.parentNode!.removeChild(child);
      return;
    }
    if (scope.ignorable.has(ns)) {
      if (scope.processContent.some((p) => p.ns === ns && (p.local === '*' || p.local === child.localName))) replaceWithChildren(child, scope);
      else child.parentNode!.removeChild(child);
      return;
    }
    visit(child, scope);
  }
}

function copyDeclarations(from: Element[], to: Element): void {
  for (const source of from) {
    for (const attribute of [...source.attributes]) {
      if (attribute.namespaceURI !== XMLNS_NS) continue;
      if (!to.hasAttributeNS(XMLNS_NS, attribute.localName)) to.setAttributeNS(XMLNS_NS, attribute.name, attribute.value);
    }
  }
}

/** Parses, processes and serialises one part. */
export function applyMarkupCompatibility(xml: string, understood: ReadonlySet<string>, label?: string): CompatibilityResult {
  const doc = parseXml(xml, label);
  const problems = processCompatibility(doc, understood);
  return { xml: serializeXml(doc), problems };
}
