import type { Subject } from '../../../../shared/subject';
import { phone, type Person } from './people';
import type { Rng } from './rng';

/**
 * The person the benchmark searches for. Her identifiers are planted in every data set in
 * the forms real exports hold them (upper case, spaced phone, ID split in free text), next
 * to namesakes the generator produces on its own (same name, other e-mail).
 */
export const benchSubject: Subject = {
  names: ['Sunniva Bjørnstad'],
  emails: ['sunniva.bjornstad@example.no'],
  phones: ['91345678'],
  nationalIds: ['15038541215'],
  others: [],
};

export const subjectPerson: Person = {
  first: 'Sunniva',
  last: 'Bjørnstad',
  email: 'sunniva.bjornstad@example.no',
  phone: '913 45 678',
  nationalId: '15038541215',
  postcode: '0150',
  city: 'OSLO',
};

/** How the subject appears in one planted row, cycling through the forms a search must catch. */
export function plantedVariant(k: number, rng: Rng, base: Person): { person: Person; note?: string } {
  const s = subjectPerson;
  switch (k % 5) {
    case 0:
      return { person: { ...s, phone: phone(rng, '91345678') } };
    case 1:
      return { person: { ...base, email: s.email.toUpperCase() } };
    case 2:
      return { person: base, note: `Ring Sunniva tilbake på +47 913 45 678` };
    case 3:
      return { person: base, note: `Legitimert med fnr 150385 41215` };
    default:
      return { person: { ...base, first: 'SUNNIVA', last: 'BJØRNSTAD', email: s.email } };
  }
}
