// Generators: pure functions from the checked model (and its findings) to documents.
export * from './escape.js';
export * from './findings.js';
export * from './generator-error.js';
export * from './view-model.js';
export * from './write-output.js';
export * from './html-page.js';
export { renderMatrix, type MatrixFormat, type MatrixOptions } from './matrix/matrix.js';
export { renderMermaid, renderMermaidMarkdown, type MermaidOptions } from './mermaid.js';
export { renderJson, MODEL_FORMAT_VERSION, type JsonOptions } from './json.js';
export { buildDiagramSpec, levelColors, type DiagramOptions, type DiagramSpec, type DiagramNode, type DiagramEdge } from './diagram/diagram-spec.js';
export { layoutDiagram, toElkGraph, type ElkLayouter, type LaidOutDiagram } from './diagram/elk-graph.js';
export { renderSvg } from './diagram/render-svg.js';
export { renderDiagramSvg } from './diagram/diagram.js';
export { renderCharter, renderTemplate, type CharterFormat, type CharterOptions } from './charter/charter.js';
export { buildCharterData, type CharterData, type CharterDecision, type CharterRole } from './charter/charter-data.js';
export { BUILTIN_TEMPLATES, builtinTemplate, builtinTemplateFolder, loadTemplateFolder, type BuiltinTemplateName, type TemplateSet } from './charter/template-folder.js';
export { renderReport, type ReportFormat, type ReportOptions } from './report/report.js';
export { STARTERS, findStarter, instantiateStarter, renameIdentifiers, retitleMap, kebab, type Starter, type StarterFile } from './starters/starters.js';
