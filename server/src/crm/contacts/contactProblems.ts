/** What is wrong with a contact as a whole on a given day (the date of birth cannot be later than today). */
export function contactProblems(
  contact: { dateOfBirth: string | null },
  today: Date,
): { path: string; message: string }[] {
  if (contact.dateOfBirth && contact.dateOfBirth > today.toISOString().slice(0, 10))
    return [{ path: 'dateOfBirth', message: 'cannot be in the future' }];
  return [];
}
