import { Router } from 'express';
import { contactMappingBody, type ContactMappingOffer } from '../../../../common/api/sync.js';
import { contactMappingFor, saveContactMapping } from '../../crm/contacts/contactMappingStore.js';
import { CRM_CONTACT_FIELDS, GRAPH_CONTACT_PROPERTIES, graphTargetsFor } from '../../crm/contacts/fieldMapping.js';
import { requireMember } from '../../crm/member.js';
import { identityOf } from '../authenticate.js';
import type { ServiceDependencies } from '../dependencies.js';
import { languageFromAcceptLanguage } from '../../i18n/language.js';

/**
 * The contact sync's Configuration popup: the user's mapping (or the default), the CRM fields that can be mapped
 * and, for each, the Graph contact properties the API supports that can take it.
 */
export function contactMappingRoutes(deps: ServiceDependencies): Router {
  const router = Router();

  router.get('/api/sync/contacts/mapping', async (req, res) => {
    const { user } = await requireMember(deps.store.db, identityOf(res));
    const language = languageFromAcceptLanguage(req.headers['accept-language']);
    const { mapping, isDefault } = await contactMappingFor(deps.store.db, user.id);
    res.json({
      mapping: [...mapping],
      isDefault,
      fields: CRM_CONTACT_FIELDS.filter((field) => !field.crmOnly).map((field) => ({
        field: field.field,
        type: field.type,
        label: field.label[language],
        targets: graphTargetsFor(field.field),
      })),
      crmOnlyFields: CRM_CONTACT_FIELDS.filter((field) => field.crmOnly).map((field) => ({
        field: field.field,
        label: field.label[language],
      })),
      graphProperties: [...GRAPH_CONTACT_PROPERTIES],
    } satisfies ContactMappingOffer);
  });

  router.put('/api/sync/contacts/mapping', async (req, res) => {
    const { mapping } = contactMappingBody.parse(req.body);
    const { user } = await requireMember(deps.store.db, identityOf(res));
    await saveContactMapping(deps.store.db, user.id, mapping, deps.now());
    res.json({ mapping, isDefault: false });
  });

  return router;
}
