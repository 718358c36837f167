/**
 * The part of a swagger schema the emulator checks, reduced from the REST API specifications
 * with `$ref`s resolved and `allOf`s merged.
 */
export interface BodySchema {
  type?: string;
  enum?: string[];
  properties?: Record<string, BodySchema>;
  required?: string[];
  items?: BodySchema;
  additionalProperties?: BodySchema;
  readOnly?: boolean;
}
