import { DATA_FORMAT } from './data-json';

/**
 * JSON Schema (2020-12) for data/data.json, so another controller can import the data
 * (Art. 20(2)). Tested against real packages with ajv; keep the two in step.
 */
const cell = { type: ['string', 'number', 'boolean', 'null'] };

const location = {
  description: 'Where the record is in the source, precisely enough to find it again.',
  oneOf: [
    {
      title: 'Row in a file (CSV)',
      type: 'object',
      required: ['table', 'record', 'line'],
      properties: {
        table: { type: 'string' },
        record: { type: 'integer', minimum: 1, description: '1-based record number, header excluded.' },
        line: { type: 'integer', minimum: 1, description: '1-based line where the record starts.' },
      },
    },
    {
      title: 'Row in a database table',
      type: 'object',
      required: ['table', 'key'],
      properties: { table: { type: 'string' }, key: { type: 'object', additionalProperties: { type: ['string', 'number', 'null'] } } },
    },
    {
      title: 'E-mail message',
      type: 'object',
      required: ['file'],
      properties: {
        file: { type: 'string', description: 'Mailbox file, relative to the mailbox source.' },
        index: { type: 'integer', minimum: 0, description: '0-based position in an mbox file.' },
        messageId: { type: 'string' },
        folder: { type: 'string' },
        bytes: { type: 'array', items: { type: 'integer', minimum: 0 }, minItems: 2, maxItems: 2 },
      },
    },
  ],
};

const recordProperties = {
  hitId: { type: 'string', description: 'Stable id of the record in Innsyn.' },
  location,
  confidence: { enum: ['high', 'medium', 'low'], description: 'How sure Innsyn is that the record concerns the subject.' },
  score: { type: 'number', minimum: 0, maximum: 1 },
  reasons: { type: 'array', items: { type: 'string' }, description: 'Why the record matched, in words.' },
  matches: {
    type: 'array',
    items: {
      type: 'object',
      required: ['field', 'kind', 'value'],
      properties: {
        field: { type: 'string' },
        kind: { enum: ['name', 'email', 'phone', 'nationalId', 'other'] },
        value: { type: 'string' },
      },
    },
  },
  relatedTo: { type: 'string', description: 'hitId of the record this one was reached from by a key or link.' },
  record: {
    type: 'object',
    additionalProperties: cell,
    description: 'The record’s fields as stored in the source. SQL dates are ISO 8601 strings in UTC; CSV values are strings as written.',
  },
  redacted: {
    type: 'array',
    description: 'Fields redacted to protect other people (GDPR Art. 15(4)): removed, masked, or with text spans masked.',
    items: {
      type: 'object',
      required: ['field', 'action'],
      properties: { field: { type: 'string' }, action: { enum: ['remove', 'mask', 'mask-text'] } },
    },
  },
};
const required = ['hitId', 'location', 'confidence', 'score', 'reasons', 'matches', 'record'];

export const dataSchema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: `urn:innsyn:${DATA_FORMAT}`,
  title: 'Personal data export (GDPR Art. 15 and 20)',
  type: 'object',
  required: ['format', 'generatedAt', 'caseRef', 'subject', 'sources'],
  additionalProperties: false,
  properties: {
    format: { const: DATA_FORMAT },
    generatedAt: { type: 'string', format: 'date-time' },
    caseRef: { type: ['string', 'null'] },
    subject: {
      type: 'object',
      description: 'The identifiers the search used.',
      properties: Object.fromEntries(
        ['names', 'emails', 'phones', 'nationalIds', 'others'].map((k) => [k, { type: 'array', items: { type: 'string' } }]),
      ),
    },
    sources: {
      type: 'array',
      description: 'Every source searched, in workspace order, including those where nothing was found.',
      items: {
        type: 'object',
        required: ['id', 'label', 'kind', 'tables', 'messages'],
        additionalProperties: false,
        properties: {
          id: { type: 'string' },
          label: { type: 'string' },
          kind: { type: 'string', examples: ['csv', 'sqlite', 'postgres', 'mysql', 'mailbox'] },
          tables: {
            type: 'array',
            items: {
              type: 'object',
              required: ['name', 'records'],
              additionalProperties: false,
              properties: {
                name: { type: 'string' },
                records: { type: 'array', items: { type: 'object', required, additionalProperties: false, properties: recordProperties } },
              },
            },
          },
          messages: {
            type: 'array',
            description: 'E-mail messages; the record holds from/to/cc/date/subject, the original (when the package holds originals) is at `eml`.',
            items: {
              type: 'object',
              required: [...required, 'eml'],
              additionalProperties: false,
              properties: {
                ...recordProperties,
                eml: { type: ['string', 'null'], description: 'Path of the original message (.eml) in this package; null when the package holds no originals (exported without eml) or this one was withheld.' },
                originalWithheld: {
                  const: true,
                  description: 'The original was left out because parts of it were redacted; the fields above are redacted.',
                },
              },
            },
          },
        },
      },
    },
  },
} as const;
