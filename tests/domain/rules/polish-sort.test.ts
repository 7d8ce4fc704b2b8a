import { describe, expect, it } from 'vitest';
import { comparePeople, foldForSearch, sortPeople } from '../../../src/domain/rules/polish-sort';

describe('sortPeople', () => {
  it('sorts by last name, then first name, in Polish alphabetical order', () => {
    const people = [
      { lastName: 'Żak', firstName: 'Ewa' },
      { lastName: 'Zając', firstName: 'Jan' },
      { lastName: 'Łukaszewski', firstName: 'Piotr' },
      { lastName: 'Lis', firstName: 'Olga' },
      { lastName: 'Ściborski', firstName: 'Adam' },
      { lastName: 'Szulc', firstName: 'Anna' },
      { lastName: 'Sikora', firstName: 'Łucja' },
      { lastName: 'Sikora', firstName: 'Lucyna' },
      { lastName: 'Ćwik', firstName: 'Jan' },
      { lastName: 'Czarnecki', firstName: 'Jan' },
      { lastName: 'Cieślak', firstName: 'Jan' },
    ];
    const before = [...people];
    expect(sortPeople(people).map((p) => `${p.lastName} ${p.firstName}`)).toEqual([
      'Cieślak Jan', 'Czarnecki Jan', 'Ćwik Jan', 'Lis Olga', 'Łukaszewski Piotr',
      'Sikora Lucyna', 'Sikora Łucja', 'Szulc Anna', 'Ściborski Adam', 'Zając Jan', 'Żak Ewa',
    ]);
    expect(people).toEqual(before);
  });

  it('ignores case', () => {
    expect(comparePeople({ lastName: 'nowak', firstName: 'anna' }, { lastName: 'Nowak', firstName: 'Anna' })).toBe(0);
  });
});

describe('foldForSearch', () => {
  it.each([
    ['Łukasz', 'lukasz'], ['ŻANETA', 'zaneta'], ['Ściborski', 'sciborski'], ['Źdźbło', 'zdzblo'],
    ['Gęś Ćma Óśka Ńa', 'ges cma oska na'], ['Kowalska', 'kowalska'],
  ])('%s → %s', (input, folded) => {
    expect(foldForSearch(input)).toBe(folded);
  });

  it('lets a query without diacritics find a name with them', () => {
    const names = ['Łukasz Wróbel', 'Żaneta Ściborska', 'Lucyna Lis'];
    const q = foldForSearch('sciB');
    expect(names.filter((n) => foldForSearch(n).includes(q))).toEqual(['Żaneta Ściborska']);
  });
});
