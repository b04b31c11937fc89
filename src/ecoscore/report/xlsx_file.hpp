#pragma once

#include <functional>
#include <ostream>
#include <string>

struct lxw_workbook;

namespace ecoscore::report {

// Builds a workbook with libxlsxwriter and copies its bytes to `out`.
// libxlsxwriter 1.1.4 writes only to a file path, so the workbook goes to a
// private temporary file, removed in every case. The document's created date
// is `date` (YYYY-MM-DD) or the zip epoch 1980-01-01, never the clock, so the
// same content gives the same bytes. `title` is the document title.
void write_xlsx(std::ostream& out, const std::string& date, const std::string& title,
                const std::function<void(lxw_workbook*)>& build);

// Excel's limits on sheet names: at most 31 characters, none of []:*?/\.
std::string xlsx_sheet_name(std::string_view name);

}  // namespace ecoscore::report
