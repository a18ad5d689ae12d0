#include "validate/validate.hpp"

#include <map>

#include "validate/document_reader.hpp"
#include "validate/plan_reader.hpp"

namespace planpress::validate {

Model validate(const content::RawContent& raw, base::Diagnostics& diags) {
  Model model;
  check_characters(raw, diags);
  if (raw.site) model.site = read_site(*raw.site, raw.assets, diags);
  if (raw.documents) model.documents = read_documents(*raw.documents, diags);
  for (const auto& rp : raw.plans) {
    if (!rp.plan) continue;
    PlanReader reader(rp, diags);
    model.plans.push_back(reader.run());
    for (auto& d : reader.documents_) model.documents.push_back(std::move(d));
  }
  // Plan and document ids share one site-wide namespace: both are reference targets.
  std::map<std::string, base::Location> seen;
  auto claim = [&](const std::string& id, const base::Location& where, const std::string& what) {
    if (id.empty()) return;
    auto [it, inserted] = seen.emplace(id, where);
    if (!inserted) {
      const auto first = it->second.known() ? it->second.file->path() + ":" + std::to_string(it->second.file->locate(it->second.offset).line)
                                            : std::string("elsewhere");
      diags.error(base::Code::duplicate_id, where, what + " id '" + id + "' is already used (" + first + ")",
                  {"plan and external-document ids must be unique across the site"});
    }
  };
  for (const auto& p : model.plans) claim(p.id, p.location, "plan");
  for (const auto& d : model.documents) claim(d.id, d.location, "external document");
  check_series(model, diags);
  return model;
}

}  // namespace planpress::validate
