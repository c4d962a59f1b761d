export type MailLanguage = 'de' | 'en';

/** The recipient's language where known (a Microsoft 365 preferredLanguage or a stored CRM preference), else the sender's. */
export function mailLanguage(
  recipientPreference: string | null | undefined,
  senderLanguage: MailLanguage,
): MailLanguage {
  if (!recipientPreference) return senderLanguage;
  return recipientPreference.toLowerCase().startsWith('de') ? 'de' : 'en';
}
