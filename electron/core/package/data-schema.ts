import { DATA_FORMAT } from './data-json';

const cell = { type: ['string', 'number', 'boolean', 'null'] };

const recordEntry = {
  type: 'object',
  required: ['hitId', 'location', 'confidence', 'score', 'reasons', 'matches', 'record'],
  properties: {
    hitId: { type: 'string', description: 'Stable id of the hit in Innsyn.' },
    location: {
      type: 'object',
      description:
        'Where the record is in the source: {table, record, line} for CSV (1-based, header excluded), {table, key} for databases, {file, index?, messageId?} for e-mail.',
    },
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
    relatedTo: { type: 'string', description: 'hitId of the record this one was reached from by a key.' },
    record: { type: 'object', additionalProperties: cell, description: 'The record’s fields as stored in the source.' },
  },
};

/** JSON Schema (2020-12) for data/data.json, so another controller can import the data (Art. 20(2)). */
export const dataSchema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: `urn:innsyn:${DATA_FORMAT}`,
  title: 'Personal data export (GDPR Art. 15 and 20)',
  type: 'object',
  required: ['format', 'generatedAt', 'subject', 'sources'],
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
      items: {
        type: 'object',
        required: ['id', 'label', 'kind', 'tables', 'messages'],
        properties: {
          id: { type: 'string' },
          label: { type: 'string' },
          kind: { enum: ['csv', 'sqlite', 'postgres', 'mysql', 'mailbox'] },
          tables: {
            type: 'array',
            items: {
              type: 'object',
              required: ['name', 'records'],
              properties: { name: { type: 'string' }, records: { type: 'array', items: recordEntry } },
            },
          },
          messages: {
            type: 'array',
            items: {
              ...recordEntry,
              properties: {
                ...recordEntry.properties,
                eml: { type: ['string', 'null'], description: 'Path of the original message in this package.' },
              },
            },
          },
        },
      },
    },
  },
} as const;
