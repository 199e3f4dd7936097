/**
 * The tile-grid alternative to the map: the 34 provinces as equal tiles laid out roughly where they lie
 * (north at the top), so small provinces weigh as much as large ones. Column 1..5, row 1..16.
 */
export const TILE_GRID: Readonly<Record<string, readonly [col: number, row: number]>> = {
  '12': [2, 1], // Lai Châu
  '15': [3, 1], // Lào Cai
  '08': [4, 1], // Tuyên Quang
  '04': [5, 1], // Cao Bằng
  '11': [1, 2], // Điện Biên
  '14': [2, 2], // Sơn La
  '25': [3, 2], // Phú Thọ
  '19': [4, 2], // Thái Nguyên
  '20': [5, 2], // Lạng Sơn
  '01': [3, 3], // Hà Nội
  '24': [4, 3], // Bắc Ninh
  '22': [5, 3], // Quảng Ninh
  '37': [3, 4], // Ninh Bình
  '33': [4, 4], // Hưng Yên
  '31': [5, 4], // Hải Phòng
  '38': [3, 5], // Thanh Hóa
  '40': [3, 6], // Nghệ An
  '42': [4, 7], // Hà Tĩnh
  '44': [4, 8], // Quảng Trị
  '46': [5, 9], // Huế
  '48': [5, 10], // Đà Nẵng (with Hoàng Sa)
  '52': [4, 11], // Gia Lai
  '51': [5, 11], // Quảng Ngãi
  '66': [5, 12], // Đắk Lắk
  '68': [4, 13], // Lâm Đồng
  '56': [5, 13], // Khánh Hòa (with Trường Sa)
  '80': [2, 14], // Tây Ninh
  '79': [3, 14], // Hồ Chí Minh
  '75': [4, 14], // Đồng Nai
  '91': [1, 15], // An Giang
  '82': [2, 15], // Đồng Tháp
  '86': [3, 15], // Vĩnh Long
  '96': [1, 16], // Cà Mau
  '92': [2, 16], // Cần Thơ
};
