import { parsePhoneNumberFromString } from 'libphonenumber-js';
import type { IdentifierHow } from '../../../shared/reason';
import { digitsOnly } from './digit-groups';

/** One digit string a phone number may appear as, and how to explain the match. */
export interface PhoneForm {
  digits: string;
  /** The phone as the DPO gave it. */
  given: string;
  /** The national number: every form contains it, so it is the prefilter's digit term. */
  core: string;
  /** E.164 normalised, or digit by digit as given. */
  how: IdentifierHow;
}

/**
 * The ways one number is written (domain guide: `+47 913 45 678`, `0047 91345678`,
 * `913 45 678`, `91 34 56 78` are one number). Parsed with libphonenumber-js, default region
 * NO. A number libphonenumber cannot confirm (old formats such as `07-98 92 35`) is compared
 * digit by digit as given.
 */
export function phoneForms(given: string): PhoneForm[] {
  const raw = digitsOnly(given);
  const parsed = parsePhoneNumberFromString(given, 'NO');
  const forms: PhoneForm[] = [];
  if (parsed?.isValid()) {
    const nsn = parsed.nationalNumber;
    const cc = parsed.countryCallingCode;
    const how = 'e164';
    forms.push({ digits: cc + nsn, given, core: nsn, how }, { digits: `00${cc}${nsn}`, given, core: nsn, how });
    // Written without the country code: Norway has no trunk prefix; most other countries add a 0.
    forms.push({ digits: cc === '47' ? nsn : `0${nsn}`, given, core: nsn, how });
  }
  if (raw.length > 0 && !forms.some((f) => f.digits === raw)) {
    forms.push({ digits: raw, given, core: raw, how: 'digitByDigit' });
  }
  return forms;
}
