import { createTLSchema, type TLRecord, type TLSchema } from '@tldraw/tlschema';

export type SerializedTemplateSchema = ReturnType<TLSchema['serialize']>;

/**
 * tldraw's default schema (default shapes and bindings), the one the client's store uses. Template
 * records are validated against it here, before any server writes them, exactly as a client
 * validates a record it receives.
 */
export const templateSchema: TLSchema = createTLSchema();

/** Store it beside the records (the canvas document's `meta.schema`) so newer clients can migrate them. */
export function serializedTemplateSchema(): SerializedTemplateSchema {
  return templateSchema.serialize();
}

/** The record, validated by its record type; throws a `ValidationError` naming the bad field. */
export function validateTemplateRecord(record: TLRecord): TLRecord {
  const type = templateSchema.types[record.typeName];
  if (!type) throw new Error(`unknown record type "${String(record.typeName)}"`);
  return type.validate(record) as TLRecord;
}
