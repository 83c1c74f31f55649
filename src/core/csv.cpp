// RFC 4180 tables (see csv.hpp): one pass over the text, counting lines and columns for the messages.
#include "core/csv.hpp"

#include <optional>

#include "core/text_format.hpp"

namespace labcalc::core {
namespace {

class Reader {
public:
    Reader(std::string_view text, std::string_view name) : text_(text), name_(Printable(name, 200))
    {
        // A byte order mark is how some editors say "UTF-8"; it is not part of the first column's name.
        if (text_.substr(0, 3) == "\xEF\xBB\xBF")
            pos_ = 3;
    }

    const std::string& Error() const { return error_; }

    // The next record that is not blank; nullopt at the end of the text or on an error (Error() says which).
    std::optional<CsvRecord> Next()
    {
        while (pos_ < text_.size()) {
            CsvRecord r;
            if (!ReadRecord(&r))
                return std::nullopt;
            if (!Blank(r))
                return r;
        }
        return std::nullopt;
    }

    std::string Where(std::size_t line, std::size_t column) const
    {
        return name_ + ": line " + std::to_string(line) + ", column " + std::to_string(column) + ": ";
    }

private:
    // A line with nothing but spaces; a lone "" is an empty field, not a blank line.
    bool Blank(const CsvRecord& r) const
    {
        return r.fields.size() == 1 && !first_quoted_ && r.fields[0].find_first_not_of(" \t") == std::string::npos;
    }

    bool Fail(std::size_t line, std::size_t column, const std::string& why)
    {
        error_ = Where(line, column) + why;
        return false;
    }

    char Peek() const { return pos_ < text_.size() ? text_[pos_] : '\0'; }
    bool AtLineEnd() const { return pos_ >= text_.size() || text_[pos_] == '\n' || text_[pos_] == '\r'; }

    // Steps over one line end (\n, \r\n or \r).
    void SkipLineEnd()
    {
        if (pos_ < text_.size() && text_[pos_] == '\r')
            ++pos_;
        if (pos_ < text_.size() && text_[pos_] == '\n')
            ++pos_;
        ++line_;
        line_start_ = pos_;
    }

    std::size_t Column() const { return pos_ - line_start_ + 1; }

    bool ReadRecord(CsvRecord* r)
    {
        r->line = line_;
        first_quoted_ = false;
        for (;;) {
            r->columns.push_back(Column());
            r->lines.push_back(line_);
            std::string field;
            bool quoted = false;
            if (!ReadField(&field, &quoted))
                return false;
            if (r->fields.empty())
                first_quoted_ = quoted;
            r->fields.push_back(std::move(field));
            if (Peek() == ',' && pos_ < text_.size()) {
                ++pos_;
                continue;
            }
            r->end_column = Column();
            if (pos_ < text_.size())
                SkipLineEnd();
            return true;
        }
    }

    bool ReadField(std::string* out, bool* quoted)
    {
        // Spaces before an opening quote are allowed (some writers put them after the comma).
        std::size_t look = pos_;
        while (look < text_.size() && text_[look] == ' ')
            ++look;
        if (look < text_.size() && text_[look] == '"') {
            *quoted = true;
            pos_ = look;
            return ReadQuoted(out);
        }
        while (!AtLineEnd() && Peek() != ',') {
            if (Peek() == '\0')
                return Fail(line_, Column(), "a NUL byte: this is not a text table");
            out->push_back(text_[pos_++]);
        }
        return true;
    }

    bool ReadQuoted(std::string* out)
    {
        const std::size_t open_line = line_, open_column = Column();
        ++pos_; // the opening quote
        for (;;) {
            if (pos_ >= text_.size())
                return Fail(open_line, open_column, "a quoted field is not closed (a \" is missing)");
            const char c = text_[pos_];
            if (c == '"') {
                if (pos_ + 1 < text_.size() && text_[pos_ + 1] == '"') {
                    out->push_back('"');
                    pos_ += 2;
                    continue;
                }
                ++pos_;
                break;
            }
            if (c == '\0')
                return Fail(line_, Column(), "a NUL byte: this is not a text table");
            if (c == '\r' || c == '\n') {
                // A line break inside quotes is part of the field; keep one '\n' for any line end.
                out->push_back('\n');
                SkipLineEnd();
                continue;
            }
            out->push_back(c);
            ++pos_;
        }
        while (Peek() == ' ' && pos_ < text_.size())
            ++pos_;
        if (!AtLineEnd() && Peek() != ',')
            return Fail(line_, Column(),
                        "text after the closing quote of a field (a quote inside a field is written \"\")");
        return true;
    }

    std::string_view text_;
    std::string name_;
    std::string error_;
    std::size_t pos_ = 0, line_ = 1, line_start_ = 0;
    bool first_quoted_ = false; // the record being read began with a quoted field
};

} // namespace

Expected<CsvRecord> ParseCsvHeader(std::string_view text, std::string_view name)
{
    Reader reader(text, name);
    std::optional<CsvRecord> header = reader.Next();
    if (!header)
        return Expected<CsvRecord>::Fail(reader.Error().empty() ? Printable(name, 200) + ": empty: no header row"
                                                                : reader.Error());
    return Expected<CsvRecord>::Ok(std::move(*header));
}

Expected<CsvTable> ParseCsv(std::string_view text, std::string_view name)
{
    Reader reader(text, name);
    CsvTable table;
    std::optional<CsvRecord> header = reader.Next();
    if (!header)
        return Expected<CsvTable>::Fail(reader.Error().empty() ? Printable(name, 200) + ": empty: no header row"
                                                               : reader.Error());
    table.header = std::move(*header);
    const std::size_t width = table.header.fields.size();
    while (std::optional<CsvRecord> r = reader.Next()) {
        if (r->fields.size() != width) {
            // Point at the first field too many, or at the end of a record that is short of fields.
            const bool too_many = r->fields.size() > width;
            const std::size_t line = too_many ? r->lines[width] : r->lines.back();
            const std::size_t column = too_many ? r->columns[width] : r->end_column;
            return Expected<CsvTable>::Fail(
                reader.Where(line, column) + std::to_string(r->fields.size()) + " fields where the header has " +
                std::to_string(width) + (too_many ? " (a comma too many, or a field with commas not in quotes?)" : ""));
        }
        table.records.push_back(std::move(*r));
    }
    if (!reader.Error().empty())
        return Expected<CsvTable>::Fail(reader.Error());
    return Expected<CsvTable>::Ok(std::move(table));
}

} // namespace labcalc::core
