/** One MIME part in document order, as MimeKit's test summaries list them. */
export interface MimePart {
  type: string;
  depth: number;
}

/**
 * The parts of postal-mime's node tree that we read. postal-mime does not document its tree,
 * so every field is optional and checked: if a release renames them we lose the structure
 * and the problem checks below, never the decoded text.
 */
export interface MimeNodeView {
  contentType?: { parsed?: { value?: string | false; params?: Record<string, string> }; multipart?: string | false };
  contentTransferEncoding?: { value?: string };
  childNodes?: MimeNodeView[];
}

/** Only plain type names go into problem texts: a mangled header could hold anything. */
const SAFE_TYPE = /^[a-z0-9.+-]{1,40}\/[a-z0-9.+-]{1,60}$/;

const knownCharsets = new Map<string, boolean>();

/** True when TextDecoder (Node's ICU) can decode the charset; postal-mime silently uses Windows-1252 otherwise. */
export function charsetKnown(charset: string): boolean {
  const key = charset.trim().toLowerCase();
  let known = knownCharsets.get(key);
  if (known === undefined) {
    try {
      new TextDecoder(key);
      known = true;
    } catch {
      known = false;
    }
    knownCharsets.set(key, known);
  }
  return known;
}

/**
 * Lists the parts and notes what looks broken: a multipart without parts (a boundary that
 * never occurs), a missing boundary, a charset nobody knows. `attached` holds the structures
 * of message/rfc822 parts, in document order, parsed separately by the caller.
 */
export function describeStructure(
  root: MimeNodeView | undefined,
  attached: ReadonlyArray<MimePart[] | undefined>,
): { parts: MimePart[]; problems: string[] } {
  const parts: MimePart[] = [];
  const problems = new Set<string>();
  let attachedIndex = 0;
  const walk = (node: MimeNodeView, depth: number) => {
    const type = typeOf(node);
    parts.push({ type, depth });
    const named = SAFE_TYPE.test(type) ? type : 'a multipart';
    const params = node.contentType?.parsed?.params ?? {};
    const children = node.childNodes ?? [];
    if (type.startsWith('multipart/')) {
      if (!params.boundary) problems.add(`${named} part has no boundary parameter; its contents were read as one part`);
      else if (children.length === 0) problems.add(`${named} part has no parts: the boundary never occurs in the body`);
    }
    if (params.charset && !charsetKnown(params.charset)) {
      const charset = /^[\w.:-]{1,40}$/.test(params.charset) ? `"${params.charset}"` : '(unreadable name)';
      problems.add(`charset ${charset} is not known; the text was decoded as Windows-1252 and may contain wrong letters`);
    }
    if (type === 'message/rfc822' && children.length === 0) {
      const inner = attached[attachedIndex++];
      for (const p of inner ?? []) parts.push({ type: p.type, depth: p.depth + depth + 1 });
    }
    for (const child of children) walk(child, depth + 1);
  };
  if (root) walk(root, 0);
  return { parts, problems: [...problems] };
}

function typeOf(node: MimeNodeView): string {
  const value = node.contentType?.parsed?.value;
  return typeof value === 'string' && value ? value : 'text/plain';
}
