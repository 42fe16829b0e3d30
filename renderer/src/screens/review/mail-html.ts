/** Elements that can run code, load other documents or submit data: dropped with their content. */
const DROP = 'script, style, iframe, frame, frameset, object, embed, applet, link, meta, base, form, input, button, select, textarea, svg, math, template, noscript, audio, video, source, track, portal';
const URL_ATTRS = ['href', 'src', 'srcset', 'action', 'formaction', 'background', 'poster', 'xlink:href', 'ping', 'lowsrc', 'dynsrc', 'longdesc', 'cite'];

/**
 * Defence in depth in front of the sandboxed frame: the message HTML is parsed into an inert
 * document (DOMParser runs nothing and loads nothing), everything active is taken out, and
 * links keep their text but lose their target, so clicking one goes nowhere. Inline data:
 * images stay; anything remote is removed.
 */
export function inertMailHtml(html: string): string {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  doc.querySelectorAll(DROP).forEach((el) => el.remove());
  doc.querySelectorAll('*').forEach((el) => {
    for (const attr of [...el.attributes]) {
      const name = attr.name.toLowerCase();
      const remote = URL_ATTRS.includes(name) && !(name === 'src' && el.tagName === 'IMG' && attr.value.trim().startsWith('data:image/'));
      if (name.startsWith('on') || name === 'style' || remote) el.removeAttribute(attr.name);
    }
  });
  return doc.body.innerHTML;
}
