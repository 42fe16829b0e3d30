import { htmlToText } from '../../sources/mail/html-text';
import type { MailAttachment, ParsedMail } from '../../sources/mail/parse-message';
import { shownFields } from '../../sources/mail/shown-fields';
import type { LightMail } from './mail-light-parse';

/**
 * The ParsedMail parseMessage makes of a message lightParse could read, built by the same
 * rules (the HTML kept as a second body when some part is text/plain, converted by the same
 * html-to-text), so toSourceRecord gives the same record: the mail workers use it for the
 * few messages the pre-check cannot rule out. `attachments` carry their extracted texts;
 * `structure` is left empty, as the record does not use it.
 */
export function lightParsedMail(light: LightMail, attachments: MailAttachment[], problems: string[]): ParsedMail {
  const mail: ParsedMail = {
    ...(light.messageId ? { messageId: light.messageId } : {}),
    date: light.date,
    subject: light.subject,
    addresses: light.addresses,
    displayHeaders: light.displayHeaders,
    body: null,
    htmlBody: null,
    attachments,
    attached: [],
    structure: [],
    problems,
    fields: {},
  };
  if (light.html && light.hasPlainPart) {
    mail.body = light.text;
    mail.htmlBody = htmlToText(light.html);
  } else if (light.html) {
    mail.body = htmlToText(light.html);
  } else {
    mail.body = light.text;
  }
  mail.fields = shownFields(mail);
  return mail;
}
