// GB/T 19580 self-evaluation (contract §4): catalogue as data, bands, roll-up, report model, rounds, individuals.
export {
  gbt19580Catalogue, catalogueItems, catalogueItemById, catalogueCategoryById, categoryIds, itemIds, totalPoints,
  type CatalogueCategory, type CatalogueItem, type CategoryId, type ItemId, type ItemKind,
} from './catalogue.ts';
export {
  scoringBands, bandOf, percentSchema as selfEvaluationPercentSchema, processFactorNames, resultsFactorNames,
  type ScoringBand, type ProcessFactors, type ResultsFactors,
} from './bands.ts';
export { scoreSelfEvaluation, sheetSchema, itemScore, scoreSubtotals, formatScore, improvementPriorities, SHEET_FORMAT, type Sheet, type Score } from './score.ts';
export {
  evidenceLinkSchema, itemNotesSchema, profileSchema, emptyItemNotes, countChars, profileLength,
  type EvidenceLink, type ItemNotes, type OrganisationProfile,
} from './notes.ts';
export { buildReportModel, reportLength, reportText, reportOptionsSchema, type ReportModel, type ReportOptions, type ReportItem, type ScoreRow } from './report.ts';
export { compareRounds, type RoundComparison, type RoundDelta } from './rounds.ts';
export {
  individualDimensions, individualDimensionIds, qualityWorkYearsMet, individualAssessmentSchema, individualReadiness, individualSelfLabels,
  type IndividualDimension, type IndividualDimensionId, type IndividualAssessment,
} from './individual.ts';
export { workbookSchema, emptyWorkbook, workbookSheet, WORKBOOK_FORMAT, type Workbook } from './workbook.ts';
export { REPORT_FONTS, REPORT_SIZES, DEFAULT_REPORT_LAYOUT, reportLayoutSchema, docxLayoutOf, type ReportFont, type ReportSize, type ReportLayout } from './report-layout.ts';
