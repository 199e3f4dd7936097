import type { DictionaryElement } from '@pilotage/contracts';

/**
 * The shared data dictionary the platform starts with (version 0, until steering publishes one): common
 * elements of the national databases and the managed code lists. Ethnic groups: the 54 groups in the order
 * and codes of the General Statistics Office list (Decision 121-TCTK/PPCĐ, 1979).
 */
const ETHNIC = [
  'Kinh',
  'Tày',
  'Thái',
  'Mường',
  'Khmer',
  'Hoa',
  'Nùng',
  "H'Mông",
  'Dao',
  'Gia Rai',
  'Ngái',
  'Ê Đê',
  'Ba Na',
  'Xơ Đăng',
  'Sán Chay',
  'Cơ Ho',
  'Chăm',
  'Sán Dìu',
  'Hrê',
  'Mnông',
  'Ra Glai',
  'Xtiêng',
  'Bru-Vân Kiều',
  'Thổ',
  'Giáy',
  'Cơ Tu',
  'Gié Triêng',
  'Mạ',
  'Khơ Mú',
  'Co',
  'Tà Ôi',
  'Chơ Ro',
  'Kháng',
  'Xinh Mun',
  'Hà Nhì',
  'Chu Ru',
  'Lào',
  'La Chí',
  'La Ha',
  'Phù Lá',
  'La Hủ',
  'Lự',
  'Lô Lô',
  'Chứt',
  'Mảng',
  'Pà Thẻn',
  'Cơ Lao',
  'Cống',
  'Bố Y',
  'Si La',
  'Pu Péo',
  'Brâu',
  'Ơ Đu',
  'Rơ Măm',
];

export const DEFAULT_CODE_LISTS = [
  {
    code: 'gender',
    name: 'Giới tính',
    nameEn: 'Gender',
    values: [
      { code: '1', label: 'Nam' },
      { code: '2', label: 'Nữ' },
      { code: '3', label: 'Khác' },
    ],
  },
  {
    code: 'ethnicity',
    name: 'Dân tộc',
    nameEn: 'Ethnic group',
    values: ETHNIC.map((label, i) => ({ code: String(i + 1).padStart(2, '0'), label })),
  },
];

const el = (
  e: Partial<DictionaryElement> & Pick<DictionaryElement, 'code' | 'name' | 'nameEn' | 'type'>,
) => ({ definition: '', ...e });

export const DEFAULT_ELEMENTS: DictionaryElement[] = [
  el({
    code: 'CCCD',
    name: 'Số định danh cá nhân',
    nameEn: 'Personal identification number',
    type: 'string',
    pattern: '\\d{12}',
    maxLength: 12,
    definition: 'Số căn cước 12 chữ số do Bộ Công an cấp',
    rules: 'Bộ Công an quản lý',
  }),
  el({ code: 'HO_TEN', name: 'Họ và tên', nameEn: 'Full name', type: 'string', maxLength: 100 }),
  el({ code: 'NGAY_SINH', name: 'Ngày sinh', nameEn: 'Date of birth', type: 'date' }),
  el({ code: 'GIOI_TINH', name: 'Giới tính', nameEn: 'Gender', type: 'code', codeList: 'gender' }),
  el({ code: 'DAN_TOC', name: 'Dân tộc', nameEn: 'Ethnic group', type: 'code', codeList: 'ethnicity' }),
  el({
    code: 'SO_DIEN_THOAI',
    name: 'Số điện thoại',
    nameEn: 'Phone number',
    type: 'string',
    pattern: '(0|\\+84)(2\\d{9}|[35789]\\d{8})',
  }),
  el({
    code: 'MA_DVHC',
    name: 'Mã đơn vị hành chính',
    nameEn: 'Administrative unit code',
    type: 'code',
    codeList: 'admin_unit',
    definition: 'Mã tỉnh hoặc xã theo danh mục đơn vị hành chính từ 1/7/2025',
  }),
  el({
    code: 'MA_SO_THUE',
    name: 'Mã số thuế',
    nameEn: 'Tax code',
    type: 'string',
    pattern: '\\d{10}(-\\d{3})?',
  }),
  el({ code: 'MA_THUA_DAT', name: 'Mã thửa đất', nameEn: 'Land parcel code', type: 'string', maxLength: 30 }),
  el({ code: 'NGAY_CAP_NHAT', name: 'Ngày cập nhật', nameEn: 'Last update', type: 'date' }),
];

/** Code lists the platform supplies itself: admin_unit = the official codes of the org tree. */
export const BUILT_IN_LISTS = ['admin_unit'];
