/**
 * Word lists for the demo centre: Polish first names by generation and gender, surnames with their
 * masculine and feminine forms, and the streets of the fictional town of Zielony Dół. Combined at
 * random they describe nobody real.
 */

export type Gender = 'female' | 'male';
/** Popular names differ a lot between people born in the 1940s, the 1980s and the 2010s. */
export type Generation = 'senior' | 'adult' | 'child';

const FIRST_NAMES: Record<Generation, Record<Gender, readonly string[]>> = {
  senior: {
    female: [
      'Janina', 'Krystyna', 'Stanisława', 'Danuta', 'Halina', 'Irena', 'Zofia', 'Jadwiga', 'Helena', 'Genowefa',
      'Bożena', 'Wiesława', 'Teresa', 'Barbara', 'Elżbieta', 'Czesława', 'Regina', 'Leokadia', 'Józefa', 'Łucja',
      'Mirosława', 'Alicja', 'Urszula', 'Władysława', 'Kazimiera', 'Maria', 'Anna', 'Grażyna',
    ],
    male: [
      'Stanisław', 'Henryk', 'Tadeusz', 'Kazimierz', 'Zdzisław', 'Czesław', 'Mieczysław', 'Władysław', 'Bolesław',
      'Józef', 'Jan', 'Jerzy', 'Zbigniew', 'Ryszard', 'Edward', 'Eugeniusz', 'Bogdan', 'Marian', 'Wiesław',
      'Leszek', 'Roman', 'Zenon', 'Alojzy',
    ],
  },
  adult: {
    female: [
      'Anna', 'Katarzyna', 'Małgorzata', 'Agnieszka', 'Joanna', 'Magdalena', 'Monika', 'Beata', 'Aleksandra',
      'Natalia', 'Dorota', 'Karolina', 'Iwona', 'Justyna', 'Marta', 'Paulina', 'Żaneta', 'Ewelina', 'Sylwia',
      'Renata', 'Edyta', 'Weronika', 'Kamila', 'Izabela', 'Agata', 'Dominika', 'Łucja', 'Patrycja',
    ],
    male: [
      'Piotr', 'Krzysztof', 'Tomasz', 'Paweł', 'Marcin', 'Michał', 'Grzegorz', 'Łukasz', 'Adam', 'Dariusz',
      'Mariusz', 'Wojciech', 'Robert', 'Mateusz', 'Rafał', 'Jacek', 'Maciej', 'Sławomir', 'Jarosław', 'Kamil',
      'Artur', 'Damian', 'Dawid', 'Przemysław', 'Sebastian', 'Daniel', 'Bartłomiej', 'Radosław',
    ],
  },
  child: {
    female: [
      'Zuzanna', 'Julia', 'Lena', 'Maja', 'Hanna', 'Zofia', 'Amelia', 'Alicja', 'Oliwia', 'Wiktoria', 'Emilia',
      'Antonina', 'Laura', 'Pola', 'Gabriela', 'Nadia', 'Liliana', 'Marcelina', 'Łucja', 'Iga',
    ],
    male: [
      'Antoni', 'Jan', 'Aleksander', 'Franciszek', 'Nikodem', 'Jakub', 'Szymon', 'Filip', 'Mikołaj', 'Stanisław',
      'Wojciech', 'Kacper', 'Ignacy', 'Tymon', 'Leon', 'Igor', 'Oskar', 'Bartosz', 'Miłosz', 'Tymoteusz',
    ],
  },
};

/** Surnames in their masculine form; `feminineSurname` derives the feminine one. */
const SURNAMES: readonly string[] = [
  'Kowalski', 'Wiśniewski', 'Wójcik', 'Kamiński', 'Lewandowski', 'Zieliński', 'Szymański', 'Woźniak',
  'Dąbrowski', 'Kozłowski', 'Jankowski', 'Mazur', 'Kwiatkowski', 'Krawczyk', 'Piotrowski', 'Grabowski',
  'Nowakowski', 'Pawłowski', 'Michalski', 'Nowicki', 'Adamczyk', 'Dudek', 'Zając', 'Wieczorek', 'Jabłoński',
  'Król', 'Majewski', 'Olszewski', 'Jaworski', 'Wróbel', 'Malinowski', 'Pawlak', 'Witkowski', 'Walczak',
  'Stępień', 'Górski', 'Rutkowski', 'Michalak', 'Sikora', 'Ostrowski', 'Baran', 'Szewczyk', 'Tomaszewski',
  'Pietrzak', 'Marciniak', 'Wróblewski', 'Zalewski', 'Jakubowski', 'Jasiński', 'Zawadzki', 'Sadowski', 'Bąk',
  'Chmielewski', 'Włodarczyk', 'Borkowski', 'Czarnecki', 'Sawicki', 'Sokołowski', 'Urbański', 'Kubiak',
  'Maciejewski', 'Szczepański', 'Kucharski', 'Wilk', 'Kalinowski', 'Lis', 'Mazurek', 'Wysocki', 'Kaźmierczak',
  'Sobczak', 'Czerwiński', 'Cieślak', 'Głowacki', 'Kołodziej', 'Krajewski', 'Szulc', 'Brzeziński', 'Ziółkowski',
  'Ściborski', 'Żuławski', 'Łuczak', 'Śliwiński', 'Żak', 'Ćwikliński', 'Łęcki', 'Gołębiowski', 'Żurawski',
];

/** The feminine form of a Polish surname: -ski/-cki/-dzki become -ska/-cka/-dzka, the others do not change. */
export function feminineSurname(masculine: string): string {
  return /(sk|ck|dzk)i$/.test(masculine) ? `${masculine.slice(0, -1)}a` : masculine;
}

/** A surname in the form for `gender`. */
export function surnameFor(masculine: string, gender: Gender): string {
  return gender === 'female' ? feminineSurname(masculine) : masculine;
}

/** The first-name list of a generation and gender. */
export function firstNames(generation: Generation, gender: Gender): readonly string[] {
  return FIRST_NAMES[generation][gender];
}

/** Every masculine surname the generator may use. */
export const MASCULINE_SURNAMES = SURNAMES;

/** The fictional town and its villages, with invented postal codes. */
export const TOWN = { name: 'Zielony Dół', postalCode: '99-320' } as const;
export const VILLAGES: readonly { name: string; postalCode: string }[] = [
  { name: 'Dębowa Wola', postalCode: '99-321' },
  { name: 'Łąkowo', postalCode: '99-322' },
  { name: 'Stara Źródłowa', postalCode: '99-323' },
];

/** Streets of Zielony Dół, roughly in the order a bus from the north-west end of town meets them. */
export const STREETS: readonly string[] = [
  'ul. Leśna', 'ul. Brzozowa', 'ul. Klonowa', 'ul. Świerkowa', 'ul. Polna', 'ul. Słoneczna', 'ul. Kwiatowa',
  'ul. Różana', 'ul. Ogrodowa', 'ul. Lipowa', 'ul. Szkolna', 'ul. Kościelna', 'ul. Mickiewicza',
  'ul. Żeromskiego', 'ul. Kościuszki', 'os. Zielone Wzgórze', 'ul. Parkowa', 'ul. Wrzosowa', 'ul. Źródlana',
  'ul. Łąkowa', 'ul. Młyńska', 'ul. Targowa',
];

/** Village streets ("Dębowa Wola 14" has no street name). */
export const VILLAGE_STREETS: readonly string[] = ['', 'ul. Główna', 'ul. Spacerowa'];
