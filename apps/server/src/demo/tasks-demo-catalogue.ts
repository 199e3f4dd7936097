/**
 * Demo catalogue of the Government Action Programme (Resolution 03/NQ-CP implementing 57-NQ/TW):
 * realistic task titles per category with their lead units (org-unit codes), drawn from shared/domain.md.
 * `scenario` pins how a task stands on 30 June 2025; tasks without one get a scenario from the seeded pool.
 */
import type { TaskCategory } from '@pilotage/contracts';

export type Scenario =
  | 'on_time'
  | 'late'
  | 'overdue'
  | 'in_progress'
  | 'at_risk'
  | 'extended'
  | 'late_start'
  | 'no_report'
  | 'cont_on_time'
  | 'cont_late';

export interface CatalogueTask {
  category: TaskCategory;
  title: string;
  lead: string;
  continuous?: boolean;
  scenario?: Scenario;
  start?: string;
  deadline?: string;
  /** Assigned to every unit of this kind instead of the lead unit alone. */
  allOf?: 'ministry' | 'province';
  /** Provinces cascade it to every commune. */
  cascadeToCommunes?: boolean;
  product?: string;
}

export const DEMO_DOCUMENTS = [
  {
    code: '57-NQ/TW',
    docType: 'resolution',
    issuer: 'Bộ Chính trị',
    issuedOn: '2024-12-22',
    title: 'Nghị quyết về đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia',
  },
  {
    code: '03/NQ-CP',
    docType: 'resolution',
    issuer: 'Chính phủ',
    issuedOn: '2025-01-09',
    title: 'Nghị quyết ban hành Chương trình hành động của Chính phủ thực hiện Nghị quyết số 57-NQ/TW',
  },
  {
    code: '193/2025/QH15',
    docType: 'resolution',
    issuer: 'Quốc hội',
    issuedOn: '2025-02-19',
    title:
      'Nghị quyết thí điểm một số cơ chế, chính sách đặc biệt tạo đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia',
  },
  {
    code: '56/TB-VPCP',
    docType: 'notice',
    issuer: 'Văn phòng Chính phủ',
    issuedOn: '2025-02-23',
    title:
      'Thông báo kết luận của Thủ tướng Chính phủ tại phiên họp Ban Chỉ đạo của Chính phủ về khoa học, công nghệ, đổi mới sáng tạo, chuyển đổi số và Đề án 06',
  },
  {
    code: '02-KH/BCĐTW',
    docType: 'plan',
    issuer: 'Ban Chỉ đạo Trung ương',
    issuedOn: '2025-06-19',
    title:
      'Kế hoạch tháo gỡ điểm nghẽn, rào cản trong phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số',
  },
] as const;

/**
 * One task per line: `category | lead unit code | title | options`, options being `key=value` pairs (or a
 * bare flag) separated by `; ` — scenario, start, deadline, allOf (ministry|province), product, continuous,
 * cascadeToCommunes.
 */
const TABLE = `
institutions | BKHCN | Xây dựng Luật Khoa học, công nghệ và đổi mới sáng tạo (thay thế Luật Khoa học và Công nghệ năm 2013)
institutions | BKHCN | Xây dựng Luật Chuyển đổi số
institutions | BKHCN | Xây dựng Luật Công nghiệp công nghệ số | scenario=on_time; deadline=2025-05-31
institutions | BKHCN | Sửa đổi, bổ sung Luật Sở hữu trí tuệ
institutions | BKHCN | Sửa đổi, bổ sung Luật Chuyển giao công nghệ
institutions | BCA | Xây dựng Luật Bảo vệ dữ liệu cá nhân | scenario=on_time; deadline=2025-05-31
institutions | BKHCN | Xây dựng các văn bản hướng dẫn Luật Giao dịch điện tử
institutions | BTC | Sửa đổi Luật Ngân sách nhà nước về chi cho khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số
institutions | BTC | Sửa đổi Luật Đầu tư công về đầu tư cho hạ tầng số và nhiệm vụ khoa học, công nghệ
institutions | BTC | Sửa đổi Luật Đấu thầu về mua sắm sản phẩm, dịch vụ công nghệ số
institutions | BKHCN | Xây dựng Nghị định quy định cơ chế thử nghiệm có kiểm soát (sandbox) đối với công nghệ mới
institutions | BKHCN | Xây dựng Nghị định hướng dẫn Nghị quyết 193/2025/QH15 về các cơ chế thí điểm | start=2025-02-23
institutions | BCA | Xây dựng Nghị định về quản lý, kết nối và chia sẻ dữ liệu
institutions | BCA | Xây dựng Nghị định về định danh và xác thực điện tử
institutions | BTP | Rà soát, sửa đổi 322 văn bản quy phạm pháp luật theo kế hoạch đã được phê duyệt | scenario=at_risk; deadline=2025-12-31
institutions | BTC | Xây dựng Nghị định về cơ chế khoán chi đến sản phẩm cuối cùng đối với nhiệm vụ khoa học và công nghệ
institutions | BNV | Xây dựng Nghị định về chính sách thu hút, trọng dụng nhân tài khoa học, công nghệ
institutions | BTC | Xây dựng Nghị định về quỹ đầu tư mạo hiểm và quỹ phát triển khoa học, công nghệ của doanh nghiệp
institutions | BCT | Xây dựng Luật Thương mại điện tử
institutions | BTC | Xây dựng Nghị định về ưu đãi thuế cho hoạt động nghiên cứu và phát triển
institutions | BCA | Ban hành Chiến lược dữ liệu quốc gia đến năm 2030
institutions | BCA | Ban hành Khung kiến trúc dữ liệu quốc gia, Khung quản trị dữ liệu và Từ điển dữ liệu dùng chung
institutions | VPCP | Ban hành Kế hoạch hành động của bộ, ngành thực hiện Nghị quyết 57-NQ/TW và Nghị quyết 03/NQ-CP | allOf=ministry; deadline=2025-02-28; product=Kế hoạch hành động được ban hành
institutions | BKHCN | Ban hành Kế hoạch chuyển đổi số năm 2026 của địa phương theo mô hình chính quyền hai cấp | allOf=province; start=2025-07-01; deadline=2025-12-31; product=Kế hoạch của UBND tỉnh
infrastructure | BKHCN | Phủ sóng 5G đạt 90% dân số | scenario=in_progress; deadline=2025-12-31
infrastructure | BKHCN | Phủ sóng băng rộng di động đến 100% thôn, bản
infrastructure | BCA | Xây dựng và đưa vào vận hành Trung tâm dữ liệu quốc gia
infrastructure | BKHCN | Phát triển các trung tâm dữ liệu quy mô lớn, nâng tổng công suất thiết kế vượt 221 MW
infrastructure | BKHCN | Triển khai tuyến cáp quang biển kết nối quốc tế mới
infrastructure | BKHCN | Thí điểm dịch vụ Internet vệ tinh quỹ đạo tầm thấp
infrastructure | BCA | Xây dựng hạ tầng điện toán đám mây dùng chung của Chính phủ
infrastructure | BKHCN | Triển khai IPv6 cho toàn bộ cổng thông tin và hệ thống dịch vụ công
infrastructure | BCA | Bảo đảm an toàn, an ninh mạng cho hệ thống thông tin quan trọng quốc gia
infrastructure | BNNMT | Xây dựng mạng lưới trạm quan trắc tài nguyên, môi trường tự động kết nối dữ liệu
infrastructure | BGDDT | Kết nối Internet băng rộng cho 100% cơ sở giáo dục
data | BCA | Hoàn thiện cơ sở dữ liệu quốc gia về dân cư, kết nối với các cơ sở dữ liệu chuyên ngành (Đề án 06)
data | BNNMT | Hoàn thiện cơ sở dữ liệu quốc gia về đất đai
data | BTC | Hoàn thiện cơ sở dữ liệu quốc gia về bảo hiểm
data | BNV | Hoàn thiện cơ sở dữ liệu quốc gia về cán bộ, công chức, viên chức
data | BTC | Hoàn thiện cơ sở dữ liệu quốc gia về đăng ký doanh nghiệp
data | BTP | Hoàn thiện cơ sở dữ liệu hộ tịch điện tử toàn quốc
data | BKHCN | Xây dựng cơ sở dữ liệu quốc gia về khoa học, công nghệ và đổi mới sáng tạo
data | BGDDT | Hoàn thiện cơ sở dữ liệu ngành giáo dục và đào tạo
data | BYT | Hoàn thiện cơ sở dữ liệu y tế và hồ sơ sức khoẻ điện tử
data | BVHTTDL | Xây dựng cơ sở dữ liệu quốc gia về văn hoá
data | TTCP | Hoàn thiện cơ sở dữ liệu về thanh tra, khiếu nại, tố cáo
data | BCA | Gắn số định danh cá nhân cho 100% hồ sơ thủ tục hành chính | scenario=late; deadline=2025-05-31
data | BCA | Đánh giá, xếp hạng chất lượng cơ sở dữ liệu theo tiêu chí "đúng, đủ, sạch, sống, thống nhất, dùng chung" | scenario=in_progress; deadline=2025-12-31
data | BCA | Rà soát dịch vụ công trực tuyến và cơ sở dữ liệu theo Luật Dữ liệu và Khung kiến trúc dữ liệu quốc gia | scenario=at_risk; deadline=2025-12-31
data | BCA | Xây dựng cơ sở dữ liệu tổng hợp quốc gia và Sàn dữ liệu
data | BTC | Hoàn thiện cơ sở dữ liệu về giá và tài sản công
data | VPCP | Báo cáo bộ chỉ số quản trị dựa trên dữ liệu, kết nối Hệ thống thông tin báo cáo Chính phủ | allOf=ministry; start=2025-02-23; deadline=2025-09-30; product=Bộ chỉ số được công bố
data | BCA | Rà soát, làm sạch dữ liệu dân cư, đất đai phục vụ chính quyền địa phương hai cấp | allOf=province; start=2025-07-01; deadline=2025-09-30; product=Dữ liệu được làm sạch
human_resources | BGDDT | Xây dựng Đề án đào tạo nhân lực chất lượng cao về chip bán dẫn và trí tuệ nhân tạo
human_resources | BNV | Phổ cập kỹ năng số cho cán bộ, công chức, viên chức
human_resources | BGDDT | Triển khai phong trào "Bình dân học vụ số"
human_resources | BNV | Bồi dưỡng kiến thức chuyển đổi số cho người đứng đầu cơ quan, đơn vị
human_resources | BNG | Xây dựng cơ chế thu hút chuyên gia, nhà khoa học người Việt Nam ở nước ngoài
human_resources | BGDDT | Đào tạo kỹ sư thiết kế vi mạch bán dẫn (giai đoạn 2025)
human_resources | BGDDT | Đưa nội dung kỹ năng số, trí tuệ nhân tạo vào chương trình giáo dục phổ thông
human_resources | BNV | Kiện toàn tổ chức bộ máy quản lý nhà nước về khoa học, công nghệ và chuyển đổi số
human_resources | BCA | Tăng cường đào tạo nhân lực an ninh mạng
research_innovation | BKHCN | Ban hành danh mục 11 nhóm công nghệ chiến lược và sản phẩm công nghệ chiến lược | scenario=on_time; deadline=2025-06-30
research_innovation | BKHCN | Triển khai chương trình nghiên cứu, phát triển công nghệ chip bán dẫn
research_innovation | BCA | Xây dựng mô hình ngôn ngữ lớn tiếng Việt phục vụ cơ quan nhà nước
research_innovation | BTC | Phát triển mạng lưới Trung tâm đổi mới sáng tạo quốc gia
research_innovation | BKHCN | Đổi mới cơ chế quản lý nhiệm vụ khoa học và công nghệ, lấy kết quả đầu ra làm thước đo
research_innovation | BKHCN | Phát triển hệ thống phòng thí nghiệm trọng điểm quốc gia
research_innovation | VHLKHXH | Chương trình nghiên cứu khoa học xã hội và nhân văn phục vụ phát triển
research_innovation | VHLKHCN | Phát triển Viện Hàn lâm Khoa học và Công nghệ Việt Nam thành trung tâm nghiên cứu đỉnh cao
research_innovation | VPCP | Vận hành Cổng tiếp nhận sáng kiến, giải pháp đổi mới sáng tạo | continuous
research_innovation | BKHCN | Thúc đẩy đăng ký, khai thác sáng chế từ kết quả nghiên cứu
research_innovation | BNNMT | Nghiên cứu ứng dụng công nghệ số trong nông nghiệp thông minh
research_innovation | BYT | Nghiên cứu ứng dụng trí tuệ nhân tạo trong chẩn đoán, điều trị
digital_government | VPCP | Cung cấp 100% thủ tục hành chính đủ điều kiện dưới dạng dịch vụ công trực tuyến toàn trình | scenario=in_progress; deadline=2025-12-31
digital_government | VPCP | 100% thủ tục hành chính liên quan đến doanh nghiệp được thực hiện trực tuyến | scenario=at_risk; deadline=2025-12-31
digital_government | VPCP | 100% thủ tục hành chính được thực hiện không phụ thuộc địa giới hành chính cấp tỉnh
digital_government | VPCP | Nâng cấp Cổng Dịch vụ công quốc gia, tích hợp trợ lý ảo hướng dẫn người dân, doanh nghiệp
digital_government | VPCP | Đưa vào vận hành Hệ thống theo dõi, đánh giá thực hiện Nghị quyết 57 | scenario=overdue; deadline=2025-06-15
digital_government | VPCP | Xây dựng Cổng thông tin điện tử về khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số
digital_government | VPCP | Xây dựng Hệ thống tiếp nhận, xử lý phản ánh, kiến nghị và sáng kiến
digital_government | BKHCN | Phổ cập chữ ký số, đạt 40% người trưởng thành có chữ ký số
digital_government | BCA | Ứng dụng định danh điện tử VNeID trong giải quyết thủ tục hành chính
digital_government | VPCP | Số hoá hồ sơ, kết quả giải quyết thủ tục hành chính
digital_government | VPCP | Vận hành hệ thống quản lý văn bản và điều hành thông suốt các cấp chính quyền
digital_government | NHNN | Triển khai thanh toán trực tuyến trong dịch vụ công
digital_government | BCA | Nâng tỷ lệ người trưởng thành sử dụng dịch vụ công trực tuyến lên 40%
digital_government | TTCP | Xây dựng nền tảng thanh tra, giám sát trực tuyến
digital_government | VPCP | Báo cáo trực tiếp trên hệ thống điện tử theo dõi, đánh giá thực hiện Nghị quyết 57 (100% cấp xã) | allOf=province; cascadeToCommunes; continuous; start=2025-07-01
digital_government | VPCP | Triển khai dịch vụ công trực tuyến toàn trình và số hoá hồ sơ tại cấp xã | allOf=province; cascadeToCommunes; start=2025-07-01; deadline=2026-12-31; product=Dịch vụ công trực tuyến toàn trình
enterprises | BTC | Hỗ trợ doanh nghiệp khởi nghiệp sáng tạo trong lĩnh vực công nghệ số
enterprises | BKHCN | Phát triển doanh nghiệp công nghệ số, vượt 75.000 doanh nghiệp
enterprises | BTC | Chương trình hỗ trợ doanh nghiệp nhỏ và vừa chuyển đổi số
enterprises | BKHCN | Thí điểm cơ chế đặt hàng doanh nghiệp phát triển công nghệ chiến lược
enterprises | BCT | Phát triển thương mại điện tử xuyên biên giới
enterprises | BTC | Thúc đẩy chuyển đổi số trong doanh nghiệp nhà nước
enterprises | BKHCN | Phát triển các nền tảng số quốc gia dùng chung cho doanh nghiệp
communication | BVHTTDL | Thông tin, tuyên truyền về Nghị quyết 57-NQ/TW trên các phương tiện thông tin đại chúng | continuous
communication | DTHVN | Duy trì chuyên mục khoa học, công nghệ và chuyển đổi số trên sóng truyền hình quốc gia | continuous
communication | TTXVN | Thông tin đối ngoại về thành tựu khoa học, công nghệ của Việt Nam | continuous
communication | BNV | Khen thưởng tập thể, cá nhân tiêu biểu trong chuyển đổi số
communication | BKHCN | Tổ chức Ngày Chuyển đổi số quốc gia 10/10 | scenario=late_start; start=2025-07-15; deadline=2025-10-10
other | VPCP | Báo cáo định kỳ tình hình thực hiện Nghị quyết 57-NQ/TW và Chương trình hành động | continuous
other | BTC | Bố trí tối thiểu 3% tổng chi ngân sách cho khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số | scenario=in_progress; deadline=2025-12-31
other | TTCP | Kiểm tra, giám sát việc thực hiện Nghị quyết 57-NQ/TW tại các bộ, ngành, địa phương | continuous
other | BNG | Đẩy mạnh hợp tác quốc tế về khoa học, công nghệ và đổi mới sáng tạo
`;

function parseLine(line: string): CatalogueTask {
  const [category, lead, title, options = ''] = line.split(' | ');
  const task: CatalogueTask = { category: category as TaskCategory, lead: lead!, title: title! };
  for (const option of options.split('; ').filter(Boolean)) {
    const [key, value] = option.split('=') as [keyof CatalogueTask, string | undefined];
    (task as unknown as Record<string, unknown>)[key] = value ?? true;
  }
  return task;
}

export const DEMO_TASKS: CatalogueTask[] = TABLE.trim().split('\n').map(parseLine);

export const DIFFICULTIES = [
  'Thiếu kinh phí bố trí cho nhiệm vụ',
  'Thiếu nhân lực chuyên môn về công nghệ thông tin',
  'Hạ tầng kỹ thuật chưa đồng bộ',
  'Vướng mắc về cơ chế, chính sách pháp lý',
  'Dữ liệu chưa được chuẩn hoá, làm sạch',
  'Chậm có hướng dẫn của cơ quan cấp trên',
  'Sắp xếp tổ chức bộ máy ảnh hưởng tiến độ',
];

export const PROPOSALS = [
  'Đề nghị bổ sung kinh phí năm 2025',
  'Đề nghị Bộ Khoa học và Công nghệ sớm ban hành hướng dẫn',
  'Đề nghị hỗ trợ đào tạo cán bộ chuyên trách',
  'Đề nghị gia hạn thời gian thực hiện',
];

export const LEADERS = [
  'Nguyễn Văn Hùng',
  'Trần Thị Mai',
  'Lê Quang Minh',
  'Phạm Thu Hà',
  'Hoàng Đức Thắng',
  'Vũ Thị Lan',
  'Đặng Minh Tuấn',
  'Bùi Thanh Sơn',
];
