import type { FieldKind } from '../sources/source';

/**
 * What a column holds, from its header. The matcher weighs a match by it (issue 5, "column
 * semantics"): a name in `navn` is a stronger sign than a name in a note, an address in `To`
 * is the person taking part in the message, and a company name is not a person's name.
 * Extends the adapters' FieldKind with what only the matcher needs.
 */
export type ColumnKind = FieldKind | 'address' | 'company' | 'unknown';

/** Header spelled for lookup: lower case, æøå folded, only letters and digits. */
export function headerKey(header: string): string {
  return header
    .toLowerCase()
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'o')
    .replace(/å/g, 'a')
    .normalize('NFD')
    .replace(/[^a-z0-9]/g, '');
}

const exact: Record<string, ColumnKind> = {};
const put = (kind: ColumnKind, ...keys: string[]) => keys.forEach((k) => (exact[k] = kind));

// Norwegian and English headers seen in CRM, shop and HR exports.
put('name', 'navn', 'fornavn', 'etternavn', 'mellomnavn', 'fulltnavn', 'fulltnavnet', 'kundenavn', 'kontaktperson',
  'kontakt', 'personnavn', 'visningsnavn', 'name', 'firstname', 'lastname', 'middlename', 'fullname', 'surname',
  'givenname', 'familyname', 'contactname', 'contact', 'displayname', 'customername', 'personname', 'fname', 'lname',
  'forename', 'sender', 'recipient', 'avsender', 'mottaker', 'kunde', 'customer',
  // Staff who wrote or handled a record: another person in the subject's row (Art. 15(4)).
  'saksbehandler', 'forfatter', 'ansatt', 'selger', 'author', 'agent', 'createdby', 'opprettetav', 'employee', 'salesrep');
put('email', 'epost', 'epostadresse', 'email', 'emailaddress', 'mail', 'mailadresse', 'emailadresse', 'eml');
put('phone', 'telefon', 'telefonnummer', 'tlf', 'tlfnr', 'mobil', 'mobilnummer', 'mobiltelefon', 'mobilnr',
  'phone', 'phonenumber', 'mobile', 'mobilephone', 'cell', 'cellphone', 'homephone', 'workphone', 'fax', 'telefaks',
  'privattelefon', 'jobbtelefon');
put('nationalId', 'fodselsnummer', 'fodselsnr', 'fnr', 'personnummer', 'personnr', 'pnr', 'dnummer', 'dnr',
  'nationalid', 'nationalidnumber', 'ssn', 'socialsecuritynumber', 'personalnumber', 'personalidnumber', 'idnummer');
put('addressHeader', 'from', 'to', 'cc', 'bcc', 'replyto', 'sender', 'deliveredto', 'returnpath', 'fra', 'til', 'kopi');
put('text', 'notat', 'notater', 'note', 'notes', 'kommentar', 'kommentarer', 'comment', 'comments', 'beskrivelse',
  'description', 'melding', 'message', 'body', 'tekst', 'text', 'fritekst', 'henvendelse', 'sak', 'subject', 'emne',
  'innhold', 'content', 'logg', 'log', 'svar', 'reply', 'attachmentnames');
put('address', 'adresse', 'gateadresse', 'postadresse', 'leveringsadresse', 'fakturaadresse', 'postnr', 'postnummer',
  'poststed', 'sted', 'by', 'kommune', 'address', 'streetaddress', 'street', 'city', 'postalcode', 'postcode', 'zip',
  'zipcode', 'region', 'state', 'country', 'land', 'billingaddress', 'billingcity', 'billingpostalcode',
  'billingstate', 'billingcountry', 'shipaddress', 'shipcity', 'shippostalcode', 'shipregion', 'shipcountry');
put('company', 'firma', 'firmanavn', 'selskap', 'selskapsnavn', 'bedrift', 'arbeidsgiver', 'company', 'companyname',
  'employer', 'organisation', 'organization', 'shipname', 'produktnavn', 'productname', 'brukernavn', 'username',
  'filnavn', 'filename');
put('id', 'id', 'kundenr', 'kundenummer', 'kundeid', 'customerid', 'customernumber', 'userid', 'brukerid', 'ordrenr',
  'ordernumber', 'orderid');

/** Suffixes that give a header's meaning when the whole header is not listed ("Kontakt_epost", "BillingCity"). */
const suffixes: Array<[string, ColumnKind]> = [
  ['epost', 'email'], ['email', 'email'], ['fodselsnummer', 'nationalId'], ['personnummer', 'nationalId'],
  ['telefon', 'phone'], ['phone', 'phone'], ['mobil', 'phone'], ['tlf', 'phone'],
  ['adresse', 'address'], ['address', 'address'], ['postnr', 'address'], ['city', 'address'], ['poststed', 'address'],
  ['firstname', 'name'], ['lastname', 'name'], ['fornavn', 'name'], ['etternavn', 'name'], ['contactname', 'name'],
  ['notat', 'text'], ['note', 'text'], ['notes', 'text'], ['kommentar', 'text'], ['comment', 'text'],
];

/**
 * The kind of a column from the adapter's hint, else from its header. Unlisted headers are
 * "unknown": the matcher then judges by the value (an address in it is still an address).
 */
export function columnKind(header: string, hint: FieldKind | undefined): ColumnKind {
  if (hint) return hint;
  const key = headerKey(header);
  const known = exact[key];
  if (known) return known;
  for (const [suffix, kind] of suffixes) if (key.endsWith(suffix)) return kind;
  return 'unknown';
}

/** Kinds whose values are about one person taking part, as opposed to mentions in prose. */
export function isStructured(kind: ColumnKind): boolean {
  return kind !== 'text';
}
