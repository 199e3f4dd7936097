/**
 * Stems of the demo initiatives, by domain (the programme's task categories), in the spirit of the seeds:
 * products and solutions proposed to the portal launched on 2 July 2025 (254 by mid-2025).
 */
export const INITIATIVE_STEMS: Record<string, string[]> = {
  institutions: [
    'Công cụ rà soát văn bản quy phạm pháp luật chồng chéo bằng trí tuệ nhân tạo',
    'Cơ sở dữ liệu mở về thủ tục hành chính liên quan đến khoa học, công nghệ',
    'Mô hình thử nghiệm có kiểm soát (sandbox) cho dịch vụ tài chính số',
    'Nền tảng lấy ý kiến người dân về dự thảo văn bản pháp luật',
  ],
  infrastructure: [
    'Bản đồ số hạ tầng viễn thông và vùng phủ sóng 5G cấp xã',
    'Trạm phát sóng năng lượng mặt trời cho thôn bản vùng sâu',
    'Giải pháp điện toán biên cho trung tâm dữ liệu cấp tỉnh',
    'Hệ thống giám sát chất lượng đường truyền Internet băng rộng',
  ],
  data: [
    'Nền tảng làm sạch và chuẩn hoá dữ liệu dân cư “đúng, đủ, sạch, sống”',
    'Công cụ đánh giá chất lượng cơ sở dữ liệu chuyên ngành',
    'Kho dữ liệu mở về đất đai và môi trường',
    'Giải pháp chia sẻ dữ liệu liên thông giữa các sở, ngành',
  ],
  human_resources: [
    'Học liệu số về kỹ năng số cho cán bộ cấp xã',
    'Nền tảng đào tạo trực tuyến về an toàn thông tin',
    'Chương trình ươm tạo kỹ sư bán dẫn cùng doanh nghiệp',
    'Ứng dụng đánh giá năng lực số của công chức',
  ],
  research_innovation: [
    'Vật liệu sinh học thay thế nhựa dùng một lần',
    'Giống lúa chịu mặn ứng dụng công nghệ gen',
    'Cảm biến IoT theo dõi sạt lở đất',
    'Thiết bị lọc nước sạch năng lượng thấp cho vùng lũ',
  ],
  digital_government: [
    'Trợ lý ảo hướng dẫn người dân làm thủ tục dịch vụ công trực tuyến',
    'Số hoá hồ sơ hộ tịch và hoà giải ở cơ sở',
    'Ký số từ xa trên điện thoại cho hồ sơ hành chính',
    'Một cửa điện tử liên thông không phụ thuộc địa giới hành chính',
  ],
  enterprises: [
    'Sàn giao dịch công nghệ cho doanh nghiệp nhỏ và vừa',
    'Nền tảng chuyển đổi số cho hợp tác xã nông nghiệp',
    'Hoá đơn điện tử tích hợp truy xuất nguồn gốc nông sản',
    'Giải pháp thanh toán không dùng tiền mặt tại chợ truyền thống',
  ],
  communication: [
    'Cổng thông tin phổ biến kiến thức chuyển đổi số bằng video ngắn',
    'Ứng dụng cảnh báo lừa đảo trực tuyến cho người cao tuổi',
    'Bản tin số cấp xã gửi qua ứng dụng nhắn tin',
  ],
  other: [
    'Nền tảng theo dõi chất lượng không khí do cộng đồng vận hành',
    'Giải pháp y tế từ xa cho trạm y tế xã',
    'Hệ thống quản lý di sản văn hoá số',
  ],
};

export const DEMO_ORGANISATIONS: Record<string, string[]> = {
  business: [
    'Công ty Cổ phần Công nghệ Sao Việt',
    'Công ty TNHH Giải pháp số Hồng Hà',
    'Công ty Cổ phần Dữ liệu Mekong',
    'Công ty TNHH Phần mềm Đà Nẵng Xanh',
    'Tập đoàn Viễn thông Phương Nam',
  ],
  scientist: [
    'Viện Hàn lâm Khoa học và Công nghệ Việt Nam',
    'Đại học Bách khoa Hà Nội',
    'Đại học Quốc gia Thành phố Hồ Chí Minh',
    'Viện Nghiên cứu Nông nghiệp miền Nam',
  ],
  organisation: ['Hội Tin học Việt Nam', 'Hiệp hội Phần mềm và Dịch vụ CNTT', 'Hội Nông dân tỉnh'],
  agency: ['Sở Khoa học và Công nghệ', 'Trung tâm Chuyển đổi số tỉnh', 'UBND phường'],
};

export const DEMO_PERSON_NAMES = [
  'Nguyễn Văn An',
  'Trần Thị Bình',
  'Lê Minh Châu',
  'Phạm Quốc Dũng',
  'Hoàng Thu Hà',
  'Vũ Đức Khánh',
  'Đặng Thị Lan',
  'Bùi Anh Tuấn',
];
