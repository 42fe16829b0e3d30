import type { Subject } from '../../../shared/subject';

/**
 * The synthetic subject: Norwegian letters in both names, a double surname, an address, two
 * e-mail addresses, and identifiers in the forms a DPO would type them. She is invented.
 */
export const syntheticSubject: Subject = {
  names: ['Åse Ødegård-Bakken'],
  emails: ['aase.oedegaard@gmail.com', 'ase.odegard-bakken@firma.no'],
  phones: ['+47 913 45 678'],
  nationalIds: ['150385 41215'],
  others: ['K-100234', 'aseob'],
  addresses: ['Storgata 12, 9008 Tromsø'],
};

/** Her namesake: same name, different everything else. */
export const namesake = {
  email: 'ase.bakken@online.no',
  phone: '482 11 334',
  nationalId: '13097248022',
};
