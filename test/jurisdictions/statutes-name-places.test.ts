// The two halves of jurisdictions/ join on one key: every statute names its
// places by the ids of jurisdictions/places/ files. A statute naming a place
// the data does not have would never apply (a contract's place comes from the
// place files), so it is caught here, not by a freelancer who is owed interest.
import { describe, expect, it } from 'vitest';
import { places } from '../../src/jurisdictions/places.ts';
import { statuteBook } from '../../src/jurisdictions/statutes.ts';
import { nonEmpty } from '../helpers/non-empty.ts';

describe('statutes and places', () => {
  it('every place a statute names is a place file', () => {
    const ids = new Set(places().places.map((place) => place.id));
    const unknown = nonEmpty(statuteBook().statutes, 'the statutes').flatMap((statute) =>
      statute.places.filter((id) => !ids.has(id)).map((id) => `${statute.id}: ${id}`),
    );
    expect(unknown).toEqual([]);
  });
});
