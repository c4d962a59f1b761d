/** The fixed seed of the local tenant. Other code and tests depend on these exact ids and names. */
export interface SeedUser {
  id: string;
  userPrincipalName: string;
  displayName: string;
  givenName: string | null;
  surname: string | null;
  jobTitle: string | null;
  department: string | null;
  officeLocation: string | null;
  mobilePhone: string | null;
  businessPhones: string[];
  preferredLanguage: string;
  isGlobalAdmin: boolean;
}

export interface SeedTenant {
  id: string;
  domain: string;
  displayName: string;
  countryLetterCode: string;
  users: readonly SeedUser[];
}

function user(
  id: string,
  upn: string,
  displayName: string,
  details: Partial<Omit<SeedUser, 'id' | 'userPrincipalName' | 'displayName'>> = {},
): SeedUser {
  const [given, ...rest] = displayName.split(' ');
  return {
    id,
    userPrincipalName: upn,
    displayName,
    givenName: details.givenName ?? given ?? null,
    surname: details.surname ?? (rest.length > 0 ? rest.join(' ') : null),
    jobTitle: details.jobTitle ?? null,
    department: details.department ?? null,
    officeLocation: details.officeLocation ?? null,
    mobilePhone: details.mobilePhone ?? null,
    businessPhones: details.businessPhones ?? [],
    preferredLanguage: details.preferredLanguage ?? 'en-US',
    isGlobalAdmin: details.isGlobalAdmin ?? false,
  };
}

export const CONTOSO_TENANT_ID = '4d2c9a61-7e3b-4f8a-9c15-2b6e8d0f3a47';
export const FABRIKAM_TENANT_ID = '9b8e7f10-3c2d-4a5b-8e6f-1a2b3c4d5e6f';

export const SEED_TENANTS: readonly SeedTenant[] = [
  {
    id: CONTOSO_TENANT_ID,
    domain: 'contoso.onmicrosoft.com',
    displayName: 'Contoso',
    countryLetterCode: 'US',
    users: [
      user('c0a1d2e3-0001-4a00-8000-00000000c001', 'admin@contoso.onmicrosoft.com', 'Contoso Admin', {
        givenName: 'Contoso',
        surname: 'Admin',
        jobTitle: 'IT Administrator',
        department: 'IT',
        isGlobalAdmin: true,
      }),
      user('c0a1d2e3-0002-4a00-8000-00000000c002', 'megan.bowen@contoso.onmicrosoft.com', 'Megan Bowen', {
        jobTitle: 'Marketing Manager',
        department: 'Marketing',
        officeLocation: '12/1110',
        businessPhones: ['+1 412 555 0109'],
      }),
      user('c0a1d2e3-0003-4a00-8000-00000000c003', 'alex.wilber@contoso.onmicrosoft.com', 'Alex Wilber', {
        jobTitle: 'Marketing Assistant',
        department: 'Marketing',
        officeLocation: '131/1104',
        businessPhones: ['+1 858 555 0110'],
      }),
      user('c0a1d2e3-0004-4a00-8000-00000000c004', 'adele.vance@contoso.onmicrosoft.com', 'Adele Vance', {
        jobTitle: 'Retail Manager',
        department: 'Retail',
        officeLocation: '18/2111',
        businessPhones: ['+1 425 555 0109'],
      }),
      user('c0a1d2e3-0005-4a00-8000-00000000c005', 'lee.gu@contoso.onmicrosoft.com', 'Lee Gu', {
        jobTitle: 'Director',
        department: 'Manufacturing',
        officeLocation: '23/3101',
        businessPhones: ['+1 913 555 0101'],
      }),
      user('c0a1d2e3-0006-4a00-8000-00000000c006', 'nestor.wilke@contoso.onmicrosoft.com', 'Nestor Wilke', {
        jobTitle: 'Director',
        department: 'Operations',
        officeLocation: '36/2121',
        businessPhones: ['+1 404 555 0104'],
      }),
      user('c0a1d2e3-0007-4a00-8000-00000000c007', 'patti.fernandez@contoso.onmicrosoft.com', 'Patti Fernandez', {
        jobTitle: 'President',
        department: 'Executive Management',
        officeLocation: '15/1102',
        businessPhones: ['+1 980 555 0101'],
      }),
      user('c0a1d2e3-0008-4a00-8000-00000000c008', 'diego.siciliani@contoso.onmicrosoft.com', 'Diego Siciliani', {
        jobTitle: 'HR Manager',
        department: 'HR',
        officeLocation: '14/1108',
        businessPhones: ['+49 89 555 0109'],
        preferredLanguage: 'de-DE',
      }),
      user('c0a1d2e3-0009-4a00-8000-00000000c009', 'johanna.lorenz@contoso.onmicrosoft.com', 'Johanna Lorenz', {
        jobTitle: 'Senior Engineer',
        department: 'Engineering',
        officeLocation: '23/2102',
        businessPhones: ['+49 30 555 0102'],
        preferredLanguage: 'de-DE',
      }),
      user('c0a1d2e3-000a-4a00-8000-00000000c00a', 'lynne.robbins@contoso.onmicrosoft.com', 'Lynne Robbins', {
        jobTitle: 'Planner',
        department: 'Retail',
        officeLocation: '20/1101',
        businessPhones: ['+1 918 555 0107'],
      }),
    ],
  },
  {
    id: FABRIKAM_TENANT_ID,
    domain: 'fabrikam.onmicrosoft.com',
    displayName: 'Fabrikam',
    countryLetterCode: 'DE',
    users: [
      user('fab0d2e3-0001-4b00-9000-00000000f001', 'admin@fabrikam.onmicrosoft.com', 'Fabrikam Admin', {
        givenName: 'Fabrikam',
        surname: 'Admin',
        jobTitle: 'IT-Administrator',
        department: 'IT',
        isGlobalAdmin: true,
        preferredLanguage: 'de-DE',
      }),
      user('fab0d2e3-0002-4b00-9000-00000000f002', 'jonas.weber@fabrikam.onmicrosoft.com', 'Jonas Weber', {
        jobTitle: 'Vertriebsleiter',
        department: 'Vertrieb',
        officeLocation: 'München',
        businessPhones: ['+49 89 555 0201'],
        preferredLanguage: 'de-DE',
      }),
      user('fab0d2e3-0003-4b00-9000-00000000f003', 'lena.schmidt@fabrikam.onmicrosoft.com', 'Lena Schmidt', {
        jobTitle: 'Projektmanagerin',
        department: 'Projekte',
        officeLocation: 'Berlin',
        businessPhones: ['+49 30 555 0202'],
        preferredLanguage: 'de-DE',
      }),
    ],
  },
];

/** The one password of every seeded account; DEVTENANT_PASSWORD overrides it. */
export const DEFAULT_DEV_PASSWORD = 'LocalDev!2026';

/** Entra's role template id of "Global Administrator"; it appears in the `wids` claim. */
export const GLOBAL_ADMIN_ROLE_TEMPLATE_ID = '62e90394-69f5-4237-9190-012177145e10';
