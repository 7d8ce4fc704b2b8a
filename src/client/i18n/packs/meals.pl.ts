/** Polish messages of the meals screens (a pack: loaded with the screen, see packs/index.ts). */
import type { PolishPlural } from '../types';

export const mealsPl = {
  'meals.title': 'Posiłki',
  'meals.notServed': 'Ta placówka nie wydaje posiłków.',
  'meals.explain': 'Liczba osób oczekiwanych dziś, bez zgłoszonych i zaznaczonych nieobecności.',
  'meals.byDiet': 'Według diety',
  'meals.cutoff': 'Zamówienie do kuchni do godziny {time}.',
  'meals.forDay': 'Posiłki · {date}',
  'meals.sent': 'Zamówienie wysłane: {count}',
  'meals.notSent': 'Zamówienie nie zostało jeszcze wysłane.',
  'meals.send': 'Wyślij zamówienie do kuchni',
  'meals.resend': 'Wyślij poprawione zamówienie',
  'meals.sentDone': 'Zamówienie wysłane.',
  'meals.change': '{diet}: {delta} od wysłania zamówienia',
  'meals.lateChange': 'Zmiany po godzinie zamówienia ({time}) — uzgodnij je z kuchnią.',
  'meals.served': 'Wydane (obecni): {count}',
  'meals.allergies': 'Alergie osób jedzących',
  'meals.allergy': '{name}: {allergies}',
} as const satisfies Record<string, string | PolishPlural>;
