import { Router } from 'express';
import { fileMail } from '../../crm/mails/fileMail.js';
import { contactTimeline } from '../../crm/mails/contactTimeline.js';
import { cancelFileOnSend, markFileOnSend } from '../../crm/mails/fileOnSend.js';
import {
  fileMailBody,
  fileOnSendParams,
  mailContactParams,
  mailIdParams,
  mailLookupBody,
  timelineParams,
  timelineQuery,
} from '../../../../common/api/mails.js';
import { filedMailOfMessage, involvedContacts, readFiledMail } from '../../crm/mails/mailQueries.js';
import { removeMailFromContact, removeMailFromCrm } from '../../crm/mails/removeMail.js';
import { requireMember } from '../../crm/member.js';
import { identityOf } from '../authenticate.js';
import type { ServiceDependencies } from '../dependencies.js';

/**
 * E-mails filed to the CRM from Outlook: look up, file, read, take off a contact, remove from the CRM; and a
 * contact's timeline of filed mails and meetings.
 */
export function mailRoutes(deps: ServiceDependencies): Router {
  const router = Router();
  const db = deps.store.db;

  router.post('/api/mails/lookup', async (req, res) => {
    const { internetMessageId, addresses } = mailLookupBody.parse(req.body);
    const member = await requireMember(db, identityOf(res));
    res.json({
      mail: internetMessageId === undefined ? null : await filedMailOfMessage(db, member, internetMessageId),
      contacts: await involvedContacts(db, member, addresses),
    });
  });

  router.post('/api/mails', async (req, res) => {
    const input = fileMailBody.parse(req.body);
    const mail = await fileMail({ db, messages: deps.messages, now: deps.now }, identityOf(res), input);
    res.status(201).json(mail);
  });

  router.get('/api/mails/:id', async (req, res) => {
    const { id } = mailIdParams.parse(req.params);
    res.json(await readFiledMail(db, await requireMember(db, identityOf(res)), id));
  });

  router.delete('/api/mails/:id', async (req, res) => {
    const { id } = mailIdParams.parse(req.params);
    res.json({ mail: await removeMailFromCrm(db, identityOf(res), id) });
  });

  router.delete('/api/mails/:id/contacts/:contactId', async (req, res) => {
    const { id, contactId } = mailContactParams.parse(req.params);
    res.json({ mail: await removeMailFromContact(db, identityOf(res), id, contactId) });
  });

  router.post('/api/mails/on-send', async (_req, res) => {
    res.status(201).json(await markFileOnSend(db, identityOf(res), deps.now()));
  });

  router.delete('/api/mails/on-send/:token', async (req, res) => {
    const { token } = fileOnSendParams.parse(req.params);
    await cancelFileOnSend(db, identityOf(res), token);
    res.status(204).end();
  });

  router.get('/api/contacts/:id/timeline', async (req, res) => {
    const { id } = timelineParams.parse(req.params);
    const query = timelineQuery.parse(req.query);
    const member = await requireMember(db, identityOf(res));
    res.json(await contactTimeline(db, member, id, query));
  });

  return router;
}
