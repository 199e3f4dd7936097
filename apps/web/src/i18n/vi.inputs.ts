/** Vietnamese strings of the shared inputs: dates typed day/month/year, the file button. */
export const viInputs = {
  'input.datePlaceholder': 'ngày/tháng/năm',
  'input.dateHint': 'Ví dụ: 30/06/2025',
  'input.dateInvalid': 'Ngày không hợp lệ. Hãy nhập theo dạng ngày/tháng/năm, ví dụ 30/06/2025.',
  'input.datePicker': 'Chọn ngày trên lịch',
  'input.chooseFile': 'Chọn tệp…',
  'input.noFile': 'Chưa chọn tệp nào',
};
