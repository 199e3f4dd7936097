import { foldForSearch } from '@pilotage/contracts';
import units from './data/units.json' with { type: 'json' };

/** The official units in force (data/units.json, see data/SOURCE.md). */
export type ProvinceRow = [code: string, name: string, nameEn: string, fullName: string, fullNameEn: string];
export type CommuneRow = [code: string, fullName: string, fullNameEn: string, provinceCode: string];
export const PROVINCES = units.provinces as ProvinceRow[];
export const COMMUNES = units.communes as CommuneRow[];
/** sort_order bases: kinds grouped (root, central bodies, ministries, provinces, communes, former units). */
export const SORT = { province: 10_000, commune: 100_000, former: 1_000_000 } as const;

export const searchKeyOf = (name: string, nameEn: string | null, code: string, fullName?: string | null) =>
  foldForSearch(`${fullName && fullName !== name ? fullName : ''} ${name} ${nameEn ?? ''} ${code}`);
