/** Messages of the scorecards module (targets, formulas, league tables, pins), Vietnamese first. */
export const scorecardMessages = {
  vi: {
    duplicate_date: 'Mỗi ngày chỉ có một mục tiêu',
    indicator_not_found: 'Không tìm thấy chỉ tiêu',
    unit_code_not_found: 'Không tìm thấy đơn vị có mã này',
    scorecard_staff_only:
      'Chỉ cán bộ Ban Chỉ đạo và quản trị viên được thay đổi mục tiêu, trọng số và công bố xếp hạng',
    formula_unknown_component: 'Thành phần "{key}" không tồn tại',
    formula_duplicate_component: 'Thành phần "{key}" bị lặp lại',
    formula_bad_weight: 'Trọng số phải là số không âm',
    formula_no_weight: 'Cần ít nhất một thành phần có trọng số lớn hơn 0',
    formula_version_not_found: 'Không có phiên bản công thức này',
    ranking_parent_required: 'Xếp hạng cấp xã cần mã tỉnh, thành phố (parent)',
    ranking_parent_not_province: 'Mã parent phải là một tỉnh, thành phố',
    ranking_unit_not_ranked: 'Đơn vị này không được xếp hạng (chỉ bộ, ngành, tỉnh, thành phố và xã, phường)',
    formula_version_conflict: 'Một phiên bản công thức khác vừa được tạo; hãy tải lại và thử lại',
  },
  en: {
    duplicate_date: 'One target per date',
    indicator_not_found: 'Indicator not found',
    unit_code_not_found: 'No unit has this code',
    scorecard_staff_only:
      'Only steering committee staff and administrators change targets and weights and publish rankings',
    formula_unknown_component: 'There is no component "{key}"',
    formula_duplicate_component: 'Component "{key}" is listed twice',
    formula_bad_weight: 'A weight must be a non-negative number',
    formula_no_weight: 'At least one component needs a weight above 0',
    formula_version_not_found: 'There is no such formula version',
    ranking_parent_required: 'A league table of communes needs the province code (parent)',
    ranking_parent_not_province: 'parent must be the code of a province or centrally-run city',
    ranking_unit_not_ranked: 'This unit is not ranked (only ministries, provinces and communes are)',
    formula_version_conflict: 'Another formula version was just created; reload and try again',
  },
} as const;
