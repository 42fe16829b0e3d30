import { Option, type Command } from 'commander';
import { ChannelSchema, RequestTypeSchema, type Channel, type RequestType } from '../../../shared/case';
import { firstDeadline } from '../../core/cases/deadline';
import { addMonths, formatDate, parseDate } from '../../core/cases/calendar-date';
import { subjectFrom } from '../subject-options';
import { collect, jsonOption, print, withRegister } from './case-shared';

interface AddOptions {
  name?: string[];
  email?: string[];
  phone?: string[];
  nationalId?: string[];
  other?: string[];
  type?: RequestType[];
  channel: Channel;
  received?: string;
  note?: string;
  json?: boolean;
}

/** `innsyn case add`: register a request and print its Art. 12(3) deadline. */
export function registerCaseAdd(cases: Command, dataDir: () => string): void {
  cases
    .command('add')
    .description('register a new request and print its deadline')
    .option('--name <name>', 'the person’s name (repeatable)', collect)
    .option('--email <address>', 'e-mail address (repeatable)', collect)
    .option('--phone <number>', 'phone number (repeatable)', collect)
    .option('--national-id <number>', 'fødselsnummer or D-nummer (repeatable)', collect)
    .option('--other <token>', 'customer number, username, ... (repeatable)', collect)
    .addOption(new Option('--type <type>', 'what the person asks for (repeatable; default: access)').choices(RequestTypeSchema.options).argParser(collect))
    .addOption(new Option('--channel <channel>', 'how the request arrived').choices(ChannelSchema.options).makeOptionMandatory())
    .option('--received <YYYY-MM-DD>', 'the day the request arrived (default: today)')
    .option('--note <text>', 'a free note')
    .addOption(jsonOption())
    .action(async (opts: AddOptions) => {
      const subject = subjectFrom(opts);
      const created = await withRegister(dataDir(), (reg) =>
        reg.create({ subject, types: opts.type ?? ['access'], channel: opts.channel, received: opts.received, note: opts.note }),
      );
      print(opts.json, created, () => {
        const plain = formatDate(addMonths(parseDate(created.received), 1));
        const moved = plain !== firstDeadline(created.received) ? ` (${plain} is not a working day, so it moves to the next one)` : '';
        return `Registered case ${created.ref}, received ${created.received}.\nDeadline: ${created.deadline}${moved}.\n`;
      });
    });
}
