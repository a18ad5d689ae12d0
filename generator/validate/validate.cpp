#include "validate/validate.hpp"

#include <map>

#include "validate/document_reader.hpp"
#include "validate/plan_reader.hpp"

namespace planpress::validate {

Model validate(const content::RawContent& raw, base::Diagnostics& diags) {
  Model model;
  if (raw.site) model.site = read_site(*raw.site, diags);
  if (raw.documents) model.documents = read_documents(*raw.documents, diags);
  for (const auto& rp : raw.plans) {
    if (!rp.plan) continue;
    PlanReader reader(rp, diags);
    model.plans.push_back(reader.run());
    for (auto& d : reader.documents_) model.documents.push_back(std::move(d));
  }
  // Plan and document ids share one site-wide namespace: both are reference targets.
  std::map<std::string, base::Location> seen;
  auto claim = [&](const std::string& id, const base::Location& where, Msg what) {
    if (id.empty()) return;
    auto [it, inserted] = seen.emplace(id, where);
    if (!inserted) {
      const auto first = it->second.known() ? msg<Msg::common_at_line>(arg<"path">(it->second.file->path()),
                                                                       arg<"line">(it->second.file->locate(it->second.offset).line))
                                            : term(Msg::term_elsewhere);
      diags.error(where, msg<Msg::duplicate_id_site_id>(arg<"what">(term(what)), arg<"id">(id), arg<"first">(first)),
                  {msg<Msg::duplicate_id_site_id_hint>()});
    }
  };
  for (const auto& p : model.plans) claim(p.id, p.location, Msg::term_plan);
  for (const auto& d : model.documents) claim(d.id, d.location, Msg::term_external_document);
  return model;
}

}  // namespace planpress::validate
