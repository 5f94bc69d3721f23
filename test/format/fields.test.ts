import { describe, expect, it } from 'vitest';
import { AGENCY, CLOSING, CONTACT, PUBLICATION } from '../../src/format/fields.js';

describe('input keys are named once', () => {
  it('each group’s named keys are exactly its fields’ keys', () => {
    for (const group of [AGENCY, PUBLICATION, CONTACT, CLOSING]) {
      expect(Object.values(group.keys).sort(), group.key).toEqual(group.fields.map((f) => f.key).sort());
    }
  });
});
