import type { Role } from '@pilotage/contracts';

export const DEMO_PASSWORD = 'pilotage-demo';

/** The demo accounts (README lists them). `unit` is an org-unit code. */
export const DEMO_ACCOUNTS: { username: string; displayName: string; unit: string; roles: Role[] }[] = [
  { username: 'admin', displayName: 'Quản trị hệ thống', unit: 'VN', roles: ['admin'] },
  {
    username: 'steering',
    displayName: 'Chuyên viên Ban Chỉ đạo',
    unit: 'BCDCP',
    roles: ['steering', 'reviewer'],
  },
  {
    username: 'ministry.officer',
    displayName: 'Cán bộ Bộ Khoa học và Công nghệ',
    unit: 'BKHCN',
    roles: ['officer'],
  },
  {
    username: 'province.officer',
    displayName: 'Cán bộ Sở KH&CN Hà Nội',
    unit: '01',
    roles: ['officer', 'reviewer'],
  },
  { username: 'province.lead', displayName: 'Lãnh đạo UBND TP Hà Nội', unit: '01', roles: ['unit_lead'] },
  { username: 'commune.officer', displayName: 'Cán bộ Phường Ba Đình', unit: '00004', roles: ['officer'] },
  {
    username: 'commune.lead',
    displayName: 'Chủ tịch UBND Phường Ba Đình',
    unit: '00004',
    roles: ['unit_lead'],
  },
  {
    username: 'commune2.officer',
    displayName: 'Cán bộ Phường Bạch Mai',
    unit: '00292',
    roles: ['officer'],
  },
  // initiative portal: experts who evaluate initiatives (ADR 0018)
  { username: 'expert', displayName: 'TS. Lê Thu Hương (chuyên gia)', unit: 'BKHCN', roles: ['expert'] },
  { username: 'expert2', displayName: 'PGS. Trần Minh Đức (chuyên gia)', unit: 'BKHCN', roles: ['expert'] },
  { username: 'expert3', displayName: 'ThS. Phạm Ngọc Lan (chuyên gia)', unit: 'BCA', roles: ['expert'] },
];
