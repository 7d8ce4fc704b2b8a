/** English messages of the meals screens: exactly the keys of meals.pl.ts (a type error otherwise). */
import type { PackCatalog } from '../types';
import type { mealsPl } from './meals.pl';

export const mealsEn: PackCatalog<typeof mealsPl> = {
  'meals.title': 'Meals',
  'meals.notServed': 'This centre does not serve meals.',
  'meals.explain': 'People expected today, without reported or marked absences.',
  'meals.byDiet': 'By diet',
  'meals.cutoff': 'Order from the kitchen by {time}.',
  'meals.forDay': 'Meals · {date}',
  'meals.sent': 'Order sent: {count}',
  'meals.notSent': 'The order has not been sent yet.',
  'meals.send': 'Send the order to the kitchen',
  'meals.resend': 'Send the corrected order',
  'meals.sentDone': 'Order sent.',
  'meals.change': '{diet}: {delta} since the order was sent',
  'meals.lateChange': 'Changes after the order time ({time}) — agree them with the kitchen.',
  'meals.served': 'Served (present): {count}',
  'meals.allergies': 'Allergies of the people eating',
  'meals.allergy': '{name}: {allergies}',
};
