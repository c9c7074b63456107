import { XMLParser } from 'fast-xml-parser';

/**
 * Reading autoconfig XML (the domain's own file, the online ISPDB, and the ISPDB importer) as an
 * ordered element tree, with entity processing off: a provider file never needs more than XML's
 * five predefined entities and character references, which decodeXmlText handles, and a DTD could
 * define anything else. Callers refuse DTDs before parsing.
 */

export type XmlNode = Record<string, unknown>;

const parser = new XMLParser({
  preserveOrder: true,
  processEntities: false,
  htmlEntities: false,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseTagValue: false,
  parseAttributeValue: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
});

export function parseXmlTree(xml: string): XmlNode[] {
  return parser.parse(xml) as XmlNode[];
}

const PREDEFINED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Character references and the predefined entities resolved, control characters and runs of blanks made one space. */
export function decodeXmlText(raw: string, maxLength = Infinity): string {
  return raw
    .replace(/&(?:#x([0-9a-f]{1,6})|#([0-9]{1,7})|([a-z]{2,4}));/gi, (whole, hex: string | undefined, dec: string | undefined, name: string | undefined) => {
      if (name !== undefined) return PREDEFINED[name] ?? whole;
      const code = hex !== undefined ? parseInt(hex, 16) : parseInt(dec ?? '', 10);
      // fromCodePoint throws past U+10FFFF; such a reference is left as written.
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    })
    .replace(/[\u0000-\u001f\u007f-\u009f]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, maxLength);
}

/** preserveOrder gives each element as { tag: children[], ':@': attributes }; these read that shape. */
export function tagOf(node: XmlNode): string | undefined {
  return Object.keys(node).find((k) => k !== ':@');
}
export function childrenOf(node: XmlNode): XmlNode[] {
  const tag = tagOf(node);
  const value = tag === undefined ? undefined : node[tag];
  return Array.isArray(value) ? (value as XmlNode[]) : [];
}
export function named(nodes: readonly XmlNode[], tag: string): XmlNode[] {
  return nodes.filter((n) => tagOf(n) === tag);
}
export function attributeOf(node: XmlNode, name: string, maxLength = Infinity): string | undefined {
  const value = (node[':@'] as Record<string, unknown> | undefined)?.[name];
  return typeof value === 'string' ? decodeXmlText(value, maxLength) : undefined;
}
export function textOf(node: XmlNode, maxLength = Infinity): string {
  return decodeXmlText(
    childrenOf(node)
      .map((c) => (typeof c['#text'] === 'string' ? c['#text'] : ''))
      .join(''),
    maxLength,
  );
}
export function childText(node: XmlNode, tag: string, maxLength = Infinity): string | undefined {
  const found = named(childrenOf(node), tag)[0];
  return found === undefined ? undefined : textOf(found, maxLength);
}
