/** From reports to recommendations (issue 10, item 6): promotion, links both ways, the most cited. */
export { RecommendationsService } from './recommendations.service.ts';
export { recommendationsPlugin } from './recommendations.routes.ts';
