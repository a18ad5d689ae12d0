#include "validate/document_reader.hpp"

namespace planpress::validate {

std::optional<Period> DocumentReader::period(const JsonRef& obj, const std::string& key) {
  auto v = r_.member(obj, key);
  if (!r_.expect_object(v, keys::period)) return std::nullopt;
  Period p;
  p.from = r_.year(v, "from").value_or(0);
  bool was_null = false;
  p.to = r_.year_or_null(v, "to", was_null);
  p.open_end = was_null || !r_.member(v, "to");
  p.label = r_.text(v, "label");
  if (p.to && p.from && *p.to < p.from)
    diags_.error(r_.at(r_.member(v, "to").pointer), msg<Msg::out_of_range_period>(arg<"to">(*p.to), arg<"from">(p.from)));
  return p;
}

std::optional<DateInfo> DocumentReader::date(const JsonRef& obj, const std::string& key) {
  auto v = r_.member(obj, key);
  if (!r_.expect_object(v, keys::date)) return std::nullopt;
  DateInfo d{r_.text(v, "label"), r_.text(v, "iso")};
  auto iso = r_.member(v, "iso");
  if (iso && !d.iso.empty()) {
    const auto& s = d.iso;
    auto digit = [&](std::size_t i) { return i < s.size() && s[i] >= '0' && s[i] <= '9'; };
    bool ok = (s.size() == 4 || s.size() == 7 || s.size() == 10) && digit(0) && digit(1) && digit(2) && digit(3);
    if (ok && s.size() >= 7) ok = s[4] == '-' && digit(5) && digit(6) && std::stoi(s.substr(5, 2)) >= 1 && std::stoi(s.substr(5, 2)) <= 12;
    int in_month = 0;  // when the day does not exist in its month: the days that month has
    if (ok && s.size() == 10) {
      ok = s[7] == '-' && digit(8) && digit(9);
      if (ok) {
        // The day must exist in that month: 2023-02-30 is not a date (February 2023 has 28 days).
        const int year = std::stoi(s.substr(0, 4)), month = std::stoi(s.substr(5, 2)), day = std::stoi(s.substr(8, 2));
        const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
        static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
        const int days_in_month = days[month - 1] + (month == 2 && leap ? 1 : 0);
        if (day < 1 || day > days_in_month) {
          ok = false;
          in_month = days_in_month;
        }
      }
    }
    if (!ok)
      diags_.error(r_.at(iso.pointer),
                   in_month ? msg<Msg::wrong_type_not_a_day>(arg<"what">(iso.what), arg<"value">(s), arg<"month">(s.substr(0, 7)),
                                                            arg<"days">(in_month))
                            : msg<Msg::wrong_type_not_a_date>(arg<"what">(iso.what), arg<"value">(s)),
                   {msg<Msg::wrong_type_date_hint>()});
  }
  return d;
}

std::vector<Note> DocumentReader::notes(const JsonRef& obj) {
  std::vector<Note> out;
  for (const auto& n : r_.array(obj, "notes", Msg::term_note)) {
    if (!r_.expect_object(n, keys::note)) continue;
    out.push_back(Note{r_.keyword(n, "type", note_type_keywords()), r_.text(n, "field", false), r_.paragraphs(n, "text"), r_.paragraphs(n, "where", false)});
  }
  return out;
}

std::vector<Ref> DocumentReader::refs(const JsonRef& obj) {
  std::vector<Ref> out;
  for (const auto& v : r_.array(obj, "refs", Msg::term_reference)) {
    if (!r_.expect_object(v, keys::ref)) continue;
    Ref ref;
    ref.to = r_.text(v, "to");
    ref.location = r_.at(r_.member(v, "to").pointer);
    const std::string type = r_.keyword(v, "type", ref_type_keywords());
    if (auto t = ref_type_from(type)) ref.type = *t;
    ref.evidence = r_.paragraphs(v, "evidence", false);
    ref.field = r_.text(v, "field", false);
    ref.medium_confidence = r_.keyword(v, "confidence", {"high", "medium"}) == "medium";
    out.push_back(std::move(ref));
  }
  return out;
}

ExternalDocument DocumentReader::external_document(const JsonRef& v, const std::string& declared_in) {
  ExternalDocument d;
  r_.expect_object(v, keys::external_document);
  d.id = r_.slug(v, "id");
  d.title = r_.text(v, "title");
  d.municipality = r_.text(v, "municipality", false);
  d.kind = r_.text(v, "kind", false);
  d.note = r_.paragraphs(v, "note", false);
  d.date = date(v, "date");
  d.period = period(v, "period");
  d.declared_in = declared_in;
  d.location = r_.member(v, "id") ? r_.at(r_.member(v, "id").pointer) : r_.at(v.pointer);
  return d;
}

markdown::Document DocumentReader::markdown_in_string(const JsonRef& v, int min_heading) {
  const std::string text = v.json->get<std::string>();
  const auto& doc = r_.document();
  const std::string pointer = v.pointer;
  markdown::ParseOptions opts;
  opts.min_heading_level = min_heading;
  return markdown::parse(text, [&doc, pointer](std::size_t off) { return doc.in_string(pointer, off); }, diags_, opts);
}

}  // namespace planpress::validate
