#pragma once
// A reader of comma-separated tables (RFC 4180) as public price tables are published: a header row, then
// one record per line; a field in double quotes may hold commas, line breaks and doubled quotes ("").
// It also takes what those files carry in practice: a UTF-8 byte order mark, CRLF or CR line ends, blank
// lines, spaces around a quoted field. Pure: the caller reads the file and passes its text and name.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/expected.hpp"

namespace labcalc::core {

struct CsvRecord {
    std::size_t line = 0;             // 1-based line the record starts on
    std::vector<std::string> fields;  // quotes removed, "" read as "
    std::vector<std::size_t> columns; // 1-based column (byte in its line) where each field starts
    std::vector<std::size_t> lines;   // 1-based line where each field starts (a quoted field can span lines)
    std::size_t end_column = 0;       // the column just after the record's last character
};

struct CsvTable {
    CsvRecord header;               // the first record that is not blank
    std::vector<CsvRecord> records; // the others, in file order, blank lines left out
};

// `name` names the file in messages, which say where the text breaks the format:
//   "vms.csv: line 3, column 17: a quoted field is not closed"
//   "vms.csv: line 7, column 80: 12 fields where the header has 11"
// Every record must have as many fields as the header.
[[nodiscard]] Expected<CsvTable> ParseCsv(std::string_view text, std::string_view name);

// Only the header row (for telling formats apart without reading the whole file); same rules and messages.
[[nodiscard]] Expected<CsvRecord> ParseCsvHeader(std::string_view text, std::string_view name);

} // namespace labcalc::core
