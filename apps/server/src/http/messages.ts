import type { Lang } from '@pilotage/contracts';

/** Server-side messages, Vietnamese first. Keys are stable codes; add both languages together. */
const vi = {
  bad_request: 'Yêu cầu không hợp lệ',
  validation_failed: 'Dữ liệu gửi lên không hợp lệ',
  invalid_json: 'Nội dung JSON không đọc được',
  body_too_large: 'Nội dung gửi lên quá lớn',
  unsupported_media_type: 'Định dạng nội dung không được hỗ trợ',
  unauthenticated: 'Bạn cần đăng nhập',
  invalid_credentials: 'Tên đăng nhập hoặc mật khẩu không đúng',
  too_many_attempts: 'Quá nhiều lần đăng nhập sai. Vui lòng thử lại sau {minutes} phút',
  csrf_failed: 'Thiếu hoặc sai mã chống giả mạo (CSRF)',
  forbidden: 'Bạn không có quyền thực hiện thao tác này',
  not_found: 'Không tìm thấy',
  route_not_found: 'Không có đường dẫn {method} {url}',
  conflict: 'Dữ liệu bị trùng hoặc xung đột',
  username_taken: 'Tên đăng nhập đã tồn tại',
  unit_not_found: 'Không tìm thấy đơn vị',
  unit_out_of_scope: 'Đơn vị nằm ngoài phạm vi của bạn',
  role_not_grantable: 'Bạn không được cấp vai trò này',
  internal: 'Lỗi hệ thống. Vui lòng thử lại sau',
  unrecognized_field: 'Trường không được phép',
} as const;

export type MessageKey = keyof typeof vi;

const en: Record<MessageKey, string> = {
  bad_request: 'Bad request',
  validation_failed: 'The submitted data is not valid',
  invalid_json: 'The JSON body could not be read',
  body_too_large: 'The request body is too large',
  unsupported_media_type: 'Unsupported content type',
  unauthenticated: 'You need to sign in',
  invalid_credentials: 'Wrong username or password',
  too_many_attempts: 'Too many failed sign-ins. Try again in {minutes} minutes',
  csrf_failed: 'Missing or wrong anti-forgery (CSRF) token',
  forbidden: 'You are not allowed to do this',
  not_found: 'Not found',
  route_not_found: 'No route {method} {url}',
  conflict: 'Duplicate or conflicting data',
  username_taken: 'This username is already taken',
  unit_not_found: 'Org unit not found',
  unit_out_of_scope: 'This org unit is outside your scope',
  role_not_grantable: 'You may not grant this role',
  internal: 'Internal error. Please try again later',
  unrecognized_field: 'Field not allowed',
};

const catalogs: Record<Lang, Record<MessageKey, string>> = { vi, en };

export function t(lang: Lang, key: MessageKey, params: Record<string, string | number> = {}): string {
  return catalogs[lang][key].replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`));
}

/** Picks vi or en from Accept-Language; Vietnamese unless English is preferred. */
export function langFromHeader(header: string | undefined): Lang {
  if (!header) return 'vi';
  const ranked = header
    .split(',')
    .map((part) => {
      const [tag = '', ...rest] = part.trim().split(';');
      const q = rest.find((p) => p.trim().startsWith('q='));
      return { tag: tag.toLowerCase(), q: q ? Number(q.trim().slice(2)) || 0 : 1 };
    })
    .filter((x) => x.tag.startsWith('vi') || x.tag.startsWith('en'))
    .sort((a, b) => b.q - a.q);
  return ranked[0]?.tag.startsWith('en') ? 'en' : 'vi';
}
