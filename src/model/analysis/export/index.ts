/**
 * Analyses to take away (issue 26): a model's analysis as JSON and as four CSV tables, and
 * readers of both. docs/analysis-export.md defines every field and column.
 */
export { type AnalysisReport, analyseImportedModel, analyseInstance, type InstanceReport, type ReportSource } from './report';
export { analysisTables, type Cell, type Column, type ColumnType, type Table } from './tables';
export { parseCsv, parseTable, toCsv } from './csv';
export { ANALYSIS_FORMAT, ANALYSIS_VERSION, type AnalysisJson, analysisJson, analysisObject, parseAnalysisJson } from './json';
