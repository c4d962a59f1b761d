/** What a mail says, in one language: the layout (`mail/layout.ts`) makes text and HTML of it. */
export interface MailText {
  subject: string;
  heading: string;
  paragraphs: string[];
  action: { label: string; url: string };
  footer: string;
}
