// Validates exports against the shipped JSON Schema with ajv.
import Ajv from 'ajv';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';

const schema = JSON.parse(readFileSync(path.resolve(__dirname, '../../schemas/articles-1.schema.json'), 'utf8')) as object;
const ajv = new Ajv({ allErrors: true, strict: true, strictRequired: false });
ajv.addSchema(schema, 'articles');
const validateDoc = ajv.getSchema('articles')!;
const validateLine = ajv.compile({ $ref: 'articles#/definitions/articleLine' });

export function assertValidDocument(doc: unknown): void {
  if (!validateDoc(doc)) throw new Error(`export does not match the schema: ${ajv.errorsText(validateDoc.errors)}`);
}

export function assertValidLine(line: unknown): void {
  if (!validateLine(line)) throw new Error(`JSON Lines record does not match the schema: ${ajv.errorsText(validateLine.errors)}`);
}
