// plan.json: narrative sections (Markdown files) and the category tree.
#include <set>

#include "base/suggest.hpp"
#include "validate/plan_reader.hpp"

namespace planpress::validate {

void PlanReader::read_sections(const JsonRef& root, Plan& p) {
  std::set<std::string> used;
  for (const auto& s : r_.array(root, "sections", "section")) {
    if (!r_.expect_object(s, keys::section)) continue;
    Section sec;
    sec.id = r_.slug(s, "id");
    sec.id_location = r_.at(r_.member(s, "id").pointer);
    sec.number = r_.text(s, "number");
    sec.title = r_.text(s, "title");
    sec.file = r_.text(s, "file");
    sec.location = r_.at(s.pointer);
    if (auto inc = r_.member(s, "include")) {
      const std::string what = r_.keyword(s, "include", {"categories", "items", "blocks"});
      for (auto k : {SectionInclude::categories, SectionInclude::items, SectionInclude::blocks})
        if (what == to_string(k)) sec.include = k;
      // Each part of the plan has one place.
      if (sec.include != SectionInclude::none)
        if (const auto* other = p.placing(sec.include))
          diags_.error(base::Code::duplicate_id, r_.at(inc.pointer),
                       "section '" + sec.id + "' places the " + what + ", which section '" + other->id + "' already places",
                       {"the category tree, the items table and the categories' blocks are each shown in one place"});
    }
    // A section without a place for generated content is a heading and a text; with one, either may be
    // left out (大崎市's chapters Ⅱ and Ⅲ are the categories themselves).
    if (sec.include == SectionInclude::none)
      for (const char* key : {"title", "file"})
        if (!r_.member(s, key))
          diags_.error(base::Code::missing_field, sec.location, s.what + " has no '" + std::string(key) + "'",
                       {"a section needs a title and a Markdown file, unless it places the categories, the items or the blocks (\"include\")"});
    if (!sec.file.empty()) used.insert(sec.file);
    auto it = raw_.markdown.find(sec.file);
    if (!sec.file.empty() && it == raw_.markdown.end()) {
      std::vector<std::string> names;
      for (const auto& [name, src] : raw_.markdown) names.push_back(name);
      std::vector<std::string> hints;
      if (auto m = base::closest_match(sec.file, names)) hints.push_back("did you mean '" + *m + "'?");
      diags_.error(base::Code::missing_file, r_.at(r_.member(s, "file").pointer),
                   "section '" + sec.id + "' names '" + sec.file + "', which is not in " + raw_.path, hints);
    } else if (it != raw_.markdown.end()) {
      sec.source = it->second;
      const auto src = it->second;
      sec.text = src->text();
      sec.markdown = markdown::parse(src->text(), [src](std::size_t off) { return base::Location::in(src, off); }, diags_);
    }
    p.sections.push_back(std::move(sec));
  }
  for (const auto& [name, src] : raw_.markdown) {
    if (!used.count(name))
      diags_.warning(base::Code::unused_file, base::Location::in(src, 0), "no section of plan '" + p.id + "' uses this file",
                     {"list it in plan.json \"sections\" or remove it"});
  }
}

void PlanReader::read_categories(const JsonRef& list, std::vector<Category>& out, int depth) {
  for (const auto& c : r_.elements(list, "category")) {
    if (!r_.expect_object(c, keys::category)) continue;
    Category cat;
    cat.id = r_.slug(c, "id");
    cat.id_location = r_.at(r_.member(c, "id").pointer);
    cat.number = r_.text(c, "number");
    cat.title = r_.text(c, "title");
    cat.kind = r_.text(c, "kind");
    cat.location = r_.at(c.pointer);
    for (const auto& b : r_.array(c, "blocks", "block")) {
      if (!r_.expect_object(b, keys::block)) continue;
      Block block{r_.text(b, "label"), {}, {}, r_.at(b.pointer)};
      if (auto t = r_.member(b, "text"); t && t.json->is_string()) {
        r_.checked(t, Lines::many);  // Markdown keeps its line breaks as written (see entries.cpp)
        block.text = t.json->get<std::string>();
        block.markdown = markdown_in_string(t, 3);
      } else {
        block.text = r_.text(b, "text");  // reports what is wrong with it
      }
      cat.blocks.push_back(std::move(block));
    }
    cat.refs = refs(c);
    cat.notes = notes(c);
    if (depth < 8) read_categories(r_.member(c, "children"), cat.children, depth + 1);
    else diags_.error(base::Code::json_too_deep, r_.at(c.pointer), "categories nested deeper than 8 levels");
    out.push_back(std::move(cat));
  }
}

}  // namespace planpress::validate
