/**
 * The demo feedback topics (the seeds' areas) with their routing, and sample submissions and answers in
 * the voice of the people who write them. Source: shared/domain.md (seeds 000–004); invented texts.
 */
export const DEMO_TOPICS = [
  {
    code: 'the-che',
    name: 'Thể chế, pháp luật',
    nameEn: 'Institutions and law',
    category: 'institutions',
    unit: 'BTP',
  },
  {
    code: 'ha-tang-so',
    name: 'Hạ tầng số',
    nameEn: 'Digital infrastructure',
    category: 'infrastructure',
    unit: 'BKHCN',
  },
  { code: 'du-lieu', name: 'Dữ liệu', nameEn: 'Data', category: 'data', unit: 'BCA' },
  {
    code: 'nhan-luc',
    name: 'Nguồn nhân lực',
    nameEn: 'Human resources',
    category: 'human_resources',
    unit: 'BNV',
  },
  {
    code: 'dich-vu-cong',
    name: 'Dịch vụ công trực tuyến',
    nameEn: 'Online public services',
    category: 'digital_government',
    unit: 'VPCP',
  },
  { code: 'doanh-nghiep', name: 'Doanh nghiệp', nameEn: 'Enterprises', category: 'enterprises', unit: 'BCT' },
  {
    code: 'khcn-dmst',
    name: 'Khoa học, công nghệ và đổi mới sáng tạo',
    nameEn: 'Science, technology and innovation',
    category: 'research_innovation',
    unit: 'BKHCN',
  },
  { code: 'khac', name: 'Khác', nameEn: 'Other', category: 'other', unit: null },
] as const;

/** Online public services in these provinces go to the province itself (a place rule above the topic rule). */
export const PROVINCE_RULES = [
  { topic: 'dich-vu-cong', province: '01' },
  { topic: 'dich-vu-cong', province: '79' },
];

export const DEMO_SUBMISSIONS: Record<string, string[]> = {
  'the-che': [
    'Thủ tục cấp phép thử nghiệm sản phẩm công nghệ mới còn kéo dài',
    'Chưa có hướng dẫn cơ chế thử nghiệm có kiểm soát cho fintech',
    'Quy định về mua sắm dịch vụ công nghệ thông tin chưa rõ ràng',
  ],
  'ha-tang-so': [
    'Thôn chưa có sóng di động ổn định, người dân khó làm thủ tục trực tuyến',
    'Đề nghị phủ sóng 5G tại khu công nghiệp',
    'Đường truyền Internet tại trạm y tế xã thường xuyên gián đoạn',
  ],
  'du-lieu': [
    'Thông tin cư trú trên ứng dụng chưa cập nhật sau khi chuyển hộ khẩu',
    'Dữ liệu đất đai giữa xã và tỉnh chưa thống nhất',
    'Đề nghị chia sẻ dữ liệu dân cư cho bệnh viện để giảm giấy tờ',
  ],
  'nhan-luc': [
    'Cán bộ xã cần được bồi dưỡng kỹ năng số',
    'Thiếu nhân lực công nghệ thông tin tại cấp xã sau sắp xếp',
  ],
  'dich-vu-cong': [
    'Nộp hồ sơ trực tuyến nhưng vẫn phải mang bản giấy đến bộ phận một cửa',
    'Cổng dịch vụ công báo lỗi khi thanh toán lệ phí',
    'Đề nghị cho phép làm thủ tục không phụ thuộc địa giới hành chính',
    'Ký số trên điện thoại chưa dùng được cho hồ sơ đăng ký kinh doanh',
  ],
  'doanh-nghiep': [
    'Doanh nghiệp nhỏ cần hỗ trợ chi phí chuyển đổi số',
    'Hóa đơn điện tử chưa kết nối với phần mềm kế toán phổ biến',
  ],
  'khcn-dmst': [
    'Thủ tục thanh toán kinh phí đề tài khoa học còn nhiều giấy tờ',
    'Đề nghị cơ chế khoán chi đến sản phẩm cuối cùng cho nhiệm vụ khoa học',
  ],
  khac: [
    'Đề nghị tổ chức tập huấn an toàn thông tin cho người cao tuổi',
    'Góp ý giao diện ứng dụng định danh điện tử',
  ],
};

export const DEMO_ANSWERS = [
  'Cơ quan đã tiếp nhận, rà soát và chỉ đạo đơn vị liên quan khắc phục trong tháng. Kết quả được cập nhật trên hệ thống.',
  'Nội dung kiến nghị đã được tổng hợp vào dự thảo sửa đổi văn bản; dự kiến ban hành trong quý tới.',
  'Đơn vị chuyên môn đã liên hệ, hướng dẫn cụ thể và xác nhận vấn đề đã được giải quyết.',
  'Kiến nghị được ghi nhận và đưa vào kế hoạch đầu tư năm sau; cơ quan sẽ thông báo khi triển khai.',
];
