import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { statisticsRoutes, type Lang, type StatRow } from '@pilotage/contracts';
import { langOf, route } from '../../http/route.ts';
import {
  addTableSheet,
  asDownload,
  CSV_TYPE,
  toCsv,
  workbookBuffer,
  XLSX_TYPE,
  type TableColumn,
} from '../task-io/index.ts';
import type { StatisticsService } from './statistics.service.ts';

const HEADERS = {
  vi: [
    'Đơn vị / Chủ đề',
    'Mã',
    'Tiếp nhận',
    'Đã trả lời',
    'Trả lời đúng hạn',
    'Quá hạn',
    'Trung vị (ngày làm việc)',
    'Mức hài lòng (1–5)',
    'Lượt đánh giá',
  ],
  en: [
    'Unit / Topic',
    'Code',
    'Received',
    'Answered',
    'Answered on time',
    'Overdue',
    'Median (working days)',
    'Satisfaction (1–5)',
    'Ratings',
  ],
};

function columns(lang: Lang): TableColumn<StatRow>[] {
  const h = HEADERS[lang];
  return [
    { header: h[0]!, width: 48, value: (r) => r.name },
    { header: h[1]!, width: 12, value: (r) => r.code },
    { header: h[2]!, value: (r) => r.received },
    { header: h[3]!, value: (r) => r.answered },
    { header: h[4]!, value: (r) => r.answeredOnTime },
    { header: h[5]!, value: (r) => r.overdue },
    { header: h[6]!, value: (r) => r.medianWorkingDays },
    { header: h[7]!, value: (r) => r.satisfaction },
    { header: h[8]!, value: (r) => r.ratings },
  ];
}

export function statisticsPlugin(stats: StatisticsService) {
  return async (app: FastifyInstance) => {
    const r = statisticsRoutes;
    route(app, r.public, ({ query, request }) => stats.publicStats(query, langOf(request)));
    route(app, r.internal, ({ query }, ctx) => stats.internal(ctx, query));
    route(app, r.csv, async ({ query, reply }, ctx) => {
      const lang = query.lang ?? ctx.lang;
      const s = await stats.internal({ ...ctx, lang }, query);
      return asDownload(
        reply,
        toCsv(columns(lang), [...s.rows, s.total]),
        CSV_TYPE,
        `thong-ke-phan-anh-${s.by}.csv`,
      );
    });
    route(app, r.xlsx, async ({ query, reply }, ctx) => {
      const lang = query.lang ?? ctx.lang;
      const s = await stats.internal({ ...ctx, lang }, query);
      const wb = new ExcelJS.Workbook();
      addTableSheet(wb, lang === 'en' ? 'Statistics' : 'Thống kê', columns(lang), [...s.rows, s.total]);
      return asDownload(reply, await workbookBuffer(wb), XLSX_TYPE, `thong-ke-phan-anh-${s.by}.xlsx`);
    });
  };
}
