/**
 * What the profile picker shows of the built-in profiles: names, regions and
 * options, without their rules, so the popup does not carry every vendor's
 * rule list (the popup JS budget is 25 KB gzipped). catalogue.test.ts fails
 * when this drifts from BUILTIN_PROFILES.
 */
import type { ProfileOption } from '../profile/builtin/options';

export interface CatalogueEntry {
  id: string;
  name: string;
  regions: string[];
  options: ProfileOption[];
}

/** The vendor profiles; the empty Custom template is for importing, not for running. */
export const BUILTIN_CATALOGUE: readonly CatalogueEntry[] = [
  {
    id: 'senso',
    name: 'Senso',
    regions: ['eu', 'na'],
    options: [],
  },
  {
    id: 'remotespark',
    name: 'RemoteSpark',
    regions: [],
    options: [
      {
        id: 'datacentre',
        label: 'Datacentre chosen in the RemoteSpark Client settings',
        choices: [
          {
            id: 'cloud',
            label: 'RemoteSpark Cloud (Traffic Manager picks the fastest datacentre)',
          },
          {
            id: 'specific',
            label: 'A specific datacentre',
          },
        ],
        default: 'cloud',
      },
    ],
  },
  {
    id: 'onsight',
    name: 'Onsight',
    regions: [],
    options: [
      {
        id: 'connection',
        label: 'How Onsight Connect endpoints reach Onsight Hosted Services',
        choices: [
          {
            id: 'new',
            label: 'Direct access to Onsight SIP servers, new customer (Tables 2-1 and 2-2)',
          },
          {
            id: 'legacy',
            label: 'Direct access to Onsight SIP servers, legacy customer domain (Tables 2-1, 2-3 and 2-4)',
          },
          {
            id: 'teamlink-only',
            label: 'Network access only via TeamLink (Table 2-1 only)',
          },
        ],
        default: 'new',
      },
      {
        id: 'china',
        label: 'TeamLink in China requested',
        choices: [
          {
            id: 'no',
            label: 'No',
          },
          {
            id: 'yes',
            label: 'Yes (*.librestreamtech.cn)',
          },
        ],
        default: 'no',
      },
    ],
  },
];
