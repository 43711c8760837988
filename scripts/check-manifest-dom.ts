// Small DOM helpers the offline manifest checks share (check-manifest.ts, check-manifest-events.ts).
import type { Element as XmlElement, Node as XmlNode } from '@xmldom/xmldom';

export const NS_XSI = 'http://www.w3.org/2001/XMLSchema-instance';

export type Report = (where: string, message: string) => void;

export function children(el: XmlElement, name?: string): XmlElement[] {
  const out: XmlElement[] = [];
  for (let n: XmlNode | null = el.firstChild; n; n = n.nextSibling) {
    if (n.nodeType === n.ELEMENT_NODE) {
      const e = n as XmlElement;
      if (name === undefined || e.localName === name) out.push(e);
    }
  }
  return out;
}

export function descendants(el: XmlElement, name?: string): XmlElement[] {
  const out: XmlElement[] = [];
  for (const c of children(el)) {
    if (name === undefined || c.localName === name) out.push(c);
    out.push(...descendants(c, name));
  }
  return out;
}

export function text(el: XmlElement | undefined): string {
  return (el?.textContent ?? '').trim();
}

export function xsiType(el: XmlElement): string | null {
  return el.getAttributeNS(NS_XSI, 'type');
}

export function pathOf(el: XmlElement): string {
  const parts: string[] = [];
  for (let n: XmlNode | null = el; n && n.nodeType === n.ELEMENT_NODE; n = n.parentNode) {
    const e = n as XmlElement;
    const id = e.getAttribute('id');
    const type = xsiType(e);
    parts.unshift(`${e.localName}${id ? `#${id}` : type ? `[${type}]` : ''}`);
  }
  return parts.join('/');
}

/** Descendants that belong to this VersionOverrides, not to one nested inside it. */
export function ownDescendants(vo: XmlElement, name: string): XmlElement[] {
  const out: XmlElement[] = [];
  const walk = (el: XmlElement): void => {
    for (const c of children(el)) {
      if (c.localName === 'VersionOverrides') continue;
      if (c.localName === name) out.push(c);
      walk(c);
    }
  };
  walk(vo);
  return out;
}

export function resourcesIn(vo: XmlElement, collection: string): Map<string, XmlElement> {
  const map = new Map<string, XmlElement>();
  for (const resources of children(vo, 'Resources')) {
    for (const coll of children(resources, collection)) {
      for (const item of children(coll)) map.set(item.getAttribute('id') ?? '', item);
    }
  }
  return map;
}
