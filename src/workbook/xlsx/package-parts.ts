/**
 * The package-level bookkeeping of an .xlsx (Open Packaging Conventions): a part's relationships
 * (`_rels/*.rels`) and the content type of every part (`[Content_Types].xml`), read and edited as
 * lists and written back whole.
 */
import type JSZip from 'jszip';
import { escapeXml, partName, readOptionalPart, relsPathOf, startTags } from './write-xml';

interface Relationship {
  readonly id: string;
  readonly type: string;
  /** The package path of an internal target; the target as written for an external one. */
  readonly target: string;
  readonly external: boolean;
}

const RELATIONSHIPS_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';

/** The package path a relationship target names, relative to the part `source` ("" for the package). */
export function resolvePartTarget(source: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = source.split('/').slice(0, -1);
  for (const piece of target.split('/')) {
    if (piece === '..') parts.pop();
    else if (piece !== '.' && piece !== '') parts.push(piece);
  }
  return parts.join('/');
}

/** The relationships of one part. */
export class PackageRelations {
  private constructor(
    private readonly source: string,
    private readonly rels: Relationship[],
  ) {}

  static empty(source: string): PackageRelations {
    return new PackageRelations(source, []);
  }

  static async read(zip: JSZip, source: string): Promise<PackageRelations> {
    const xml = await readOptionalPart(zip, relsPathOf(source));
    const rels = startTags(xml ?? '', 'Relationship').map(({ attributes }) => {
      const external = attributes.TargetMode === 'External';
      const target = attributes.Target ?? '';
      return { id: attributes.Id ?? '', type: attributes.Type ?? '', target: external ? target : resolvePartTarget(source, target), external };
    });
    return new PackageRelations(source, rels);
  }

  get size(): number {
    return this.rels.length;
  }

  all(): readonly Relationship[] {
    return this.rels;
  }

  byId(id: string): Relationship | undefined {
    return this.rels.find((r) => r.id === id);
  }

  targetOfType(type: string): string | undefined {
    return this.rels.find((r) => r.type === type && !r.external)?.target;
  }

  /** Adds an internal relationship to `target` and returns its new id. */
  add(type: string, target: string): string {
    const taken = new Set(this.rels.map((r) => r.id));
    let n = this.rels.length + 1;
    while (taken.has(`rId${n}`)) n++;
    const id = `rId${n}`;
    this.rels.push({ id, type, target, external: false });
    return id;
  }

  addRaw(rel: Relationship): void {
    this.rels.push(rel);
  }

  removeTarget(target: string): void {
    const key = target.toLowerCase();
    for (let i = this.rels.length - 1; i >= 0; i--) if (!this.rels[i].external && this.rels[i].target.toLowerCase() === key) this.rels.splice(i, 1);
  }

  write(zip: JSZip): void {
    const items = this.rels.map((r) => {
      const target = r.external ? r.target : relativeTarget(this.source, r.target);
      const mode = r.external ? ' TargetMode="External"' : '';
      return `<Relationship Id="${escapeXml(r.id)}" Type="${escapeXml(r.type)}" Target="${escapeXml(target)}"${mode}/>`;
    });
    zip.file(
      partName(zip, relsPathOf(this.source)),
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${RELATIONSHIPS_NS}">${items.join('')}</Relationships>`,
    );
  }
}

/** `target` written relative to the folder of `source`, as Excel writes targets. */
function relativeTarget(source: string, target: string): string {
  const from = source.split('/').slice(0, -1);
  const to = target.split('/');
  let common = 0;
  while (common < from.length && common < to.length - 1 && from[common] === to[common]) common++;
  return [...from.slice(common).map(() => '..'), ...to.slice(common)].join('/');
}

/** A sheet listed in workbook.xml, with its start tag and the part its relationship names. */
export interface SheetPart {
  readonly name: string;
  readonly tag: string;
  readonly path: string;
  /** The relationship type: a worksheet, or a chart sheet or dialog sheet. */
  readonly type: string;
}

export const WORKSHEET_RELATIONSHIP = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet';

/** The sheets of a workbook.xml in tab order, each with the part its relationship in `rels` names. */
export function workbookSheets(workbookXml: string, rels: PackageRelations): SheetPart[] {
  const sheets: SheetPart[] = [];
  for (const sheet of startTags(workbookXml, 'sheet')) {
    const relId = Object.entries(sheet.attributes).find(([k]) => /(^|:)id$/.test(k))?.[1];
    const rel = relId === undefined ? undefined : rels.byId(relId);
    if (rel && !rel.external && sheet.attributes.name !== undefined) {
      sheets.push({ name: sheet.attributes.name, tag: sheet.tag, path: rel.target, type: rel.type });
    }
  }
  return sheets;
}

/** Each sheet of the workbook in a package, in tab order, with the path of its part. */
export async function sheetParts(zip: JSZip): Promise<SheetPart[]> {
  const workbookXml = (await readOptionalPart(zip, 'xl/workbook.xml')) ?? '';
  return workbookSheets(workbookXml, await PackageRelations.read(zip, 'xl/workbook.xml'));
}

/** A package's content types, edited in memory and written back whole. */
export interface ContentTypes {
  override(part: string, contentType: string): void;
  remove(part: string): void;
  write(target: JSZip): void;
}

/** [Content_Types].xml: defaults by extension stay as they are; overrides by part are edited. */
export async function contentTypes(zip: JSZip): Promise<ContentTypes> {
  const path = '[Content_Types].xml';
  const xml = (await readOptionalPart(zip, path)) ?? '';
  // Part names are compared case-insensitively (Open Packaging Conventions): one override per part,
  // kept under the part name as the package first spelt it.
  const overrides = new Map<string, { partName: string; contentType: string }>();
  for (const { attributes } of startTags(xml, 'Override')) {
    if (attributes.PartName !== undefined)
      overrides.set(attributes.PartName.toLowerCase(), { partName: attributes.PartName, contentType: attributes.ContentType ?? '' });
  }
  const defaults = startTags(xml, 'Default').map((d) => d.tag.replace(/\s*\/?>$/, '/>'));
  return {
    override(part: string, contentType: string): void {
      const key = `/${part}`.toLowerCase();
      overrides.set(key, { partName: overrides.get(key)?.partName ?? `/${part}`, contentType });
    },
    remove(part: string): void {
      overrides.delete(`/${part}`.toLowerCase());
    },
    write(target: JSZip): void {
      const items = [...overrides.values()].map(
        ({ partName, contentType }) => `<Override PartName="${escapeXml(partName)}" ContentType="${escapeXml(contentType)}"/>`,
      );
      target.file(
        path,
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">${defaults.join('')}${items.join('')}</Types>`,
      );
    },
  };
}
