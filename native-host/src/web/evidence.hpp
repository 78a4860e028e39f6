// What the evidence exports (HTML, JSON, CSV) share: which cases a selection covers, and the
// printable stylesheet embedded in the HTML file.
#pragma once

#include <string>
#include <vector>

#include "core/model.hpp"
#include "web/export_html.hpp"

namespace caselog::web {

inline constexpr std::size_t kMaxEvidenceCases = 5000;

// The selected cases loaded with messages, oldest activity first. Throws not_found for an unknown
// case, bad_request when a range covers more than kMaxEvidenceCases cases.
std::vector<CaseRecord> selectEvidenceCases(CaseService& service, const ExportSelection& selection);
std::string describeSelection(const ExportSelection& selection);

std::string evidenceJson(CaseService& service, const ExportSelection& selection);
std::string evidenceCsv(CaseService& service, const ExportSelection& selection);

// The <style> of the HTML export, and its CSP source ('sha256-…') so the view can serve the file.
inline constexpr char kEvidenceStyle[] =
    "body{font:14px/1.5 system-ui,-apple-system,'Segoe UI',Roboto,'Noto Sans','Noto Sans CJK JP',sans-serif;"
    "max-width:900px;margin:24px auto;padding:0 16px;color:#111;background:#fff}"
    "h1{font-size:22px}h2{font-size:18px;border-bottom:2px solid "
    "#333;padding-bottom:4px;overflow-wrap:anywhere}"
    "h3{font-size:14px;margin:18px 0 6px;text-transform:uppercase;letter-spacing:.04em;color:#444}"
    "table{border-collapse:collapse;width:100%;margin:6px 0}th,td{border:1px solid #ccc;padding:4px 8px;"
    "text-align:left;vertical-align:top;font-size:13px;overflow-wrap:anywhere}"
    "table.facts th{width:160px;background:#f5f5f5}"
    "table.events td:last-child{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:11px}"
    ".m{border:1px solid #ccc;border-radius:6px;padding:6px 12px;margin:8px 0;break-inside:avoid}"
    ".m.amazon{border-left:5px solid #c77800}.m.seller{border-left:5px solid #3d63c9}"
    ".m .h{margin:0 0 4px;font-size:12px;color:#333}"
    "pre{white-space:pre-wrap;overflow-wrap:anywhere;font:13px/1.5 "
    "ui-monospace,Menlo,Consolas,monospace;margin:0}"
    "section.case{break-before:page}@media print{body{margin:0;max-width:none}}";
const std::string& evidenceStyleCspSource();

}  // namespace caselog::web
